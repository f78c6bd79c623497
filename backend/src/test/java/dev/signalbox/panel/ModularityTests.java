package dev.signalbox.panel;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/** Keeps the walls between features: no cycles, and no reaching into another feature's internals. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(SignalboxPanelApplication.class);

    @Test
    void featuresOnlyUseEachOthersPublicApiAndFormNoCycles() {
        modules.verify();
    }

    @Test
    void everyFeatureIsAModule() {
        assertThat(modules.stream().map(ApplicationModule::getName)).contains("tenant", "auth", "loadbalancer",
                "targetgroup", "publish", "telemetry", "web", "problem", "api", "user", "audit", "operator", "rowsecurity",
                "configuration", "conditional", "idempotency", "paging", "revision", "jsondiff", "certificate");
    }

    @Test
    void theLoadBalancerFeatureDoesNotDependOnTargetGroupsCertificatesOrPublishing() {
        ApplicationModule loadBalancer = modules.getModuleByName("loadbalancer").orElseThrow();
        assertThat(loadBalancer.getBootstrapDependencies(modules).map(ApplicationModule::getName))
                .doesNotContain("targetgroup", "certificate", "publish");
        ApplicationModule certificate = modules.getModuleByName("certificate").orElseThrow();
        assertThat(certificate.getBootstrapDependencies(modules).map(ApplicationModule::getName))
                .as("certificates announce changes; publishing listens").doesNotContain("publish");
        ApplicationModule auth = modules.getModuleByName("auth").orElseThrow();
        assertThat(auth.getBootstrapDependencies(modules).map(ApplicationModule::getName))
                .doesNotContain("tenant", "loadbalancer", "web");
    }
}
