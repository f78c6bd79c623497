package dev.signalbox.node.routing;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sticky-session settings of this node, under {@code signalbox.node.stickiness.*}; which groups and
 * forwards are sticky, and for how long, comes with each snapshot.
 *
 * @param secret the key the stickiness cookies are signed with. Give every node of a fleet the same
 *               one, so that any node honours the cookies another set; without it a node draws its
 *               own at start, and its clients are assigned afresh when they reach another node or it
 *               restarts.
 */
@ConfigurationProperties("signalbox.node.stickiness")
public record StickinessProperties(@Nullable String secret) {
}
