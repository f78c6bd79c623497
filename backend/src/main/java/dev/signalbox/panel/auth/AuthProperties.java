package dev.signalbox.panel.auth;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of sign-in under {@code signalbox.auth.*}.
 *
 * @param operators    e-mail addresses of platform operators: they see all tenants and the node fleet
 * @param session      console session lifetimes
 * @param loginThrottle how repeated login failures slow down and then lock
 */
@ConfigurationProperties("signalbox.auth")
public record AuthProperties(
        @DefaultValue List<String> operators,
        @DefaultValue Session session,
        @DefaultValue LoginThrottle loginThrottle) {

    /**
     * @param idleTimeout      a session unused for this long ends
     * @param absoluteLifetime a session ends this long after its login, however busy it is
     */
    public record Session(@DefaultValue("30m") Duration idleTimeout, @DefaultValue("12h") Duration absoluteLifetime) {
    }

    /**
     * @param slowdownAfter      failures after which each further attempt must wait, doubling from slowdownBase
     * @param slowdownBase       the first wait
     * @param accountMaxFailures failures of one account that lock it
     * @param addressMaxFailures failures from one source address that lock it
     * @param failureWindow      failures older than this are forgotten
     * @param lockout            how long a lock lasts
     */
    public record LoginThrottle(
            @DefaultValue("3") int slowdownAfter,
            @DefaultValue("1s") Duration slowdownBase,
            @DefaultValue("5") int accountMaxFailures,
            @DefaultValue("20") int addressMaxFailures,
            @DefaultValue("15m") Duration failureWindow,
            @DefaultValue("15m") Duration lockout) {
    }

    Set<String> operatorEmails() {
        return operators.stream().map(email -> email.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }
}
