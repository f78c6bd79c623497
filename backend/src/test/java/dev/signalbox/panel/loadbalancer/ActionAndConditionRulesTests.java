package dev.signalbox.panel.loadbalancer;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.signalbox.panel.problem.FieldViolation;
import dev.signalbox.protocol.ActionSnapshot;
import dev.signalbox.protocol.ConditionSnapshot;
import dev.signalbox.protocol.FixedResponseSnapshot;
import dev.signalbox.protocol.ListenerProtocol;
import dev.signalbox.protocol.QueryStringPair;
import dev.signalbox.protocol.RedirectSnapshot;
import dev.signalbox.protocol.WeightedTargetGroup;

import static org.assertj.core.api.Assertions.assertThat;

class ActionAndConditionRulesTests {

    private static final ResourceLimits LIMITS = ResourceLimits.defaults();

    @Test
    void aValidRedirectMayUseEveryPlaceholder() {
        var redirect = ActionSnapshot.redirect(new RedirectSnapshot(302, "HTTPS", "www.#{host}", "443",
                "/v2/#{path}", "from=#{protocol}-#{port}&#{query}"));

        assertThat(ActionRules.validate(redirect, "/action", ListenerProtocol.HTTP, LIMITS)).isEmpty();
    }

    @Test
    void reportsEveryProblemOfARedirectAtOnce() {
        var redirect = ActionSnapshot.redirect(new RedirectSnapshot(307, "FTP", "#{nope}", "70000", "no-slash", "?a=1"));

        assertThat(pointers(ActionRules.validate(redirect, "/action", ListenerProtocol.HTTP, LIMITS))).containsExactly(
                "/action/redirect/statusCode", "/action/redirect/protocol", "/action/redirect/port",
                "/action/redirect/host", "/action/redirect/path", "/action/redirect/query");
    }

    @Test
    void refusesARedirectToItselfAndAnUnclosedPlaceholder() {
        var self = ActionSnapshot.redirect(new RedirectSnapshot(301, "#{protocol}", "#{host}", "#{port}", "/#{path}",
                "#{query}"));
        var unclosed = ActionSnapshot.redirect(new RedirectSnapshot(301, "HTTPS", "#{host", "#{port}", "/", ""));

        assertThat(ActionRules.validate(self, "/a", ListenerProtocol.HTTP, LIMITS)).singleElement()
                .satisfies(v -> assertThat(v.detail()).contains("to itself"));
        assertThat(ActionRules.validate(unclosed, "/a", ListenerProtocol.HTTP, LIMITS)).singleElement()
                .satisfies(v -> assertThat(v.detail()).contains("unclosed"));
    }

    @Test
    void checksForwardsAndFixedResponses() {
        UUID group = UUID.randomUUID();
        var twice = ActionSnapshot.forward(List.of(new WeightedTargetGroup(group, 0), new WeightedTargetGroup(group, 0)),
                0);
        var body = ActionSnapshot.fixedResponse(new FixedResponseSnapshot(600, "image/png", "é".repeat(513)));

        assertThat(pointers(ActionRules.validate(twice, "/a", ListenerProtocol.HTTP, LIMITS))).containsExactly(
                "/a/targetGroups/1/targetGroupId", "/a/targetGroups", "/a/stickinessSeconds");
        assertThat(pointers(ActionRules.validate(body, "/a", ListenerProtocol.HTTP, LIMITS))).containsExactly(
                "/a/fixedResponse/statusCode", "/a/fixedResponse/contentType", "/a/fixedResponse/messageBody");
    }

    @Test
    void aTcpListenerCanOnlyForward() {
        var fixed = ActionSnapshot.fixedResponse(new FixedResponseSnapshot(200, "text/plain", ""));

        assertThat(pointers(ActionRules.validate(fixed, "/defaultAction", ListenerProtocol.TCP, LIMITS)))
                .containsExactly("/defaultAction/type");
    }

    @Test
    void validatesEveryKindOfConditionValue() {
        var conditions = List.of(
                new ConditionSnapshot("host-header", null, List.of("*.shop.test", "bad host")),
                new ConditionSnapshot("path-pattern", null, List.of("/ok/*", "no-slash")),
                new ConditionSnapshot("http-header", null, List.of("x")),
                new ConditionSnapshot("http-request-method", null, List.of("get")),
                new ConditionSnapshot("source-ip", null, List.of("10.0.0.1/8")));

        assertThat(pointers(ConditionRules.validate(conditions, "/conditions", LIMITS))).containsExactly(
                "/conditions/0/values/1", "/conditions/1/values/1", "/conditions/2/httpHeaderName",
                "/conditions/3/values/0", "/conditions/4/values/0", "/conditions");
    }

    @Test
    void countsConditionValuesAgainstTheLimitAndAllowsRepeatedHeaders() {
        var six = List.of(
                new ConditionSnapshot("http-header", "X-A", List.of("1", "2")),
                new ConditionSnapshot("http-header", "X-B", List.of("3")),
                new ConditionSnapshot("query-string", null, List.of(),
                        List.of(new QueryStringPair("a", "1"), new QueryStringPair(null, "b*"), new QueryStringPair("c", "d"))));

        assertThat(ConditionRules.validate(six, "/conditions", LIMITS)).singleElement().satisfies(v -> {
            assertThat(v.pointer()).isEqualTo("/conditions");
            assertThat(v.detail()).contains("signalbox.limits.condition-values-per-rule = 5").contains("has 6");
        });
        assertThat(ConditionRules.validate(six.subList(0, 2), "/conditions", LIMITS)).isEmpty();
    }

    @Test
    void refusesATestedFieldTwiceAndMisplacedParts() {
        var conditions = List.of(
                new ConditionSnapshot("path-pattern", null, List.of("/a")),
                new ConditionSnapshot("path-pattern", "X-Not-Here", List.of("/b")),
                new ConditionSnapshot("query-string", null, List.of("v=1")));

        assertThat(pointers(ConditionRules.validate(conditions, "/c", LIMITS))).containsExactly(
                "/c/1/field", "/c/1/httpHeaderName", "/c/2/values", "/c/2/queryStringValues");
    }

    private static List<String> pointers(List<FieldViolation> violations) {
        return violations.stream().map(FieldViolation::pointer).toList();
    }
}
