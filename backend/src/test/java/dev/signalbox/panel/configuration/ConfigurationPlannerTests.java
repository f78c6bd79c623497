package dev.signalbox.panel.configuration;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.signalbox.panel.configuration.ConfigurationChange.Kind;
import dev.signalbox.panel.configuration.LoadBalancerConfiguration.ListenerEntry;
import dev.signalbox.panel.configuration.LoadBalancerConfiguration.NamedAction;
import dev.signalbox.panel.configuration.LoadBalancerConfiguration.NamedWeight;
import dev.signalbox.panel.configuration.LoadBalancerConfiguration.RuleEntry;
import dev.signalbox.panel.configuration.LoadBalancerConfiguration.TargetEntry;
import dev.signalbox.panel.configuration.LoadBalancerConfiguration.TargetGroupEntry;
import dev.signalbox.panel.loadbalancer.LoadBalancerAttributes;
import dev.signalbox.panel.targetgroup.TargetGroupSettings;
import dev.signalbox.protocol.ActionType;
import dev.signalbox.protocol.Algorithm;
import dev.signalbox.protocol.ConditionSnapshot;
import dev.signalbox.protocol.FixedResponseSnapshot;
import dev.signalbox.protocol.HealthCheckSnapshot;
import dev.signalbox.protocol.ListenerProtocol;
import dev.signalbox.protocol.TargetGroupAttributesSnapshot;
import dev.signalbox.protocol.TargetProtocol;

import static dev.signalbox.panel.configuration.ConfigurationChange.add;
import static dev.signalbox.panel.configuration.ConfigurationChange.change;
import static dev.signalbox.panel.configuration.ConfigurationChange.remove;
import static org.assertj.core.api.Assertions.assertThat;

class ConfigurationPlannerTests {

    private static final HealthCheckSnapshot CHECK = new HealthCheckSnapshot(TargetProtocol.HTTP, "/", null, 30, 5, 5, 2,
            "200");
    private static final TargetEntry A = new TargetEntry("10.0.0.1", 80, 1);
    private static final TargetEntry B = new TargetEntry("10.0.0.2", 80, 1);
    private static final RuleEntry API = new RuleEntry(10, List.of(new ConditionSnapshot("path-pattern", null,
            List.of("/api/*"))), forward("api"));
    private static final RuleEntry TEAPOT = new RuleEntry(20, List.of(), new NamedAction(ActionType.FIXED_RESPONSE,
            List.of(), null, null, new FixedResponseSnapshot(418, "text/plain", "teapot")));

    @Test
    void identicalConfigurationsNeedNoChange() {
        LoadBalancerConfiguration configuration = configuration(List.of(http(80, API, TEAPOT)),
                List.of(group("api", A), group("web", B)));

        assertThat(ConfigurationPlanner.plan(configuration, configuration).changes()).isEmpty();
    }

    @Test
    void everythingOfANewConfigurationIsAddedInDocumentOrder() {
        LoadBalancerConfiguration empty = configuration(List.of(), List.of());
        LoadBalancerConfiguration desired = configuration(List.of(http(80, API)), List.of(group("api", A, B)));

        ConfigurationPlan plan = ConfigurationPlanner.plan(empty, desired);

        assertThat(plan.changes()).containsExactly(
                add(Kind.TARGET_GROUP, "/targetGroups/0", "api", null, group("api")),
                add(Kind.TARGET, "/targetGroups/0/targets/0", "api/10.0.0.1:80", "api", A),
                add(Kind.TARGET, "/targetGroups/0/targets/1", "api/10.0.0.2:80", "api", B),
                add(Kind.LISTENER, "/listeners/0", "80", null, http(80)),
                add(Kind.RULE, "/listeners/0/rules/0", "80/10", "80", API));
        assertThat(plan.summary()).isEqualTo("Applied configuration: 5 added, 0 changed, 0 removed");
    }

    @Test
    void matchesByKeySoOnlyWhatDiffersChanges() {
        LoadBalancerConfiguration current = configuration(List.of(http(80, API, TEAPOT), http(8080)),
                List.of(group("api", A, B), group("old")));
        TargetEntry heavierB = new TargetEntry("10.0.0.2", 80, 5);
        RuleEntry otherTeapot = new RuleEntry(20, List.of(), forward("api"));
        LoadBalancerConfiguration desired = new LoadBalancerConfiguration("shop",
                new LoadBalancerAttributes(List.of("www.shop.example"), List.of()),
                List.of(http(80, otherTeapot, API)), List.of(group("api", heavierB, A)));

        ConfigurationPlan plan = ConfigurationPlanner.plan(current, desired);

        assertThat(plan.changes()).containsExactly(
                change(Kind.LOAD_BALANCER, "", "shop", null, LoadBalancerAttributes.NONE, desired.attributes()),
                change(Kind.TARGET, "/targetGroups/0/targets/0", "api/10.0.0.2:80", "api", B, heavierB),
                change(Kind.RULE, "/listeners/0/rules/0", "80/20", "80", TEAPOT, otherTeapot),
                remove(Kind.LISTENER, "/listeners/1", "8080", null, http(8080)),
                remove(Kind.TARGET_GROUP, "/targetGroups/1", "old", null, group("old")));
        assertThat(plan.summary()).isEqualTo("Applied configuration: 0 added, 3 changed, 2 removed");
    }

    @Test
    void tagsInAnotherOrderAreNoChangeButAnotherValueIs() {
        LoadBalancerAttributes.Tag team = new LoadBalancerAttributes.Tag("team", "web");
        LoadBalancerAttributes.Tag cost = new LoadBalancerAttributes.Tag("Cost", "7");
        LoadBalancerConfiguration stored = tagged(List.of(cost, team));

        assertThat(ConfigurationPlanner.plan(stored, tagged(List.of(team, cost))).changes()).isEmpty();
        LoadBalancerConfiguration retagged = tagged(List.of(team, new LoadBalancerAttributes.Tag("Cost", "8")));
        assertThat(ConfigurationPlanner.plan(stored, retagged).changes()).containsExactly(
                change(Kind.LOAD_BALANCER, "", "shop", null, stored.attributes(), retagged.attributes()));
    }

    @Test
    void aRemovedListenerTakesItsRulesAndARemovedGroupItsTargetsWithIt() {
        LoadBalancerConfiguration current = configuration(List.of(http(80, API, TEAPOT)), List.of(group("api", A)));
        LoadBalancerConfiguration desired = configuration(List.of(), List.of());

        assertThat(ConfigurationPlanner.plan(current, desired).changes()).containsExactly(
                remove(Kind.RULE, "/listeners/0/rules/0", "80/10", "80", API),
                remove(Kind.RULE, "/listeners/0/rules/1", "80/20", "80", TEAPOT),
                remove(Kind.LISTENER, "/listeners/0", "80", null, http(80)),
                remove(Kind.TARGET, "/targetGroups/0/targets/0", "api/10.0.0.1:80", "api", A),
                remove(Kind.TARGET_GROUP, "/targetGroups/0", "api", null, group("api")));
    }

    @Test
    void aListenerSettingChangeIsOneChangeAndARuleDroppedFromAKeptListenerIsRemovedWhereItWas() {
        LoadBalancerConfiguration current = configuration(List.of(http(80, API, TEAPOT)), List.of(group("api")));
        ListenerEntry redirected = new ListenerEntry(80, ListenerProtocol.HTTP, null, List.of(), forward("other"),
                List.of(TEAPOT));
        LoadBalancerConfiguration desired = configuration(List.of(redirected), List.of(group("api")));

        assertThat(ConfigurationPlanner.plan(current, desired).changes()).containsExactly(
                change(Kind.LISTENER, "/listeners/0", "80", null, http(80), redirected.withoutRules()),
                remove(Kind.RULE, "/listeners/0/rules/0", "80/10", "80", API));
    }

    private static LoadBalancerConfiguration configuration(List<ListenerEntry> listeners, List<TargetGroupEntry> groups) {
        return new LoadBalancerConfiguration("shop", LoadBalancerAttributes.NONE, listeners, groups);
    }

    private static LoadBalancerConfiguration tagged(List<LoadBalancerAttributes.Tag> tags) {
        return new LoadBalancerConfiguration("shop", new LoadBalancerAttributes(List.of(), tags), List.of(), List.of());
    }

    private static ListenerEntry http(int port, RuleEntry... rules) {
        return new ListenerEntry(port, ListenerProtocol.HTTP, null, List.of(), forward("api"), List.of(rules));
    }

    private static TargetGroupEntry group(String name, TargetEntry... targets) {
        return new TargetGroupEntry(new TargetGroupSettings(name, TargetProtocol.HTTP, 80, Algorithm.ROUND_ROBIN, null,
                CHECK, TargetGroupAttributesSnapshot.DEFAULTS), List.of(targets));
    }

    private static NamedAction forward(String group) {
        return new NamedAction(ActionType.FORWARD, List.of(new NamedWeight(group, 1)), null, null, null);
    }
}
