package dev.signalbox.node.routing;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

import dev.signalbox.node.balancing.TargetSelector;
import dev.signalbox.node.retry.AttemptFailure;
import dev.signalbox.node.retry.RetryBudget;
import dev.signalbox.node.retry.RetryRule;
import dev.signalbox.protocol.TargetGroupSnapshot;
import dev.signalbox.protocol.TargetSnapshot;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * Carries a forwarded request to a target of its group, attempt after attempt. Each attempt points
 * the gateway at its target and runs the rest of the filter chain, which ends when the target's
 * response headers arrive; the group's timeouts ride on the exchange's route. A failed attempt is
 * reported to the {@link AttemptObserver}s, then retried on another target when {@link RetryRule}
 * and the group's {@link RetryBudget} allow it, else answered with the failure's 502 or 504.
 */
final class ForwardAttempts {

    private static final Logger log = LoggerFactory.getLogger(ForwardAttempts.class);

    /**
     * How many picks a retry may make to find a target other than the one that failed. Round robin and
     * hashing move on at the first pick, the in-flight counting algorithms within a few; random with
     * two targets gives up with a chance of one in 2^32.
     */
    static final int MAX_PICKS_FOR_ANOTHER = 32;

    private final GroupPolicies policies;
    private final InFlightRequests inFlight;
    private final AttemptObserver[] observers;
    private final LongSupplier nanoClock;

    ForwardAttempts(GroupPolicies policies, InFlightRequests inFlight, List<AttemptObserver> observers,
            LongSupplier nanoClock) {
        this.policies = policies;
        this.inFlight = inFlight;
        this.observers = observers.toArray(AttemptObserver[]::new);
        this.nanoClock = nanoClock;
    }

    /** Forwards the request to {@code first}, already picked by the forward's selector. */
    Mono<Void> forward(ServerWebExchange exchange, GatewayFilterChain chain, RoutingDecision.Forward forward,
            TargetSnapshot first) {
        // a forward with a target always has its group
        TargetGroupSnapshot group = Objects.requireNonNull(forward.group(), "group of a forward with a target");
        GroupPolicies.GroupPolicy policy = policies.of(group);
        policy.retryBudget().deposit();
        exchange.getAttributes().put(GATEWAY_ROUTE_ATTR, policy.route());
        return new Attempt(exchange, chain, forward, group, policy.retryBudget(), first, 0).run();
    }

    /** One attempt on one target; a retry is a new attempt. */
    private final class Attempt {

        private final ServerWebExchange exchange;
        private final GatewayFilterChain chain;
        private final RoutingDecision.Forward forward;
        private final TargetGroupSnapshot group;
        private final RetryBudget budget;
        private final TargetSnapshot target;
        private final int retriesDone;
        private @Nullable InFlightRequest request;

        Attempt(ServerWebExchange exchange, GatewayFilterChain chain, RoutingDecision.Forward forward,
                TargetGroupSnapshot group, RetryBudget budget, TargetSnapshot target, int retriesDone) {
            this.exchange = exchange;
            this.chain = chain;
            this.forward = forward;
            this.group = group;
            this.budget = budget;
            this.target = target;
            this.retriesDone = retriesDone;
        }

        Mono<Void> run() {
            exchange.getAttributes().put(GATEWAY_REQUEST_URL_ATTR,
                    TargetRequestUrlFilter.targetUrl(exchange.getRequest().getURI(), target));
            exchange.getAttributes().put(PickedTarget.ATTRIBUTE,
                    new PickedTarget(forward.loadBalancerId(), group.id(), target));
            request = inFlight.start(exchange, forward.targets(), target, nanoClock);
            // exactly one of the three ends an attempt: the client went away, the target answered, or it failed
            return chain.filter(exchange)
                    .doOnCancel(this::release)
                    .doOnSuccess(ignored -> answered())
                    .onErrorResume(this::failed);
        }

        private void answered() {
            release();
            HttpStatusCode status = exchange.getResponse().getStatusCode();
            int code = status == null ? 200 : status.value();
            for (AttemptObserver observer : observers) {
                observer.answered(group, target, code);
            }
        }

        private Mono<Void> failed(Throwable error) {
            AttemptFailure failure = AttemptFailure.of(error);
            log(failure, error);
            // observed first, so that an ejection this failure causes already steers the retry
            for (AttemptObserver observer : observers) {
                observer.failed(group, target, failure);
            }
            if (exchange.getResponse().isCommitted()) {
                // a WebSocket upgrade already answered the client: nothing can be retried or answered now
                release();
                return Mono.error(error);
            }
            TargetSnapshot next = mayRetry(failure) ? pickAnother() : null;
            // released after the pick, so that the failed target still counts as busy while it is made
            release();
            if (next == null) {
                return ActionResponses.write(exchange, failure.status(), MediaType.TEXT_PLAIN, failure.body());
            }
            ServerWebExchangeUtils.reset(exchange);
            return new Attempt(exchange, chain, forward, group, budget, next, retriesDone + 1).run();
        }

        private boolean mayRetry(AttemptFailure failure) {
            ServerHttpRequest request = exchange.getRequest();
            return RetryRule.allows(failure, request.getMethod(), RetryRule.hasBody(request.getHeaders()), retriesDone,
                    group.attributes().retries())
                    && budget.tryWithdraw();
        }

        /**
         * A target other than the failed one whenever the selector yields one within a few picks. Retries
         * carry no hash key, so hashing selectors move on to another target instead of the same again.
         */
        private @Nullable TargetSnapshot pickAnother() {
            TargetSelector selector = forward.targets();
            TargetSnapshot candidate = selector.pick(null);
            int discarded = 0;
            while (target.equals(candidate) && discarded + 1 < MAX_PICKS_FOR_ANOTHER) {
                discarded++;
                candidate = selector.pick(null);
            }
            if (selector.tracksRequests()) {
                // every discarded pick was the failed target, counted as busy until now
                for (int i = 0; i < discarded; i++) {
                    selector.release(target, 0);
                }
            }
            return candidate;
        }

        /** Ends the attempt's in-flight count, which also releases its pick; once per attempt. */
        private void release() {
            if (request != null) {
                request.accept(SignalType.ON_COMPLETE);
                request = null;
            }
        }

        private void log(AttemptFailure failure, Throwable error) {
            if (failure == AttemptFailure.OTHER) {
                log.warn("Forwarding to {}:{} of group {} failed", target.host(), target.port(), group.id(), error);
            } else if (log.isDebugEnabled()) {
                log.debug("Attempt {} on {}:{} of group {}: {} ({})", retriesDone + 1, target.host(), target.port(),
                        group.id(), failure, error.toString());
            }
        }
    }
}
