package dev.signalbox.node.routing;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.signalbox.node.balancing.TargetSelector;
import dev.signalbox.protocol.StickinessSnapshot;
import dev.signalbox.protocol.TargetGroupSnapshot;
import dev.signalbox.protocol.TargetSnapshot;
import io.netty.handler.codec.http.cookie.DefaultCookie;
import io.netty.handler.codec.http.cookie.ServerCookieEncoder;

/**
 * Sticky sessions by load-balancer cookie, as ALB's {@code AWSALB} and {@code AWSALBTG}:
 * <ul>
 * <li>target stickiness of a group: {@value #TARGET_COOKIE} names the target that served the client,
 *     and its later requests go there while the target still takes requests (registered, not
 *     unhealthy, not draining, weight above 0); otherwise the algorithm picks and the cookie is replaced;
 * <li>group stickiness of a weighted forward: {@value #GROUP_COOKIE} names the group the client was
 *     drawn into, so it stays there, during a canary for instance, while the forward still has it.
 * </ul>
 * A cookie is set when a client is assigned, with {@code Max-Age} the configured duration, and the
 * stickiness ends then even if a client keeps sending it. Values are {@link StickinessTokens}.
 * Requests without a valid cookie cost nothing more than a cookie lookup.
 */
@Component
public class StickySessions {

    public static final String TARGET_COOKIE = "SBX-LB";
    public static final String GROUP_COOKIE = "SBX-LB-TG";

    private static final Logger log = LoggerFactory.getLogger(StickySessions.class);
    /** The one kind of target stickiness: a cookie the load balancer sets. */
    private static final String LB_COOKIE = "lb_cookie";
    private static final int DRAWN_KEY_BYTES = 32;

    private final StickinessTokens tokens;
    private final Clock clock;

    @Autowired
    public StickySessions(StickinessProperties properties, Clock clock) {
        this(new StickinessTokens(keyOf(properties)), clock);
    }

    StickySessions(StickinessTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /**
     * The target for a request of {@code forward}: the one its cookie names, if the group is sticky
     * and the target takes requests, else the algorithm's pick, then remembered in a new cookie.
     */
    public @Nullable TargetSnapshot pickTarget(ListenerRequest request, RoutingDecision.Forward forward,
            List<String> setCookies) {
        TargetSelector selector = forward.targets();
        String hashKey = RequestHashKey.of(request, forward.hashKey());
        TargetGroupSnapshot group = forward.group();
        if (group == null || !isSticky(group.attributes().stickiness())) {
            return selector.pick(hashKey);
        }
        long now = nowEpochSecond();
        UUID pinned = tokens.verify(group.id(), request.cookie(TARGET_COOKIE), now);
        TargetSnapshot target = pinned == null ? null : selector.pickTarget(pinned);
        if (target != null) {
            return target;
        }
        target = selector.pick(hashKey);
        if (target != null) {
            int duration = group.attributes().stickiness().durationSeconds();
            setCookies.add(setCookie(TARGET_COOKIE, tokens.issue(group.id(), target.id(), now + duration), duration));
        }
        return target;
    }

    /**
     * The group of a sticky weighted forward for this request: the one its cookie names while the
     * forward has it, else one drawn by weight, then remembered in a new cookie.
     */
    public RoutingDecision.Forward chooseGroup(ListenerRequest request, RoutingDecision.StickyGroups groups,
            List<String> setCookies) {
        long now = nowEpochSecond();
        UUID pinned = tokens.verify(groups.loadBalancerId(), request.cookie(GROUP_COOKIE), now);
        RoutingDecision.Forward forward = pinned == null ? null : groups.split().forwardTo(pinned);
        if (forward == null) {
            forward = groups.split().draw();
            TargetGroupSnapshot group = forward.group();
            // a group missing from the snapshot has nothing to stick to
            if (group != null) {
                setCookies.add(setCookie(GROUP_COOKIE,
                        tokens.issue(groups.loadBalancerId(), group.id(), now + groups.durationSeconds()),
                        groups.durationSeconds()));
            }
        }
        return forward;
    }

    private long nowEpochSecond() {
        return clock.millis() / 1000;
    }

    private static boolean isSticky(StickinessSnapshot stickiness) {
        // a kind of stickiness newer than this node is not applied rather than guessed at
        return stickiness.enabled() && LB_COOKIE.equals(stickiness.type()) && stickiness.durationSeconds() > 0;
    }

    /** A Set-Cookie header value for the whole host, hidden from scripts. */
    private static String setCookie(String name, String value, int maxAgeSeconds) {
        DefaultCookie cookie = new DefaultCookie(name, value);
        cookie.setPath("/");
        cookie.setMaxAge(maxAgeSeconds);
        cookie.setHttpOnly(true);
        return ServerCookieEncoder.STRICT.encode(cookie);
    }

    private static byte[] keyOf(StickinessProperties properties) {
        String secret = properties.secret();
        if (secret != null && !secret.isBlank()) {
            return secret.getBytes(StandardCharsets.UTF_8);
        }
        log.info("No signalbox.node.stickiness.secret is set: sticky-session cookies are honoured by this node "
                + "only, until it restarts. Give every node of a fleet the same secret.");
        byte[] drawn = new byte[DRAWN_KEY_BYTES];
        new SecureRandom().nextBytes(drawn);
        return drawn;
    }
}
