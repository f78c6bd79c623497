package dev.signalbox.panel.auth;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import dev.signalbox.panel.problem.ProblemType;
import dev.signalbox.panel.problem.SignalboxProblemException;
import dev.signalbox.panel.rowsecurity.RowScope;

/**
 * Checks a console login against the throttle and the password, and audits every outcome. The
 * lookups run in the system row scope: the e-mail is what tells the tenant.
 */
@Service
class PasswordLogins {

    private final UserAccounts users;
    private final LoginThrottle throttle;
    private final ApplicationEventPublisher events;

    PasswordLogins(UserAccounts users, LoginThrottle throttle, ApplicationEventPublisher events) {
        this.users = users;
        this.throttle = throttle;
        this.events = events;
    }

    /** The user the credentials belong to; throws 429 while throttled and 401 for wrong ones. */
    UserInfo check(String email, String password, String sourceAddress) {
        String canonical = EmailAddresses.canonical(email);
        String accountKey = LoginThrottle.accountKey(canonical);
        String addressKey = LoginThrottle.addressKey(sourceAddress);
        return RowScope.system(() -> {
            Optional<Duration> wait = throttle.waitBefore(accountKey, addressKey);
            if (wait.isPresent()) {
                events.publishEvent(SecurityEvent.of(null, SecurityEvent.LOGIN_FAILED, "session", null,
                        "Login refused while throttled (" + canonical + ")", canonical));
                throw new LoginThrottledException(wait.get());
            }
            UserAccounts.PasswordCheck check = users.checkPassword(canonical, password);
            if (check.matches() && check.account() != null) {
                throttle.recordSuccess(accountKey);
                return check.account();
            }
            LoginThrottle.Failure failure = throttle.recordFailure(accountKey, addressKey);
            UUID tenantId = check.account() == null ? null : check.account().tenantId();
            events.publishEvent(SecurityEvent.of(tenantId, SecurityEvent.LOGIN_FAILED, "session", null,
                    "Wrong e-mail or password for " + canonical, canonical));
            if (failure.lockedKey() != null) {
                events.publishEvent(SecurityEvent.of(tenantId, SecurityEvent.LOCKED_OUT, "session", failure.lockedKey(),
                        "Logins locked for " + failure.lockedKey() + " after repeated failures", canonical));
            }
            throw new SignalboxProblemException(ProblemType.UNAUTHORIZED, "Wrong e-mail or password");
        });
    }
}
