package dev.signalbox.panel.configuration;

import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import dev.signalbox.panel.api.ConfigurationApi;
import dev.signalbox.panel.api.model.LoadBalancerDocument;
import dev.signalbox.panel.auth.CurrentPrincipal;

@RestController
class ConfigurationController implements ConfigurationApi {

    private final Configurations configurations;
    private final CurrentPrincipal currentPrincipal;

    ConfigurationController(Configurations configurations, CurrentPrincipal currentPrincipal) {
        this.configurations = configurations;
        this.currentPrincipal = currentPrincipal;
    }

    @Override
    public ResponseEntity<LoadBalancerDocument> getConfiguration(UUID loadBalancerId) {
        return ResponseEntity.ok(DocumentWriter.document(configurations.current(currentPrincipal.get().tenantId(),
                loadBalancerId)));
    }

    @Override
    public ResponseEntity<dev.signalbox.panel.api.model.ConfigurationPlan> applyConfiguration(UUID loadBalancerId,
            LoadBalancerDocument document) {
        Configurations.Outcome outcome = configurations.apply(currentPrincipal.get(), loadBalancerId, document);
        var dto = PlanDtos.toDto(outcome.plan());
        outcome.revision().ifPresent(dto::setRevision);
        return ResponseEntity.ok(dto);
    }

    @Override
    public ResponseEntity<dev.signalbox.panel.api.model.ConfigurationPlan> planConfiguration(UUID loadBalancerId,
            LoadBalancerDocument document) {
        return ResponseEntity.ok(PlanDtos.toDto(configurations.plan(currentPrincipal.get().tenantId(), loadBalancerId,
                document)));
    }
}
