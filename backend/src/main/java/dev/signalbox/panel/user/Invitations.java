package dev.signalbox.panel.user;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.signalbox.panel.auth.Role;
import dev.signalbox.panel.auth.SecurityEvent;
import dev.signalbox.panel.auth.SignalboxPrincipal;
import dev.signalbox.panel.auth.TenantDirectory;
import dev.signalbox.panel.auth.UserAccounts;
import dev.signalbox.panel.auth.UserInfo;
import dev.signalbox.panel.problem.ConflictException;
import dev.signalbox.panel.problem.NotFoundException;
import dev.signalbox.panel.rowsecurity.RowScope;

/**
 * Invites people into a tenant and turns accepted invitations into users. The few lookups that
 * cross tenants (is the e-mail taken anywhere, which invitation does a secret belong to) run in the
 * system row scope; the changes run in the tenant's.
 */
@Service
class Invitations {

    private static final String RESOURCE = "invitation";

    private final InvitationRepository invitations;
    private final UserAccounts users;
    private final TenantDirectory tenants;
    private final InvitationMailer mailer;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final TransactionTemplate outsideTransactions;
    private final InvitationProperties properties;
    private final Clock clock;
    private final InvitationSecrets secrets = new InvitationSecrets();

    Invitations(InvitationRepository invitations, UserAccounts users, TenantDirectory tenants, InvitationMailer mailer,
            ApplicationEventPublisher events, TransactionTemplate transactions, InvitationProperties properties,
            Clock clock) {
        this.invitations = invitations;
        this.users = users;
        this.tenants = tenants;
        this.mailer = mailer;
        this.events = events;
        this.transactions = transactions;
        this.outsideTransactions = new TransactionTemplate(transactions.getTransactionManager());
        this.outsideTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        this.properties = properties;
        this.clock = clock;
    }

    /** Creates the invitation and mails its link; an open invitation for the same address is replaced. */
    Invitation invite(SignalboxPrincipal admin, String email, Role role, String requestBaseUrl) {
        String canonical = email.trim().toLowerCase(Locale.ROOT);
        requireUnused(canonical);
        String consoleUrl = properties.consoleUrl().isBlank() ? requestBaseUrl : properties.consoleUrl();
        return transactions.execute(status -> {
            Instant now = clock.instant();
            invitations.findOpenFor(admin.tenantId(), canonical).forEach(open -> open.revoke(now));
            String secret = secrets.issue();
            Invitation invitation = invitations.save(new Invitation(admin.tenantId(), canonical, role,
                    InvitationSecrets.hash(secret), admin.user().email(), now, now.plus(properties.lifetime())));
            events.publishEvent(new SecurityEvent(admin.tenantId(), SecurityEvent.INVITATION_SENT, RESOURCE,
                    invitation.id().toString(), canonical + " invited as " + role, null, Map.of(),
                    Map.of("email", canonical, "role", role.name(), "expiresAt", invitation.expiresAt().toString())));
            mailer.send(invitation, tenants.describe(admin.tenantId()).name(),
                    InvitationMailer.acceptLink(consoleUrl, secret));
            return invitation;
        });
    }

    List<Invitation> pending(UUID tenantId) {
        return invitations.findPending(tenantId, clock.instant());
    }

    void revoke(UUID tenantId, UUID invitationId) {
        transactions.executeWithoutResult(status -> {
            Invitation invitation = invitations.findByIdAndTenantId(invitationId, tenantId)
                    .filter(found -> found.isPendingAt(clock.instant()))
                    .orElseThrow(() -> new NotFoundException("No pending invitation " + invitationId));
            invitation.revoke(clock.instant());
            events.publishEvent(new SecurityEvent(tenantId, SecurityEvent.INVITATION_REVOKED, RESOURCE,
                    invitationId.toString(), "Invitation of " + invitation.email() + " revoked", null,
                    Map.of("email", invitation.email()), Map.of()));
        });
    }

    /** Turns a pending invitation into a user of its tenant, once; unknown, used and expired links are 404. */
    UserInfo accept(String secret, String displayName, String password) {
        Invitation found = RowScope.system(() -> invitations.findByTokenHash(InvitationSecrets.hash(secret)))
                .filter(invitation -> invitation.isPendingAt(clock.instant()))
                .orElseThrow(Invitations::unusable);
        requireUnused(found.email());
        return RowScope.tenant(found.tenantId(), () -> transactions.execute(status -> {
            Invitation invitation = invitations.lockByIdAndTenantId(found.id(), found.tenantId())
                    .filter(locked -> locked.isPendingAt(clock.instant()))
                    .orElseThrow(Invitations::unusable);
            invitation.accept(clock.instant());
            UserInfo user = users.create(invitation.tenantId(), invitation.email(), displayName, password,
                    invitation.role());
            events.publishEvent(new SecurityEvent(invitation.tenantId(), SecurityEvent.INVITATION_ACCEPTED, RESOURCE,
                    invitation.id().toString(), user.email() + " joined as " + user.role(), user.email(), Map.of(),
                    Map.of("userId", user.id().toString(), "email", user.email(), "role", user.role().name())));
            return user;
        }));
    }

    /**
     * E-mails are unique across tenants, so the check looks at every tenant. It suspends a transaction
     * the caller may have open (an inviteUser with an Idempotency-Key runs in one, bound to the tenant's
     * row scope) and looks on a connection of its own in the system scope.
     */
    private void requireUnused(String email) {
        Boolean taken = outsideTransactions.execute(status -> RowScope.system(() -> users.emailTaken(email)));
        if (Boolean.TRUE.equals(taken)) {
            throw new ConflictException("A user with e-mail " + email + " exists already");
        }
    }

    private static NotFoundException unusable() {
        return new NotFoundException("This invitation link is unknown, used, revoked or expired; ask for a new one");
    }
}
