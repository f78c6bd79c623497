package dev.signalbox.panel.support;

import java.util.Map;
import java.util.UUID;

/**
 * Values to send for query and header parameters of openapi.yaml when a test walks every
 * operation. A new required query parameter or any new header parameter needs one line here.
 */
public final class ParameterSamples {

    /** A header's value for a call on {@code path}, which belongs to {@code owner}. */
    @FunctionalInterface
    public interface HeaderSample {
        String value(TenantResources owner, String path);
    }

    /** operationId → query string; placeholders are the resource owner's ids (a filter naming its resource). */
    public static final Map<String, String> QUERIES = Map.of(
            "listAuditEvents", "resourceId={loadBalancerId}&limit=200",
            "getLoadBalancerMetrics", "window=1h&targetGroupId={targetGroupId}&targetId={targetId}");

    /** Header name → value: what a caller holding the owner's resource would send. */
    public static final Map<String, HeaderSample> HEADERS = Map.of(
            "Idempotency-Key", (owner, path) -> UUID.randomUUID().toString(),
            // the owner's current ETag of the resource, so only scoping can stop the change
            "If-Match", (owner, path) -> owner.client().get(path).raw().headers().firstValue("ETag").orElse("*"));

    private ParameterSamples() {
    }
}
