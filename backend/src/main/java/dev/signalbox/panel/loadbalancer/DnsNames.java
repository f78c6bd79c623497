package dev.signalbox.panel.loadbalancer;

import org.springframework.stereotype.Component;

import dev.signalbox.panel.SignalboxProperties;

/** DNS names of load balancers: {@code <name>.<tenant slug>.<base domain>}. */
@Component
class DnsNames {

    private final String baseDomain;

    DnsNames(SignalboxProperties properties) {
        this.baseDomain = properties.baseDomain();
    }

    String baseDomain() {
        return baseDomain;
    }

    String of(String loadBalancerName, String tenantSlug) {
        return loadBalancerName + "." + tenantSlug + "." + baseDomain;
    }
}
