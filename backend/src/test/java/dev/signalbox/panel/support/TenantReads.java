package dev.signalbox.panel.support;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.signalbox.panel.support.contract.OpenApiContract.Operation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Everything a tenant can read about itself, taken by calling every GET operation of openapi.yaml
 * with the tenant's own ids: compared before and after another tenant's calls, it shows whether
 * any of them changed the tenant's data.
 */
public final class TenantReads {

    /** Fields that move without anybody changing the tenant's data (node reports, token use, the clock of metrics). */
    private static final Set<String> VOLATILE_FIELDS = Set.of("nodes", "lastUsedAt", "convergence", "startsAt",
            "endsAt");

    private final TenantResources tenant;
    private final List<Operation> reads;
    private final Map<String, String> queries;

    /**
     * @param reads   the GET operations to take (all of their path parameters must have fixtures)
     * @param queries operationId → query string template to add (placeholders: the tenant's ids)
     */
    public TenantReads(TenantResources tenant, List<Operation> reads, Map<String, String> queries) {
        this.tenant = tenant;
        this.reads = List.copyOf(reads);
        this.queries = Map.copyOf(queries);
    }

    /** GET path → what it answered (status and body without volatile fields). */
    public Map<String, String> take() {
        Map<String, String> state = new LinkedHashMap<>();
        for (Operation read : reads) {
            String path = tenant.fill(read.pathTemplate()) + query(read);
            ApiClient.Response response = tenant.client().get(path);
            state.put(path, response.status() + " " + withoutVolatileFields(response));
        }
        return state;
    }

    /** A state that no longer changes on its own (work the tenant's own setup started has settled). */
    public Map<String, String> takeSettled(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Map<String, String> previous = take();
        while (Instant.now().isBefore(deadline)) {
            sleep();
            Map<String, String> current = take();
            if (current.equals(previous)) {
                return current;
            }
            previous = current;
        }
        return previous;
    }

    /** The reads that differ between two states, each as "GET path: before → after". */
    public static List<String> differences(Map<String, String> before, Map<String, String> after) {
        return before.keySet().stream().filter(path -> !Objects.equals(before.get(path), after.get(path)))
                .map(path -> "GET " + path + ": " + before.get(path) + " → " + after.get(path)).toList();
    }

    private String query(Operation read) {
        String query = queries.get(read.id());
        return query == null ? "" : "?" + tenant.fill(query);
    }

    private static String withoutVolatileFields(ApiClient.Response response) {
        if (!response.contentType().contains("json") || response.body().isBlank()) {
            return response.body();
        }
        JsonNode body = response.json();
        strip(body);
        return body.toString();
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            VOLATILE_FIELDS.forEach(object::remove);
        }
        node.values().forEach(TenantReads::strip);
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
