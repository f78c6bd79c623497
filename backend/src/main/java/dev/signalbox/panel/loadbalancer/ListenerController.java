package dev.signalbox.panel.loadbalancer;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import dev.signalbox.panel.api.ListenersApi;
import dev.signalbox.panel.api.model.Action;
import dev.signalbox.panel.api.model.Listener;
import dev.signalbox.panel.api.model.ListenerList;
import dev.signalbox.panel.api.model.ListenerRequest;
import dev.signalbox.panel.auth.CurrentPrincipal;
import dev.signalbox.panel.conditional.IfMatch;
import dev.signalbox.panel.paging.Page;
import dev.signalbox.panel.paging.PageQuery;
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
        ListenerInfo created = listeners.create(currentPrincipal.get(), loadBalancerId,
                ListenerProtocol.valueOf(request.getProtocol().getValue()), request.getPort(),
                request.getDefaultAction().getTargetGroupId());
        return ResponseEntity.status(HttpStatus.CREATED).eTag(created.entityTag().header()).body(toDto(created));
    }

    @Override
    public ResponseEntity<Listener> getListener(UUID loadBalancerId, UUID listenerId) {
        ListenerInfo info = listeners.get(currentPrincipal.get().tenantId(), loadBalancerId, listenerId);
        return ResponseEntity.ok().eTag(info.entityTag().header()).body(toDto(info));
    }

    @Override
    public ResponseEntity<Void> deleteListener(UUID loadBalancerId, UUID listenerId, @Nullable String ifMatch) {
        listeners.delete(currentPrincipal.get(), loadBalancerId, listenerId, IfMatch.parse(ifMatch));
        return ResponseEntity.noContent().build();
    }

    private static Listener toDto(ListenerInfo info) {
        return new Listener(info.id(), Listener.ProtocolEnum.fromValue(info.protocol().name()), info.port(),
                new Action(Action.TypeEnum.FORWARD, info.defaultTargetGroupId()));
    }
}
