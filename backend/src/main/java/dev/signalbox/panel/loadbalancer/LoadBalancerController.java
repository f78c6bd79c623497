package dev.signalbox.panel.loadbalancer;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import dev.signalbox.panel.api.LoadBalancersApi;
import dev.signalbox.panel.api.model.Convergence;
import dev.signalbox.panel.api.model.LoadBalancer;
import dev.signalbox.panel.api.model.LoadBalancerList;
import dev.signalbox.panel.api.model.LoadBalancerRequest;
import dev.signalbox.panel.api.model.LoadBalancerUpdateRequest;
import dev.signalbox.panel.api.model.NodeRevision;
import dev.signalbox.panel.auth.CurrentPrincipal;
import dev.signalbox.panel.auth.SignalboxPrincipal;
import dev.signalbox.panel.conditional.IfMatch;
import dev.signalbox.panel.paging.NameFilter;
import dev.signalbox.panel.paging.Page;
import dev.signalbox.panel.paging.PageQuery;
import dev.signalbox.panel.telemetry.AppliedNode;
import dev.signalbox.panel.telemetry.NodeRevisions;

@RestController
class LoadBalancerController implements LoadBalancersApi {

    private final LoadBalancers loadBalancers;
    private final NodeRevisions nodeRevisions;
    private final RevisionCreationTimes revisionCreationTimes;
    private final CurrentPrincipal currentPrincipal;

    LoadBalancerController(LoadBalancers loadBalancers, NodeRevisions nodeRevisions,
            RevisionCreationTimes revisionCreationTimes, CurrentPrincipal currentPrincipal) {
        this.loadBalancers = loadBalancers;
        this.nodeRevisions = nodeRevisions;
        this.revisionCreationTimes = revisionCreationTimes;
        this.currentPrincipal = currentPrincipal;
    }

    @Override
    public ResponseEntity<LoadBalancerList> listLoadBalancers(Integer limit, @Nullable String cursor,
            @Nullable String name, @Nullable String namePrefix, @Nullable String tag) {
        Page<LoadBalancerInfo> page = loadBalancers.list(currentPrincipal.get().tenantId(),
                NameFilter.of(name, namePrefix), LoadBalancerDtos.tagFilter(tag), PageQuery.of(limit, cursor));
        return ResponseEntity.ok(new LoadBalancerList(page.items().stream().map(this::toDto).toList())
                .nextCursor(page.nextCursor()));
    }

    /** An {@code Idempotency-Key} is honoured by the idempotency filter around every create. */
    @Override
    public ResponseEntity<LoadBalancer> createLoadBalancer(LoadBalancerRequest request,
            @Nullable String idempotencyKey) {
        LoadBalancerInfo created = loadBalancers.create(currentPrincipal.get(), request.getName(),
                LoadBalancerDtos.attributes(request.getHostNames(), request.getTags()));
        return ResponseEntity.created(URI.create("/api/v1/load-balancers/" + created.id()))
                .eTag(created.entityTag().header()).body(toDto(created));
    }

    @Override
    public ResponseEntity<LoadBalancer> getLoadBalancer(UUID loadBalancerId) {
        LoadBalancerInfo info = loadBalancers.require(currentPrincipal.get().tenantId(), loadBalancerId);
        return ResponseEntity.ok().eTag(info.entityTag().header()).body(toDto(info));
    }

    @Override
    public ResponseEntity<LoadBalancer> updateLoadBalancer(UUID loadBalancerId, LoadBalancerUpdateRequest request,
            @Nullable String ifMatch) {
        LoadBalancerInfo updated = loadBalancers.update(currentPrincipal.get(), loadBalancerId,
                LoadBalancerDtos.attributes(request.getHostNames(), request.getTags()), IfMatch.parse(ifMatch));
        return ResponseEntity.ok().eTag(updated.entityTag().header()).body(toDto(updated));
    }

    @Override
    public ResponseEntity<Void> deleteLoadBalancer(UUID loadBalancerId, @Nullable String ifMatch) {
        SignalboxPrincipal principal = currentPrincipal.get();
        loadBalancers.delete(principal, loadBalancerId, IfMatch.parse(ifMatch));
        return ResponseEntity.noContent().build();
    }

    private LoadBalancer toDto(LoadBalancerInfo info) {
        List<AppliedNode> applied = nodeRevisions.of(info.id());
        NodeConvergence convergence = NodeConvergence.of(info.revision(), applied, applied.isEmpty() ? Map.of()
                : revisionCreationTimes.of(info.tenantId(), info.id(),
                        applied.stream().map(AppliedNode::revision).collect(Collectors.toSet())));
        var nodes = convergence.nodes().stream()
                .map(node -> new NodeRevision(node.applied().nodeId(), node.applied().revision(),
                        node.applied().appliedAt().atOffset(ZoneOffset.UTC), node.onRevision())
                        .convergenceMillis(node.convergenceMillis()))
                .toList();
        LoadBalancerAttributes attributes = loadBalancers.attributes(info.tenantId(), info.id());
        return new LoadBalancer(info.id(), info.name(), info.dnsName(), info.revision(),
                info.createdAt().atOffset(ZoneOffset.UTC), nodes)
                .hostNames(attributes.hostNames())
                .tags(LoadBalancerDtos.tags(attributes))
                .convergence(new Convergence(convergence.revision(), convergence.nodesOnRevision(), nodes.size())
                        .slowestMillis(convergence.slowestMillis()));
    }
}
