package dev.signalbox.node.retry;

import java.time.Duration;
import java.util.function.LongSupplier;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The retry budget of every target group on this node, under {@code signalbox.node.retry.*}; how
 * often a request may be retried is the group's own {@code retries} setting. The defaults are
 * Finagle's.
 *
 * @param budgetPercent       retries allowed per hundred requests of a group
 * @param minRetriesPerSecond retries a group may always make per second, however few its requests
 * @param budgetWindow        how long requests and retries count towards the budget
 */
@ConfigurationProperties("signalbox.node.retry")
public record RetryProperties(
        @DefaultValue("20") int budgetPercent,
        @DefaultValue("10") int minRetriesPerSecond,
        @DefaultValue("10s") Duration budgetWindow) {

    /** A fresh budget for one target group. */
    public RetryBudget newBudget(LongSupplier nanoClock) {
        return new RetryBudget(budgetWindow, budgetPercent, minRetriesPerSecond, nanoClock);
    }
}
