package dev.signalbox.panel.configuration;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;

import dev.signalbox.panel.api.model.DocumentListener;
import dev.signalbox.panel.api.model.DocumentRule;
import dev.signalbox.panel.api.model.DocumentTarget;
import dev.signalbox.panel.api.model.DocumentTargetGroup;
import dev.signalbox.panel.api.model.LoadBalancerDocument;
import dev.signalbox.panel.api.model.Tag;
import dev.signalbox.panel.api.model.TargetGroupRequest;
import dev.signalbox.panel.configuration.LoadBalancerConfiguration.ListenerEntry;
import dev.signalbox.panel.configuration.LoadBalancerConfiguration.RuleEntry;
import dev.signalbox.panel.configuration.LoadBalancerConfiguration.TargetEntry;
import dev.signalbox.panel.configuration.LoadBalancerConfiguration.TargetGroupEntry;
import dev.signalbox.panel.loadbalancer.ConditionDtos;
import dev.signalbox.panel.loadbalancer.LoadBalancerAttributes;
import dev.signalbox.panel.loadbalancer.TlsPolicies;
import dev.signalbox.panel.problem.FieldViolation;
import dev.signalbox.panel.targetgroup.TargetGroupDtos;
import dev.signalbox.panel.targetgroup.TargetGroupSettings;
import dev.signalbox.protocol.ListenerProtocol;

/**
 * Reads a document into a {@link LoadBalancerConfiguration}, filling in the API's defaults; shape
 * problems the schema cannot catch (null items, misplaced action parts) go to {@code violations}.
 */
final class DocumentReader {

    private DocumentReader() {
    }

    /** A document read: its configuration, and the pointers of forwards written with the {@code targetGroup} shorthand. */
    record ReadDocument(LoadBalancerConfiguration configuration, Set<String> shorthandForwards) {
    }

    static ReadDocument read(LoadBalancerDocument document, String loadBalancerName, List<FieldViolation> violations) {
        Set<String> shorthands = new HashSet<>();
        if (document.getName() != null && !document.getName().equals(loadBalancerName)) {
            violations.add(new FieldViolation("/name", "is the load balancer's name '" + loadBalancerName
                    + "'; it cannot change, so leave it out or give that name"));
        }
        List<String> hostNames = items(document.getHostNames(), "/hostNames", violations,
                (host, at) -> host.toLowerCase(Locale.ROOT));
        List<LoadBalancerAttributes.Tag> tags = items(document.getTags(), "/tags", violations,
                (Tag tag, String at) -> new LoadBalancerAttributes.Tag(tag.getKey(),
                        tag.getValue() == null ? "" : tag.getValue()));
        List<ListenerEntry> listeners = items(document.getListeners(), "/listeners", violations,
                (listener, at) -> listener(listener, at, violations, shorthands));
        List<TargetGroupEntry> groups = items(document.getTargetGroups(), "/targetGroups", violations,
                (group, at) -> targetGroup(group, at, violations));
        return new ReadDocument(new LoadBalancerConfiguration(loadBalancerName,
                new LoadBalancerAttributes(hostNames, tags), listeners, groups), Set.copyOf(shorthands));
    }

    private static ListenerEntry listener(DocumentListener dto, String at, List<FieldViolation> violations,
            Set<String> shorthands) {
        ListenerProtocol protocol = ListenerProtocol.valueOf(dto.getProtocol().getValue());
        String tlsPolicy = dto.getTlsPolicy() == null ? null : dto.getTlsPolicy().getValue();
        if (protocol == ListenerProtocol.HTTPS && tlsPolicy == null) {
            tlsPolicy = TlsPolicies.DEFAULT;
        }
        List<UUID> certificates = items(dto.getCertificateIds(), at + "/certificateIds", violations, (id, p) -> id);
        List<RuleEntry> rules = items(dto.getRules(), at + "/rules", violations, (rule, p) -> rule(rule, p, violations, shorthands));
        return new ListenerEntry(dto.getPort(), protocol, tlsPolicy, certificates,
                DocumentActions.read(dto.getDefaultAction(), at + "/defaultAction", violations, shorthands), rules);
    }

    private static RuleEntry rule(DocumentRule dto, String at, List<FieldViolation> violations,
            Set<String> shorthands) {
        return new RuleEntry(dto.getPriority(), ConditionDtos.toSnapshots(dto.getConditions(), at + "/conditions",
                violations), DocumentActions.read(dto.getAction(), at + "/action", violations, shorthands));
    }

    private static TargetGroupEntry targetGroup(DocumentTargetGroup dto, String at, List<FieldViolation> violations) {
        TargetGroupRequest request = new TargetGroupRequest(dto.getName())
                .protocol(dto.getProtocol() == null ? null
                        : TargetGroupRequest.ProtocolEnum.fromValue(dto.getProtocol().getValue()))
                .port(dto.getPort())
                .algorithm(dto.getAlgorithm())
                .hashKey(dto.getHashKey())
                .healthCheck(dto.getHealthCheck())
                .attributes(dto.getAttributes());
        TargetGroupSettings settings = TargetGroupDtos.settings(request);
        List<TargetEntry> targets = items(dto.getTargets(), at + "/targets", violations, (DocumentTarget target,
                String p) -> new TargetEntry(target.getHost().toLowerCase(Locale.ROOT),
                        target.getPort() == null ? settings.port() : target.getPort(),
                        target.getWeight() == null ? 1 : target.getWeight()));
        return new TargetGroupEntry(settings, targets);
    }

    /** The items of a list (absent or null: none), each read with its pointer; a null item is a violation. */
    private static <T, R> List<R> items(@Nullable List<T> list, String pointer, List<FieldViolation> violations,
            BiFunction<T, String, R> reader) {
        List<R> items = new ArrayList<>();
        List<T> given = list == null ? List.of() : list;
        for (int i = 0; i < given.size(); i++) {
            T item = given.get(i);
            if (item == null) {
                violations.add(new FieldViolation(pointer + "/" + i, "must be a value, not null"));
            } else {
                items.add(reader.apply(item, pointer + "/" + i));
            }
        }
        return items;
    }
}
