package dev.signalbox.panel.user;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.signalbox.panel.api.InvitationsApi;
import dev.signalbox.panel.api.model.AcceptInvitationRequest;
import dev.signalbox.panel.api.model.InvitationList;
import dev.signalbox.panel.api.model.InvitationRequest;
import dev.signalbox.panel.api.model.Session;
import dev.signalbox.panel.api.model.Tenant;
import dev.signalbox.panel.auth.CurrentPrincipal;
import dev.signalbox.panel.auth.Role;
import dev.signalbox.panel.auth.SessionLogin;
import dev.signalbox.panel.auth.SessionViews;
import dev.signalbox.panel.auth.TenantDirectory;
import dev.signalbox.panel.auth.UserInfo;
import dev.signalbox.panel.rowsecurity.RowScope;

@RestController
class InvitationController implements InvitationsApi {

    private final Invitations invitations;
    private final CurrentPrincipal currentPrincipal;
    private final SessionLogin sessionLogin;
    private final TenantDirectory tenants;

    InvitationController(Invitations invitations, CurrentPrincipal currentPrincipal, SessionLogin sessionLogin,
            TenantDirectory tenants) {
        this.invitations = invitations;
        this.currentPrincipal = currentPrincipal;
        this.sessionLogin = sessionLogin;
        this.tenants = tenants;
    }

    /** An {@code Idempotency-Key} is honoured by the idempotency filter: a retry sends no second e-mail. */
    @Override
    public ResponseEntity<dev.signalbox.panel.api.model.Invitation> inviteUser(InvitationRequest request,
            @Nullable String idempotencyKey) {
        String baseUrl = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        Invitation invitation = invitations.invite(currentPrincipal.get(), request.getEmail(),
                Role.valueOf(request.getRole().getValue()), baseUrl);
        return ResponseEntity.created(URI.create("/api/v1/invitations/" + invitation.id())).body(toDto(invitation));
    }

    @Override
    public ResponseEntity<InvitationList> listInvitations() {
        var items = invitations.pending(currentPrincipal.get().tenantId()).stream().map(InvitationController::toDto)
                .toList();
        return ResponseEntity.ok(new InvitationList(items));
    }

    @Override
    public ResponseEntity<Void> revokeInvitation(UUID invitationId) {
        invitations.revoke(currentPrincipal.get().tenantId(), invitationId);
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<Session> acceptInvitation(AcceptInvitationRequest request) {
        UserInfo user = invitations.accept(request.getToken(), request.getDisplayName(), request.getPassword());
        sessionLogin.logIn(user);
        TenantDirectory.Entry tenant = RowScope.tenant(user.tenantId(), () -> tenants.describe(user.tenantId()));
        Session body = new Session(SessionViews.user(user), new Tenant(tenant.id(), tenant.slug(), tenant.name()));
        return ResponseEntity.status(HttpStatus.CREATED).body(body);
    }

    private static dev.signalbox.panel.api.model.Invitation toDto(Invitation invitation) {
        return new dev.signalbox.panel.api.model.Invitation(invitation.id(), invitation.email(),
                dev.signalbox.panel.api.model.Invitation.RoleEnum.fromValue(invitation.role().name()),
                invitation.invitedByEmail(), invitation.createdAt().atOffset(ZoneOffset.UTC),
                invitation.expiresAt().atOffset(ZoneOffset.UTC));
    }
}
