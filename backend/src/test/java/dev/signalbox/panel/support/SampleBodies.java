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

    private static final String LISTENER = "{\"protocol\":\"HTTP\",\"port\":8081,\"defaultAction\":{\"type\":\"FORWARD\","
            + "\"targetGroups\":[{\"targetGroupId\":\"{targetGroupId}\",\"weight\":3}],\"stickinessSeconds\":60}}";
    private static final String TARGET_GROUP = "{\"name\":\"valid\",\"protocol\":\"HTTP\",\"port\":8080,"
            + "\"algorithm\":\"CONSISTENT_HASH\",\"hashKey\":{\"type\":\"HEADER\",\"name\":\"X-User\"},"
            + "\"healthCheck\":{\"protocol\":\"HTTP\",\"path\":\"/health\",\"port\":8080,\"intervalSeconds\":30,"
            + "\"timeoutSeconds\":5,\"healthyThreshold\":3,\"unhealthyThreshold\":2,\"matcher\":\"200-299\"},"
            + "\"attributes\":{\"deregistrationDelaySeconds\":30,\"slowStartSeconds\":60,\"stickiness\":{\"enabled\":true,"
            + "\"type\":\"lb_cookie\",\"durationSeconds\":600},\"retries\":1,\"connectTimeoutMillis\":2000,"
            + "\"responseTimeoutSeconds\":30}}";
    private static final String RULE = "{\"priority\":7,\"conditions\":[{\"field\":\"http-header\","
            + "\"httpHeaderName\":\"X-Canary\",\"values\":[\"on\"],\"queryStringValues\":[]},"
            + "{\"field\":\"query-string\",\"queryStringValues\":[{\"key\":\"v\",\"value\":\"2\"}]}],"
            + "\"action\":{\"type\":\"REDIRECT\",\"redirect\":{\"statusCode\":302,\"protocol\":\"HTTPS\","
            + "\"host\":\"#{host}\",\"port\":\"443\",\"path\":\"/#{path}\",\"query\":\"#{query}\"}}}";
    /** A configuration document with every kind of part. */
    private static final String DOCUMENT = "{\"name\":\"target\",\"hostNames\":[\"www.valid.example\"],"
            + "\"tags\":[{\"key\":\"team\",\"value\":\"web\"}],"
            + "\"listeners\":[{\"port\":8080,\"protocol\":\"HTTPS\",\"tlsPolicy\":\"Signalbox-TLS13-1-3-2026-01\","
            + "\"certificateIds\":[\"{certificateId}\"],"
            + "\"defaultAction\":{\"type\":\"FORWARD\",\"targetGroups\":[{\"name\":\"web\",\"weight\":3}],"
            + "\"stickinessSeconds\":60},\"rules\":[" + "{\"priority\":7,\"conditions\":[{\"field\":\"http-header\",\"httpHeaderName\":\"X-Canary\","
            + "\"values\":[\"on\"]}],\"action\":{\"type\":\"FORWARD\",\"targetGroup\":\"web\"}}]}],"
            + "\"targetGroups\":[" + TARGET_GROUP.substring(0, TARGET_GROUP.length() - 1).replace("\"valid\"", "\"web\"")
            + ",\"targets\":[{\"host\":\"10.0.0.9\",\"port\":8080,\"weight\":2}]}]}";

    /** A certificate made once per test run, so no private key is checked in. */
    private static final TestCertificate CERTIFICATE = TestCertificate.selfSigned("www.valid.example");
    private static final String CERTIFICATE_BODY = Fixtures.certificateBody("valid", CERTIFICATE);

    /** Configuration: load balancers, listeners, rules, target groups, targets, declarative documents. */
    static final Map<String, String> CONFIGURATION = Map.ofEntries(
            entry("createLoadBalancer", "{\"name\":\"valid\",\"hostNames\":[\"www.valid.example\"],"
                    + "\"tags\":[{\"key\":\"team\",\"value\":\"web\"}]}"),
            entry("updateLoadBalancer", "{\"hostNames\":[\"www.valid.example\"],"
                    + "\"tags\":[{\"key\":\"team\",\"value\":\"web\"}]}"),
            entry("createListener", LISTENER),
            entry("updateListener", LISTENER),
            entry("createTargetGroup", TARGET_GROUP),
            entry("updateTargetGroup", TARGET_GROUP),
            entry("registerTargets", "{\"targets\":[{\"host\":\"10.0.0.9\",\"port\":8080,\"weight\":2}]}"),
            entry("deregisterTargets", "{\"targets\":[{\"host\":\"10.0.0.9\",\"port\":8080}]}"),
            entry("createRule", RULE),
            entry("updateRule", RULE),
            entry("applyConfiguration", DOCUMENT),
            entry("planConfiguration", DOCUMENT),
            entry("createCertificate", CERTIFICATE_BODY),
            entry("replaceCertificate", CERTIFICATE_BODY));

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

    /** A certificate body under another name, for fixtures that need a certificate of their own. */
    static String certificateBody(String name) {
        return Fixtures.certificateBody(name, CERTIFICATE);
    }

    /** The body of an operation with {@code {pathParameter}} placeholders filled from {@code ids}. */
    public static Optional<String> forOperation(String operationId, Map<String, String> ids) {
        return template(operationId).map(body -> TenantResources.fill(body, ids));
    }
}
