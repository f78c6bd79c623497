package dev.signalbox.panel.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * One resource of every kind a path parameter of openapi.yaml names, created through the API in one
 * tenant, so that tests walking every operation (bad input, tenant isolation) have a real id for
 * each {@code {parameter}}. A new path parameter needs one line in {@link #PATH_PARAMETERS}.
 */
public final class TenantResources {

    /** Creates the resource a path parameter names in {@code tenant} and returns the parameter's value. */
    @FunctionalInterface
    public interface IdFixture {
        String create(TenantResources tenant);
    }

    public record PathParameter(String name, IdFixture fixture) {
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    /** In creation order: a fixture may use the ids of those before it ({@code {loadBalancerId}} …). */
    public static final List<PathParameter> PATH_PARAMETERS = List.of(
            new PathParameter("loadBalancerId", t -> t.createdId("/api/v1/load-balancers",
                    "{\"name\":\"" + t.slug() + "\"}")),
            new PathParameter("targetGroupId", t -> t.createdId("/api/v1/load-balancers/{loadBalancerId}/target-groups",
                    "{\"name\":\"web\"}")),
            new PathParameter("targetId", t -> t.createdId(
                    "/api/v1/load-balancers/{loadBalancerId}/target-groups/{targetGroupId}/targets",
                    "{\"targets\":[{\"host\":\"127.0.0.1\",\"port\":9001}]}")),
            new PathParameter("listenerId", t -> t.createdId("/api/v1/load-balancers/{loadBalancerId}/listeners",
                    "{\"protocol\":\"HTTP\",\"port\":8080,\"defaultAction\":{\"type\":\"FORWARD\","
                            + "\"targetGroupId\":\"{targetGroupId}\"}}")),
            new PathParameter("tokenId", t -> t.createdId("/api/v1/tokens", "{\"name\":\"t\",\"scopes\":[\"read\"]}")),
            new PathParameter("userId", t -> t.client().get("/api/v1/session").expectStatus(200).json()
                    .path("user").path("id").asString()),
            new PathParameter("invitationId", t -> t.createdId("/api/v1/invitations",
                    "{\"email\":\"invited-" + t.slug() + "@example.com\",\"role\":\"VIEWER\"}")),
            new PathParameter("ruleId", t -> t.createdId("/api/v1/load-balancers/{loadBalancerId}/listeners/{listenerId}/rules",
                    "{\"priority\":1,\"action\":{\"type\":\"FIXED_RESPONSE\",\"fixedResponse\":{\"statusCode\":503}}}")),
            new PathParameter("certificateId", t -> t.createdId("/api/v1/certificates", SampleBodies.certificateBody("tls"))),
            // revision numbers are per load balancer, not ids: the same in every tenant
            new PathParameter("revision", t -> "1"),
            new PathParameter("fromRevision", t -> "1"),
            new PathParameter("toRevision", t -> "2"));

    private final ApiClient client;
    private final String slug;
    private final Map<String, String> ids = new LinkedHashMap<>();

    private TenantResources(ApiClient client, String slug) {
        this.client = client;
        this.slug = slug;
    }

    /** Creates one of everything in the tenant whose admin is signed in on {@code admin}. */
    public static TenantResources create(ApiClient admin, String slug) {
        TenantResources tenant = new TenantResources(admin, slug);
        for (PathParameter parameter : PATH_PARAMETERS) {
            tenant.ids.put(parameter.name(), parameter.fixture().create(tenant));
        }
        return tenant;
    }

    public static Optional<PathParameter> fixtureOf(String pathParameter) {
        return PATH_PARAMETERS.stream().filter(p -> p.name().equals(pathParameter)).findFirst();
    }

    public ApiClient client() {
        return client;
    }

    /** The tenant's slug, also the name of its load balancer: unique, so it shows up if it leaks. */
    public String slug() {
        return slug;
    }

    /** Path parameter name → this tenant's value. */
    public Map<String, String> ids() {
        return Map.copyOf(ids);
    }

    public String id(String pathParameter) {
        String id = ids.get(pathParameter);
        if (id == null) {
            throw new IllegalStateException("No fixture for path parameter " + pathParameter
                    + " in TenantResources.PATH_PARAMETERS");
        }
        return id;
    }

    /** {@code template} with every {@code {name}} replaced by this tenant's id of that name. */
    public String fill(String template) {
        return fill(template, ids);
    }

    /** {@code template} with every {@code {name}} that {@code values} has replaced; others stay as they are. */
    public static String fill(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value == null ? matcher.group() : value));
        }
        return matcher.appendTail(filled).toString();
    }

    /** POSTs {@code body} to {@code pathTemplate} and returns the new resource's id (or the first item's). */
    public String createdId(String pathTemplate, String body) {
        ApiClient.Response response = client.post(fill(pathTemplate), fill(body));
        if (response.status() / 100 != 2) {
            throw new AssertionError("Fixture POST " + pathTemplate + " answered " + response.status() + ": " + response.body());
        }
        JsonNode created = response.json();
        return created.has("id") ? created.path("id").asString() : created.path("items").path(0).path("id").asString();
    }
}
