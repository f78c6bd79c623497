package dev.signalbox.panel.loadbalancer;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import dev.signalbox.panel.api.ListenersApi;
import dev.signalbox.panel.api.model.Action;
import dev.signalbox.panel.api.model.Listener;
import dev.signalbox.panel.api.model.ListenerList;
import dev.signalbox.panel.api.model.ListenerRequest;
import dev.signalbox.panel.auth.CurrentPrincipal;
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
    public ResponseEntity<ListenerList> listListeners(UUID loadBalancerId) {
        var items = listeners.list(currentPrincipal.get().tenantId(), loadBalancerId).stream()
                .map(ListenerController::toDto).toList();
        return ResponseEntity.ok(new ListenerList(items));
    }

    @Override
    public ResponseEntity<Listener> createListener(UUID loadBalancerId, ListenerRequest request) {
        ListenerInfo created = listeners.create(currentPrincipal.get(), loadBalancerId,
                ListenerProtocol.valueOf(request.getProtocol().getValue()), request.getPort(),
                request.getDefaultAction().getTargetGroupId());
        return ResponseEntity.status(HttpStatus.CREATED).body(toDto(created));
    }

    @Override
    public ResponseEntity<Listener> getListener(UUID loadBalancerId, UUID listenerId) {
        return ResponseEntity.ok(toDto(listeners.get(currentPrincipal.get().tenantId(), loadBalancerId, listenerId)));
    }

    @Override
    public ResponseEntity<Void> deleteListener(UUID loadBalancerId, UUID listenerId) {
        listeners.delete(currentPrincipal.get(), loadBalancerId, listenerId);
        return ResponseEntity.noContent().build();
    }

    private static Listener toDto(ListenerInfo info) {
        return new Listener(info.id(), Listener.ProtocolEnum.fromValue(info.protocol().name()), info.port(),
                new Action(Action.TypeEnum.FORWARD, info.defaultTargetGroupId()));
    }
}
