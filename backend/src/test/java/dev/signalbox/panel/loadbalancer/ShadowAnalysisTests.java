package dev.signalbox.panel.loadbalancer;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.signalbox.protocol.ActionSnapshot;
import dev.signalbox.protocol.ConditionSnapshot;
import dev.signalbox.protocol.QueryStringPair;
import dev.signalbox.protocol.RuleSnapshot;

import static org.assertj.core.api.Assertions.assertThat;

class ShadowAnalysisTests {

    private static final ActionSnapshot ACTION = ActionSnapshot.forward(UUID.randomUUID());

    @Test
    void aRuleWithoutConditionsShadowsEveryLaterRule() {
        RuleSnapshot catchAll = rule(1);
        RuleSnapshot later = rule(2, condition("path-pattern", "/api/*"));

        assertThat(ShadowAnalysis.warnings(later, List.of(catchAll, later))).singleElement().asString()
                .contains("never match").contains("priority 1");
        assertThat(ShadowAnalysis.warnings(catchAll, List.of(catchAll, later))).singleElement().asString()
                .contains("priority 2 can never match");
    }

    @Test
    void aBroaderPatternShadowsANarrowerOneButNotTheOtherWayRound() {
        RuleSnapshot broad = rule(10, condition("path-pattern", "/api/*"));
        RuleSnapshot narrow = rule(20, condition("path-pattern", "/api/v1/*"), condition("host-header", "shop.test"));

        assertThat(ShadowAnalysis.shadows(broad, narrow)).isTrue();
        assertThat(ShadowAnalysis.shadows(narrow, broad)).isFalse();
    }

    @Test
    void everyConditionOfTheEarlierRuleMustBeImplied() {
        RuleSnapshot earlier = rule(1, condition("path-pattern", "/api/*"), condition("http-request-method", "POST"));
        RuleSnapshot later = rule(2, condition("path-pattern", "/api/v1"));

        assertThat(ShadowAnalysis.shadows(earlier, later)).as("later also matches GET").isFalse();
    }

    @Test
    void everyValueOfTheLaterConditionMustBeCovered() {
        RuleSnapshot earlier = rule(1, condition("host-header", "*.shop.test"));
        RuleSnapshot partly = rule(2, condition("host-header", "www.shop.test", "blog.test"));
        RuleSnapshot fully = rule(3, condition("host-header", "WWW.shop.test", "api.shop.test"));

        assertThat(ShadowAnalysis.shadows(earlier, partly)).isFalse();
        assertThat(ShadowAnalysis.shadows(earlier, fully)).as("hosts ignore case").isTrue();
    }

    @Test
    void comparesHeadersByNameSourceBlocksByContainmentAndQueryPairsByPattern() {
        assertThat(ShadowAnalysis.shadows(rule(1, header("X-Env", "prod*")), rule(2, header("x-env", "production"))))
                .isTrue();
        assertThat(ShadowAnalysis.shadows(rule(1, header("X-Env", "prod*")), rule(2, header("X-Other", "prod"))))
                .isFalse();
        assertThat(ShadowAnalysis.shadows(rule(1, condition("source-ip", "10.0.0.0/8")),
                rule(2, condition("source-ip", "10.1.0.0/16", "10.2.0.0/16")))).isTrue();
        assertThat(ShadowAnalysis.shadows(rule(1, condition("source-ip", "10.0.0.0/8")),
                rule(2, condition("source-ip", "10.1.0.0/16", "192.168.0.0/16")))).isFalse();
        assertThat(ShadowAnalysis.shadows(rule(1, query(null, "beta")), rule(2, query("v", "beta")))).isTrue();
        assertThat(ShadowAnalysis.shadows(rule(1, query("v", "beta")), rule(2, query(null, "beta")))).isFalse();
    }

    @Test
    void aLowerPriorityRuleNeverShadowsAndDisjointRulesGetNoWarning() {
        RuleSnapshot api = rule(5, condition("path-pattern", "/api/*"));
        RuleSnapshot blog = rule(6, condition("path-pattern", "/blog/*"));
        RuleSnapshot catchAllLater = rule(9);

        assertThat(ShadowAnalysis.warnings(api, List.of(api, blog))).isEmpty();
        assertThat(ShadowAnalysis.warnings(catchAllLater, List.of(api, blog, catchAllLater))).isEmpty();
    }

    private static RuleSnapshot rule(int priority, ConditionSnapshot... conditions) {
        return new RuleSnapshot(UUID.randomUUID(), priority, List.of(conditions), ACTION);
    }

    private static ConditionSnapshot condition(String field, String... values) {
        return new ConditionSnapshot(field, null, List.of(values));
    }

    private static ConditionSnapshot header(String name, String value) {
        return new ConditionSnapshot("http-header", name, List.of(value));
    }

    private static ConditionSnapshot query(String key, String value) {
        return new ConditionSnapshot("query-string", null, List.of(), List.of(new QueryStringPair(key, value)));
    }
}
