package dev.signalbox.panel.loadbalancer;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import dev.signalbox.panel.api.ListenersApi;
import dev.signalbox.panel.api.model.Listener;
import dev.signalbox.panel.api.model.ListenerList;
import dev.signalbox.panel.api.model.ListenerRequest;
import dev.signalbox.panel.api.model.TlsPolicy;
import dev.signalbox.panel.auth.CurrentPrincipal;
import dev.signalbox.panel.conditional.IfMatch;
import dev.signalbox.panel.paging.Page;
import dev.signalbox.panel.paging.PageQuery;
import dev.signalbox.panel.problem.FieldViolation;
import dev.signalbox.protocol.ActionSnapshot;
import dev.signalbox.protocol.ListenerProtocol;

@RestController
class ListenerController implements ListenersApi {

    private final Listeners listeners;
    private final CurrentPrincipal currentPrincipal;

    ListenerController(Listeners listeners, CurrentPrincipal currentPrincipal) {
        this.listeners = listeners;
        this.currentPrincipal = currentPrincipal;
    }

    @Override
    public ResponseEntity<ListenerList> listListeners(UUID loadBalancerId, Integer limit, @Nullable String cursor) {
        Page<ListenerInfo> page = listeners.list(currentPrincipal.get().tenantId(), loadBalancerId,
                PageQuery.of(limit, cursor));
        return ResponseEntity.ok(new ListenerList(page.items().stream().map(ListenerController::toDto).toList())
                .nextCursor(page.nextCursor()));
    }

    /** An {@code Idempotency-Key} is honoured by the idempotency filter around every create. */
    @Override
    public ResponseEntity<Listener> createListener(UUID loadBalancerId, ListenerRequest request,
            @Nullable String idempotencyKey) {
        ListenerInfo created = listeners.create(currentPrincipal.get(), loadBalancerId, settings(request));
        return ResponseEntity.status(HttpStatus.CREATED).eTag(created.entityTag().header()).body(toDto(created));
    }

    @Override
    public ResponseEntity<Listener> getListener(UUID loadBalancerId, UUID listenerId) {
        ListenerInfo info = listeners.get(currentPrincipal.get().tenantId(), loadBalancerId, listenerId);
        return ResponseEntity.ok().eTag(info.entityTag().header()).body(toDto(info));
    }

    @Override
    public ResponseEntity<Listener> updateListener(UUID loadBalancerId, UUID listenerId, ListenerRequest request,
            @Nullable String ifMatch) {
        ListenerInfo updated = listeners.update(currentPrincipal.get(), loadBalancerId, listenerId, settings(request),
                IfMatch.parse(ifMatch));
        return ResponseEntity.ok().eTag(updated.entityTag().header()).body(toDto(updated));
    }

    @Override
    public ResponseEntity<Void> deleteListener(UUID loadBalancerId, UUID listenerId, @Nullable String ifMatch) {
        listeners.delete(currentPrincipal.get(), loadBalancerId, listenerId, IfMatch.parse(ifMatch));
        return ResponseEntity.noContent().build();
    }

    private static ListenerSettings settings(ListenerRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        ActionSnapshot action = ActionDtos.toSnapshot(request.getDefaultAction(), "/defaultAction", violations);
        List<UUID> certificates = new ArrayList<>();
        List<UUID> requested = request.getCertificateIds() == null ? List.of() : request.getCertificateIds();
        for (int i = 0; i < requested.size(); i++) {
            if (requested.get(i) == null) {
                violations.add(new FieldViolation("/certificateIds/" + i, "must be a certificate id, not null"));
            } else {
                certificates.add(requested.get(i));
            }
        }
        FieldViolation.throwIfAny(violations);
        return new ListenerSettings(ListenerProtocol.valueOf(request.getProtocol().getValue()), request.getPort(),
                action, request.getTlsPolicy() == null ? null : request.getTlsPolicy().getValue(), certificates);
    }

    static Listener toDto(ListenerInfo info) {
        Listener dto = new Listener(info.id(), Listener.ProtocolEnum.fromValue(info.protocol().name()), info.port(),
                ActionDtos.toDto(info.defaultAction()));
        if (info.tlsPolicy() != null) {
            dto.setTlsPolicy(TlsPolicy.fromValue(info.tlsPolicy()));
        }
        return dto.certificateIds(info.certificateIds());
    }
}
