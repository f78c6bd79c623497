package dev.signalbox.panel.auth;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed logins per account and per source address in Postgres (shared by every panel
 * instance). After {@code slowdownAfter} failures of an account each further attempt must wait,
 * doubling each time; at its maximum an account or address is locked for {@code lockout}. A wait or lock refuses the attempt
 * before the password is even checked, so guessing gets no answers while it lasts.
 */
@Component
class LoginThrottle {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuthProperties.LoginThrottle settings;

    LoginThrottle(JdbcClient jdbc, Clock clock, AuthProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = properties.loginThrottle();
    }

    /** What a failure led to: the key that is now locked, if one is. */
    record Failure(@Nullable String lockedKey) {
    }

    static String accountKey(String canonicalEmail) {
        return "account:" + canonicalEmail;
    }

    static String addressKey(String address) {
        return "address:" + address;
    }

    /** How long the attempt must wait, or empty when it may go ahead. */
    @Transactional(readOnly = true)
    Optional<Duration> waitBefore(String accountKey, String addressKey) {
        Instant now = clock.instant();
        Duration longest = Duration.ZERO;
        for (Row row : rows(List.of(accountKey, addressKey))) {
            Duration wait = row.waitAt(now, settings, row.key().equals(accountKey));
            if (wait.compareTo(longest) > 0) {
                longest = wait;
            }
        }
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    @Transactional
    Failure recordFailure(String accountKey, String addressKey) {
        String locked = null;
        if (count(accountKey, settings.accountMaxFailures())) {
            locked = accountKey;
        }
        if (count(addressKey, settings.addressMaxFailures())) {
            locked = locked == null ? addressKey : locked;
        }
        return new Failure(locked);
    }

    /** A correct password clears the account's failures; the address keeps its count (one could own an account). */
    @Transactional
    void recordSuccess(String accountKey) {
        jdbc.sql("delete from login_throttles where throttle_key = ?").param(accountKey).update();
    }

    /** Adds a failure; starts a lock and returns true when this failure reaches {@code max}. */
    private boolean count(String key, int max) {
        Instant now = clock.instant();
        Timestamp stale = Timestamp.from(now.minus(settings.failureWindow()));
        // failures older than the window, or from before a lock that has passed, start over
        int failures = jdbc.sql("""
                insert into login_throttles (throttle_key, failures, first_failure_at, last_failure_at)
                values (:key, 1, :now, :now)
                on conflict (throttle_key) do update set
                    failures = case when login_throttles.first_failure_at < :stale or login_throttles.locked_until <= :now
                                    then 1 else login_throttles.failures + 1 end,
                    first_failure_at = case when login_throttles.first_failure_at < :stale or login_throttles.locked_until <= :now
                                    then :now else login_throttles.first_failure_at end,
                    locked_until = case when login_throttles.locked_until <= :now then null
                                    else login_throttles.locked_until end,
                    last_failure_at = :now
                returning failures""")
                .param("key", key).param("now", Timestamp.from(now)).param("stale", stale)
                .query(Integer.class).single();
        if (failures < max) {
            return false;
        }
        jdbc.sql("update login_throttles set locked_until = ? where throttle_key = ?")
                .params(Timestamp.from(now.plus(settings.lockout())), key).update();
        return failures == max;
    }

    private List<Row> rows(List<String> keys) {
        return jdbc.sql("select throttle_key, failures, first_failure_at, last_failure_at, locked_until"
                        + " from login_throttles where throttle_key in (:keys)")
                .param("keys", keys)
                .query((rs, n) -> new Row(rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
                .list();
    }

    private record Row(String key, int failures, Instant firstFailureAt, Instant lastFailureAt,
            @Nullable Instant lockedUntil) {

        /** Accounts slow down and lock; addresses (possibly a whole office behind NAT) only lock. */
        Duration waitAt(Instant now, AuthProperties.LoginThrottle settings, boolean slowsDown) {
            if (lockedUntil != null && lockedUntil.isAfter(now)) {
                return Duration.between(now, lockedUntil);
            }
            boolean forgotten = firstFailureAt.isBefore(now.minus(settings.failureWindow()))
                    || (lockedUntil != null && !lockedUntil.isAfter(now));
            if (forgotten || !slowsDown || failures < settings.slowdownAfter()) {
                return Duration.ZERO;
            }
            int doublings = Math.min(failures - settings.slowdownAfter(), 20);
            Instant next = lastFailureAt.plus(settings.slowdownBase().multipliedBy(1L << doublings));
            return next.isAfter(now) ? Duration.between(now, next) : Duration.ZERO;
        }
    }
}
