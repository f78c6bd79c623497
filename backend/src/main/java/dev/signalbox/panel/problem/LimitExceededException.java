package dev.signalbox.panel.problem;

/**
 * A change would take a resource past one of the configured limits; the problem names the limit's
 * property and value so an operator knows what to raise.
 */
public class LimitExceededException extends SignalboxProblemException {

    /**
     * @param limit the property, e.g. {@code signalbox.limits.listeners-per-load-balancer}
     * @param value its configured value
     * @param what  what would exceed it, e.g. "listeners per load balancer"
     */
    public LimitExceededException(String limit, int value, String what) {
        super(ProblemType.LIMIT_EXCEEDED, "At most " + value + " " + what + " are allowed (limit " + limit + " = "
                + value + ")");
        getBody().setProperty("limit", limit);
        getBody().setProperty("limitValue", value);
    }
}
