package dev.signalbox.panel.configuration;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.signalbox.panel.api.model.LoadBalancerDocument;
import dev.signalbox.panel.auth.SignalboxPrincipal;
import dev.signalbox.panel.configuration.CurrentConfiguration.CurrentState;
import dev.signalbox.panel.loadbalancer.LoadBalancers;
import dev.signalbox.panel.problem.ConflictException;
import dev.signalbox.panel.problem.FieldViolation;
import dev.signalbox.panel.problem.InvalidFieldException;
import dev.signalbox.protocol.LoadBalancerSnapshot;

/** Shows a load balancer's configuration as a document, plans the changes a document asks for, and applies them. */
@Service
public class Configurations {

    private final CurrentConfiguration currentConfiguration;
    private final DocumentValidation validation;
    private final ConfigurationApplier applier;
    private final LoadBalancers loadBalancers;

    Configurations(CurrentConfiguration currentConfiguration, DocumentValidation validation,
            ConfigurationApplier applier, LoadBalancers loadBalancers) {
        this.loadBalancers = loadBalancers;
        this.currentConfiguration = currentConfiguration;
        this.validation = validation;
        this.applier = applier;
    }

    /** The changes applied, and the revision they became (empty when nothing changed). */
    record Outcome(ConfigurationPlan plan, OptionalLong revision) {
    }

    @Transactional(readOnly = true)
    LoadBalancerConfiguration current(UUID tenantId, UUID loadBalancerId) {
        return currentConfiguration.read(tenantId, loadBalancerId).configuration();
    }

    @Transactional(readOnly = true)
    ConfigurationPlan plan(UUID tenantId, UUID loadBalancerId, LoadBalancerDocument document) {
        CurrentState current = currentConfiguration.read(tenantId, loadBalancerId);
        return planAgainst(current, document);
    }

    /** Makes the configuration equal to the document, all or nothing, as one revision. */
    @Transactional
    Outcome apply(SignalboxPrincipal actor, UUID loadBalancerId, LoadBalancerDocument document) {
        return applyDocument(actor, loadBalancerId, document, null);
    }

    /**
     * Makes the configuration equal to a past snapshot of it, like a PUT of that snapshot as a
     * document (so what is unchanged keeps its id), with {@code summary} for the revision, e.g.
     * "Rolled back to revision 7". Returns the new revision, none when nothing differs.
     */
    @Transactional
    public OptionalLong restore(SignalboxPrincipal actor, UUID loadBalancerId, LoadBalancerSnapshot snapshot,
            String summary) {
        LoadBalancerDocument document = DocumentWriter.document(SnapshotConfigurations.from(snapshot));
        try {
            return applyDocument(actor, loadBalancerId, document, summary).revision();
        } catch (InvalidFieldException unrestorable) {
            // the caller sent no document: the snapshot was valid once, but today's state (e.g. a
            // target group of the same name with another protocol) or limits no longer allow it
            throw new ConflictException("the configuration of that revision cannot be restored onto the current one: "
                    + unrestorable.getBody().getDetail());
        }
    }

    private Outcome applyDocument(SignalboxPrincipal actor, UUID loadBalancerId, LoadBalancerDocument document,
            @Nullable String summary) {
        loadBalancers.lockForChange(actor.tenantId(), loadBalancerId);
        CurrentState current = currentConfiguration.read(actor.tenantId(), loadBalancerId);
        ConfigurationPlan plan = planAgainst(current, document);
        if (plan.isEmpty()) {
            return new Outcome(plan, OptionalLong.empty());
        }
        long revision = applier.apply(actor, current, plan, summary == null ? plan.summary() : summary);
        return new Outcome(plan, OptionalLong.of(revision));
    }

    private ConfigurationPlan planAgainst(CurrentState current, LoadBalancerDocument document) {
        List<FieldViolation> violations = new ArrayList<>();
        DocumentReader.ReadDocument read = DocumentReader.read(document, current.loadBalancer().name(), violations);
        FieldViolation.throwIfAny(violations);
        FieldViolation.throwIfAny(validation.validate(current.loadBalancer().tenantId(), read, current.configuration()));
        return ConfigurationPlanner.plan(current.configuration(), read.configuration());
    }
}
