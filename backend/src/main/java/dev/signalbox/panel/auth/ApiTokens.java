package dev.signalbox.panel.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.signalbox.panel.conditional.IfMatch;
import dev.signalbox.panel.paging.KeysetQuery;
import dev.signalbox.panel.paging.NameFilter;
import dev.signalbox.panel.paging.Page;
import dev.signalbox.panel.paging.PageQuery;
import dev.signalbox.panel.problem.NotFoundException;

/** Issues, lists, revokes and checks the API tokens of users. */
@Service
class ApiTokens {

    static final int MAX_LIFETIME_DAYS = 365;
    private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);
    private static final String RESOURCE = "api-token";

    private final ApiTokenRepository tokens;
    private final UserAccounts users;
    private final EntityManager entityManager;
    private final PlatformOperators operators;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ApiTokenSecrets secrets = new ApiTokenSecrets(new SecureRandom());

    ApiTokens(ApiTokenRepository tokens, UserAccounts users, EntityManager entityManager, PlatformOperators operators,
            ApplicationEventPublisher events, Clock clock) {
        this.tokens = tokens;
        this.entityManager = entityManager;
        this.users = users;
        this.operators = operators;
        this.events = events;
        this.clock = clock;
    }

    record Created(ApiTokenView token, String secret) {
    }

    /** A token with the user it belongs to, for admins. */
    record Owned(ApiTokenView token, UUID ownerId, String ownerEmail) {
    }

    @Transactional
    Created create(UserInfo owner, String name, Set<TokenScope> scopes, int lifetimeDays) {
        Instant now = clock.instant();
        int days = Math.max(1, Math.min(lifetimeDays, MAX_LIFETIME_DAYS));
        ApiTokenSecrets.Issued issued = secrets.issue();
        StoredApiToken token = tokens.save(new StoredApiToken(owner, name.trim(), issued, scopes, now, now.plus(Duration.ofDays(days))));
        ApiTokenView view = token.view();
        events.publishEvent(new SecurityEvent(owner.tenantId(), SecurityEvent.TOKEN_CREATED, RESOURCE,
                view.id().toString(), "API token '" + view.name() + "' created for " + owner.email(), null, Map.of(),
                Map.of("name", view.name(), "scopes", view.scopes().stream().map(TokenScope::wireName).sorted().toList(),
                        "expiresAt", view.expiresAt().toString(), "owner", owner.email())));
        return new Created(view, issued.secret());
    }

    /** A page of the owner's tokens that are not revoked, by name. */
    @Transactional(readOnly = true)
    Page<ApiTokenView> list(UserInfo owner, NameFilter names, PageQuery page) {
        return KeysetQuery.of(entityManager, StoredApiToken.class, "name")
                .whereEqual("tenantId", owner.tenantId())
                .whereEqual("userId", owner.id())
                .where((root, builder) -> builder.isNull(root.get("revokedAt")))
                .named("name", names)
                .page(page)
                .map(StoredApiToken::view);
    }

    /** Every unrevoked token of the tenant with its owner. */
    @Transactional(readOnly = true)
    List<Owned> listTenant(UUID tenantId) {
        return tokens.findActiveWithOwner(tenantId).stream()
                .map(row -> new Owned(((StoredApiToken) row[0]).view(), ((StoredApiToken) row[0]).userId(),
                        (String) row[1]))
                .toList();
    }

    /** Revokes one of the caller's own tokens. */
    @Transactional
    void revoke(UserInfo owner, UUID tokenId, IfMatch ifMatch) {
        StoredApiToken token = tokens.findLockedByIdAndTenantIdAndUserId(tokenId, owner.tenantId(), owner.id())
                .orElseThrow(() -> new NotFoundException("No API token " + tokenId));
        ifMatch.verify(token.view().entityTag());
        revoke(owner.tenantId(), token);
    }

    /** Revokes any token of the tenant (admins). */
    @Transactional
    void revokeInTenant(UUID tenantId, UUID tokenId) {
        StoredApiToken token = tokens.findByIdAndTenantId(tokenId, tenantId)
                .orElseThrow(() -> new NotFoundException("No API token " + tokenId));
        revoke(tenantId, token);
    }

    private void revoke(UUID tenantId, StoredApiToken token) {
        if (!token.isRevoked()) {
            token.revoke(clock.instant());
            ApiTokenView view = token.view();
            events.publishEvent(new SecurityEvent(tenantId, SecurityEvent.TOKEN_REVOKED, RESOURCE, view.id().toString(),
                    "API token '" + view.name() + "' revoked", null, Map.of("revoked", false), Map.of("revoked", true)));
        }
    }

    /**
     * The principal a presented token stands for, with the rights of its user as they are now;
     * empty if the token is unknown, revoked or expired, or its user is gone. Runs in the system
     * row scope: the tenant is what this finds out.
     */
    @Transactional
    Optional<SignalboxPrincipal> authenticate(String presented) {
        Instant now = clock.instant();
        Optional<StoredApiToken> token = ApiTokenSecrets.hashOfPresented(presented)
                .flatMap(tokens::findByTokenHash)
                .filter(candidate -> candidate.isUsableAt(now));
        if (token.isEmpty()) {
            return Optional.empty();
        }
        StoredApiToken found = token.get();
        Optional<UserInfo> user = users.find(found.userId()).filter(u -> u.tenantId().equals(found.tenantId()));
        if (user.isPresent() && found.lastUseOlderThan(LAST_USED_GRANULARITY, now)) {
            tokens.markUsed(found.id(), now);
        }
        SignalboxPrincipal.TokenRef ref = new SignalboxPrincipal.TokenRef(found.id(), found.view().name());
        return user.map(owner -> SignalboxPrincipal.token(owner, ref, found.scopes(), operators.isOperator(owner)));
    }
}
