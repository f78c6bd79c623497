package dev.signalbox.panel.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EntityManager;

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

    private final ApiTokenRepository tokens;
    private final UserAccounts users;
    private final EntityManager entityManager;
    private final Clock clock;
    private final ApiTokenSecrets secrets = new ApiTokenSecrets(new SecureRandom());

    ApiTokens(ApiTokenRepository tokens, UserAccounts users, EntityManager entityManager, Clock clock) {
        this.tokens = tokens;
        this.entityManager = entityManager;
        this.users = users;
        this.clock = clock;
    }

    record Created(ApiTokenView token, String secret) {
    }

    @Transactional
    Created create(UserInfo owner, String name, Set<TokenScope> scopes, int lifetimeDays) {
        Instant now = clock.instant();
        int days = Math.max(1, Math.min(lifetimeDays, MAX_LIFETIME_DAYS));
        ApiTokenSecrets.Issued issued = secrets.issue();
        StoredApiToken token = tokens.save(new StoredApiToken(owner, name.trim(), issued, scopes, now, now.plus(Duration.ofDays(days))));
        return new Created(token.view(), issued.secret());
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

    @Transactional
    void revoke(UserInfo owner, UUID tokenId, IfMatch ifMatch) {
        StoredApiToken token = tokens.findLockedByIdAndTenantIdAndUserId(tokenId, owner.tenantId(), owner.id())
                .orElseThrow(() -> new NotFoundException("No API token " + tokenId));
        ifMatch.verify(token.view().entityTag());
        token.revoke(clock.instant());
    }

    /**
     * The principal a presented token stands for, with the rights of its user as they are now;
     * empty if the token is unknown, revoked or expired, or its user is gone.
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
        return user.map(owner -> SignalboxPrincipal.token(owner, found.scopes()));
    }
}
