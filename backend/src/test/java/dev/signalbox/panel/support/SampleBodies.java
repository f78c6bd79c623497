package dev.signalbox.panel.support;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import static java.util.Map.entry;

/**
 * A valid request body for every operation of openapi.yaml that takes one, keyed by operationId.
 * The bad-input test derives broken bodies from them; the isolation test sends them as another
 * tenant. {@code {pathParameter}} placeholders (e.g. {@code {targetGroupId}}) are filled with the
 * calling test's ids of {@link TenantResources}. A new operation with a body needs one line here.
 */
public final class SampleBodies {

    /** Configuration: load balancers, listeners, target groups, targets. */
    static final Map<String, String> CONFIGURATION = Map.ofEntries(
            entry("createLoadBalancer", "{\"name\":\"valid\"}"),
            entry("createListener", "{\"protocol\":\"HTTP\",\"port\":8081,\"defaultAction\":{\"type\":\"FORWARD\","
                    + "\"targetGroupId\":\"{targetGroupId}\"}}"),
            entry("createTargetGroup", "{\"name\":\"valid\",\"protocol\":\"HTTP\",\"algorithm\":\"ROUND_ROBIN\","
                    + "\"healthCheck\":{\"protocol\":\"HTTP\",\"path\":\"/health\",\"port\":8080,\"intervalSeconds\":30,"
                    + "\"timeoutSeconds\":5,\"healthyThreshold\":3,\"unhealthyThreshold\":2,\"matcher\":\"200-299\"}}"),
            entry("registerTargets", "{\"targets\":[{\"host\":\"10.0.0.9\",\"port\":8080,\"weight\":2}]}"));

    /** Identity: sign-up, sessions, tokens, users, invitations. */
    static final Map<String, String> IDENTITY = Map.ofEntries(
            entry("signUp", "{\"tenantSlug\":\"valid-slug\",\"tenantName\":\"Valid\",\"email\":\"valid@example.com\","
                    + "\"password\":\"long enough password\",\"displayName\":\"Valid\"}"),
            entry("logIn", "{\"email\":\"valid@example.com\",\"password\":\"long enough password\"}"),
            entry("createApiToken", "{\"name\":\"ci\",\"scopes\":[\"read\"],\"expiresInDays\":30}"),
            entry("changeUserRole", "{\"role\":\"EDITOR\"}"),
            entry("inviteUser", "{\"email\":\"invitee@example.com\",\"role\":\"VIEWER\"}"),
            entry("acceptInvitation", "{\"token\":\"no-such-invitation\",\"displayName\":\"Valid\","
                    + "\"password\":\"long enough password\"}"));

    /** Safety for CI: revisions, rollback, declarative configuration. */
    static final Map<String, String> CI_SAFETY = Map.ofEntries();

    private SampleBodies() {
    }

    /** The body template of an operation, placeholders unfilled. */
    public static Optional<String> template(String operationId) {
        return Stream.of(CONFIGURATION, IDENTITY, CI_SAFETY).map(bodies -> bodies.get(operationId))
                .filter(Objects::nonNull).findFirst();
    }

    /** The body of an operation with {@code {pathParameter}} placeholders filled from {@code ids}. */
    public static Optional<String> forOperation(String operationId, Map<String, String> ids) {
        // %TG% is the bad-input test's older spelling of {targetGroupId}
        return template(operationId).map(body -> TenantResources.fill(body.replace("%TG%", "{targetGroupId}"), ids));
    }
}
