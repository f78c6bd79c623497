package dev.signalbox.panel.auth;

import java.time.Duration;

import org.springframework.http.HttpHeaders;

import dev.signalbox.panel.problem.ProblemType;
import dev.signalbox.panel.problem.SignalboxProblemException;

/** A login refused by the throttle: 429 with the seconds to wait in {@code Retry-After}. */
final class LoginThrottledException extends SignalboxProblemException {

    LoginThrottledException(Duration wait) {
        super(ProblemType.TOO_MANY_REQUESTS, "Too many failed logins for this account or address; try again in "
                + seconds(wait) + " s");
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds(wait)));
        getBody().setProperty("retryAfterSeconds", seconds(wait));
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
