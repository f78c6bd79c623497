package dev.signalbox.node.metrics;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;

import dev.signalbox.node.routing.PickedTarget;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * One request of a load balancer on its way through the node. It is counted once it has both ended
 * and committed its response, which happen in either order: a proxied or node-answered request
 * commits, then ends; a failed one ends first and gets its status when the error handler commits
 * the error response. A request the client abandons before any response is counted as it ends,
 * without a status. This object is the commit action and the end callback at once, so observing a
 * request allocates nothing else.
 *
 * <p>Bytes are counted from the {@code Content-Length} of the request and of the response; bodies
 * without one (chunked) are not counted.
 */
final class RequestObservation implements Supplier<Mono<Void>>, Consumer<SignalType> {

    private static final int COMMITTED = 1;
    private static final int ENDED = 2;
    private static final int ABANDONED = 4;
    private static final int COUNTED = 8;
    private static final AtomicIntegerFieldUpdater<RequestObservation> STATE =
            AtomicIntegerFieldUpdater.newUpdater(RequestObservation.class, "state");

    private final ServerWebExchange exchange;
    private final LoadBalancerTraffic loadBalancer;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private volatile int state;
    // written before the state change that publishes them
    private int status;
    private long latencyNanos;
    // written and read on the request's own chain, one signal after another
    private @Nullable PickedTarget picked;
    private @Nullable GroupTraffic pickedGroup;
    private @Nullable TrafficCounters pickedTarget;

    RequestObservation(ServerWebExchange exchange, LoadBalancerTraffic loadBalancer, LongSupplier nanoClock) {
        this.exchange = exchange;
        this.loadBalancer = loadBalancer;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
        loadBalancer.counters().started();
    }

    /** A target was picked; when a retry picks another, the request moves to its counts. */
    void picked(PickedTarget target) {
        if (target == picked) {
            return;
        }
        leaveTarget();
        picked = target;
        pickedGroup = loadBalancer.group(target.targetGroupId());
        pickedTarget = pickedGroup == null ? null : pickedGroup.target(target.target().id());
        if (pickedGroup != null) {
            pickedGroup.counters().started();
        }
        if (pickedTarget != null) {
            pickedTarget.started();
        }
    }

    /** Runs as the response is committed: its status and the time to it are final now. */
    @Override
    public Mono<Void> get() {
        HttpStatusCode code = exchange.getResponse().getStatusCode();
        // a response committed without a status goes out as 200
        status = code == null ? 200 : code.value();
        latencyNanos = nanoClock.getAsLong() - startNanos;
        if (mark(COMMITTED)) {
            count();
        }
        return Mono.empty();
    }

    /** Runs as the request's processing ends, however it ends. */
    @Override
    public void accept(SignalType signal) {
        loadBalancer.counters().ended();
        leaveTarget();
        if (mark(signal == SignalType.CANCEL ? ENDED | ABANDONED : ENDED)) {
            count();
        }
    }

    /** Sets {@code flags}; true for the one caller that completes the request and must count it. */
    private boolean mark(int flags) {
        while (true) {
            int seen = state;
            if ((seen & COUNTED) != 0) {
                return false;
            }
            int next = seen | flags;
            boolean complete = (next & ENDED) != 0 && (next & (COMMITTED | ABANDONED)) != 0;
            if (complete) {
                next |= COUNTED;
            }
            if (STATE.compareAndSet(this, seen, next)) {
                return complete;
            }
        }
    }

    private void count() {
        boolean responded = (state & COMMITTED) != 0;
        int statusClass = responded ? TrafficCounters.statusClassOf(status) : TrafficCounters.NO_STATUS;
        long latency = responded ? latencyNanos : TrafficCounters.NO_LATENCY;
        long received = Math.max(0, exchange.getRequest().getHeaders().getContentLength());
        long sent = responded ? bytesSent() : 0;
        loadBalancer.counters().record(statusClass, latency, received, sent);
        if (responded) {
            loadBalancer.latency().record(latency, TimeUnit.NANOSECONDS);
        }
        GroupTraffic group = pickedGroup;
        TrafficCounters target = pickedTarget;
        PickedTarget finalPick = exchange.getAttribute(PickedTarget.ATTRIBUTE);
        if (finalPick != picked) {
            // picked again where this observation did not see it: count where the request went
            group = finalPick == null ? null : loadBalancer.group(finalPick.targetGroupId());
            target = group == null || finalPick == null ? null : group.target(finalPick.target().id());
        }
        if (group == null) {
            loadBalancer.requestsByStatusClass()[statusClass].increment();
            return;
        }
        group.counters().record(statusClass, latency, received, sent);
        group.requestsByStatusClass()[statusClass].increment();
        if (target != null) {
            target.record(statusClass, latency, received, sent);
        }
    }

    /** The response body's length, when it has a body and says how long it is. */
    private long bytesSent() {
        if (HttpMethod.HEAD.equals(exchange.getRequest().getMethod()) || status < 200 || status == 204
                || status == 304) {
            return 0;
        }
        return Math.max(0, exchange.getResponse().getHeaders().getContentLength());
    }

    /** Takes the request out of the in-flight counts of its group and target; they stay for counting it. */
    private void leaveTarget() {
        if (pickedGroup != null) {
            pickedGroup.counters().ended();
        }
        if (pickedTarget != null) {
            pickedTarget.ended();
        }
    }
}
