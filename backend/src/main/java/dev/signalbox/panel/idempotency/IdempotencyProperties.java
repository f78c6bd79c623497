package dev.signalbox.panel.idempotency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retention     how long a response is replayed for its key
 * @param purgeInterval how often expired responses are deleted
 */
@ConfigurationProperties("signalbox.idempotency")
record IdempotencyProperties(@DefaultValue("24h") Duration retention, @DefaultValue("10m") Duration purgeInterval) {
}
