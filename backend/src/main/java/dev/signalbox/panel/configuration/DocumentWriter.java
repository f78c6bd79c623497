package dev.signalbox.panel.configuration;

import java.util.UUID;

import dev.signalbox.panel.api.model.DocumentListener;
import dev.signalbox.panel.api.model.DocumentRule;
import dev.signalbox.panel.api.model.DocumentTarget;
import dev.signalbox.panel.api.model.DocumentTargetGroup;
import dev.signalbox.panel.api.model.LoadBalancerDocument;
import dev.signalbox.panel.api.model.Tag;
import dev.signalbox.panel.api.model.TargetGroup;
import dev.signalbox.panel.api.model.TlsPolicy;
import dev.signalbox.panel.configuration.LoadBalancerConfiguration.ListenerEntry;
import dev.signalbox.panel.configuration.LoadBalancerConfiguration.RuleEntry;
import dev.signalbox.panel.configuration.LoadBalancerConfiguration.TargetEntry;
import dev.signalbox.panel.configuration.LoadBalancerConfiguration.TargetGroupEntry;
import dev.signalbox.panel.loadbalancer.ConditionDtos;
import dev.signalbox.panel.loadbalancer.LoadBalancerAttributes;
import dev.signalbox.panel.targetgroup.TargetGroupDtos;
import dev.signalbox.panel.targetgroup.TargetGroupInfo;
import dev.signalbox.panel.targetgroup.TargetGroupSettings;

/** Writes a {@link LoadBalancerConfiguration} (or one entry of it) as the document the API shows, every default spelled out. */
final class DocumentWriter {

    /** Documents carry no ids; the target group mapping of the API wants one, so it gets this placeholder. */
    private static final UUID NO_ID = new UUID(0, 0);

    private DocumentWriter() {
    }

    static LoadBalancerDocument document(LoadBalancerConfiguration configuration) {
        LoadBalancerDocument document = attributes(configuration.attributes()).name(configuration.name());
        document.setListeners(configuration.listeners().stream().map(DocumentWriter::listener).toList());
        document.setTargetGroups(configuration.targetGroups().stream().map(DocumentWriter::targetGroup).toList());
        return document;
    }

    /** The host names and tags of a load balancer, as the part of a document they are. */
    static LoadBalancerDocument attributes(LoadBalancerAttributes attributes) {
        return new LoadBalancerDocument().hostNames(attributes.hostNames())
                .tags(attributes.tags().stream().map(tag -> new Tag(tag.key()).value(tag.value())).toList())
                .listeners(null).targetGroups(null);
    }

    static DocumentListener listener(ListenerEntry listener) {
        DocumentListener dto = new DocumentListener(listener.port(),
                DocumentListener.ProtocolEnum.fromValue(listener.protocol().name()),
                DocumentActions.write(listener.defaultAction()));
        if (listener.tlsPolicy() != null) {
            dto.setTlsPolicy(TlsPolicy.fromValue(listener.tlsPolicy()));
        }
        dto.setCertificateIds(listener.certificateIds());
        dto.setRules(listener.rules().stream().map(DocumentWriter::rule).toList());
        return dto;
    }

    static DocumentRule rule(RuleEntry rule) {
        return new DocumentRule(rule.priority(), DocumentActions.write(rule.action()))
                .conditions(ConditionDtos.toDtos(rule.conditions()));
    }

    static DocumentTargetGroup targetGroup(TargetGroupEntry group) {
        TargetGroupSettings settings = group.settings();
        TargetGroup shown = TargetGroupDtos.toDto(new TargetGroupInfo(NO_ID, settings.name(), settings.protocol(),
                settings.algorithm(), settings.healthCheck(), settings.port(), settings.hashKey(), settings.attributes()));
        return new DocumentTargetGroup(settings.name())
                .protocol(DocumentTargetGroup.ProtocolEnum.fromValue(settings.protocol().name()))
                .port(settings.port())
                .algorithm(shown.getAlgorithm())
                .hashKey(shown.getHashKey())
                .healthCheck(shown.getHealthCheck())
                .attributes(shown.getAttributes())
                .targets(group.targets().stream().map(DocumentWriter::target).toList());
    }

    static DocumentTarget target(TargetEntry target) {
        return new DocumentTarget(target.host()).port(target.port()).weight(target.weight());
    }
}
