package dev.signalbox.panel.loadbalancer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a load balancer has besides its name: extra host names (lower case, in the order given) and
 * tags (in the order given).
 */
public record LoadBalancerAttributes(List<String> hostNames, List<Tag> tags) {

    public static final LoadBalancerAttributes NONE = new LoadBalancerAttributes(List.of(), List.of());

    public LoadBalancerAttributes {
        hostNames = List.copyOf(hostNames);
        tags = List.copyOf(tags);
    }

    /** A key/value label. */
    public record Tag(String key, String value) {
    }

    public Map<String, String> tagMap() {
        Map<String, String> map = new LinkedHashMap<>();
        tags.forEach(tag -> map.put(tag.key(), tag.value()));
        return map;
    }
}
