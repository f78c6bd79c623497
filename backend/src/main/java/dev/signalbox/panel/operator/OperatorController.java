package dev.signalbox.panel.operator;

import java.time.ZoneOffset;
import java.util.Comparator;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import dev.signalbox.panel.api.OperatorApi;
import dev.signalbox.panel.api.model.FleetNodeList;
import dev.signalbox.panel.api.model.FleetNodeRevision;
import dev.signalbox.panel.api.model.Tenant;
import dev.signalbox.panel.api.model.TenantList;
import dev.signalbox.panel.rowsecurity.RowScope;
import dev.signalbox.panel.telemetry.FleetNode;
import dev.signalbox.panel.telemetry.NodeFleet;
import dev.signalbox.panel.tenant.Tenants;

/** Operator views; the security rules admit platform operators only. */
@RestController
class OperatorController implements OperatorApi {

    private final Tenants tenants;
    private final NodeFleet fleet;

    OperatorController(Tenants tenants, NodeFleet fleet) {
        this.tenants = tenants;
        this.fleet = fleet;
    }

    /** Crosses tenants by design, so it reads in the system row scope. */
    @Override
    public ResponseEntity<TenantList> listAllTenants() {
        var items = RowScope.system(tenants::listAll).stream()
                .map(tenant -> new Tenant(tenant.id(), tenant.slug(), tenant.name()))
                .toList();
        return ResponseEntity.ok(new TenantList(items));
    }

    @Override
    public ResponseEntity<FleetNodeList> listNodes() {
        var items = fleet.nodes().stream().map(OperatorController::toDto).toList();
        return ResponseEntity.ok(new FleetNodeList(items));
    }

    private static dev.signalbox.panel.api.model.FleetNode toDto(FleetNode node) {
        var revisions = node.appliedRevisions().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey(Comparator.comparing(Object::toString)))
                .map(entry -> new FleetNodeRevision(entry.getKey(), entry.getValue().revision(),
                        entry.getValue().appliedAt().atOffset(ZoneOffset.UTC)))
                .toList();
        return new dev.signalbox.panel.api.model.FleetNode(node.nodeId(), node.version(),
                node.lastHeartbeatAt().atOffset(ZoneOffset.UTC), node.live(), node.boundPorts(), revisions);
    }
}
