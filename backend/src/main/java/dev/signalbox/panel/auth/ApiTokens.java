package dev.signalbox.panel.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.signalbox.panel.problem.NotFoundException;

/** Issues, lists, revokes and checks the API tokens of users. */
@Service
class ApiTokens {

    static final int MAX_LIFETIME_DAYS = 365;
    private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

    private final ApiTokenRepository tokens;
    private final UserAccounts users;
    private final Clock clock;
    private final ApiTokenSecrets secrets = new ApiTokenSecrets(new SecureRandom());

    ApiTokens(ApiTokenRepository tokens, UserAccounts users, Clock clock) {
        this.tokens = tokens;
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

    @Transactional(readOnly = true)
    List<ApiTokenView> list(UserInfo owner) {
        return tokens.findActive(owner.tenantId(), owner.id()).stream().map(StoredApiToken::view).toList();
    }

    @Transactional
    void revoke(UserInfo owner, UUID tokenId) {
        StoredApiToken token = tokens.findByIdAndTenantIdAndUserId(tokenId, owner.tenantId(), owner.id())
                .orElseThrow(() -> new NotFoundException("No API token " + tokenId));
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
