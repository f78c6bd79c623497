package dev.signalbox.node.health;

/** Why a target is in its state, with the reason codes ALB reports. */
public enum HealthReason {
    INITIAL_HEALTH_CHECKING("Elb.InitialHealthChecking"),
    TIMEOUT("Target.Timeout"),
    RESPONSE_CODE_MISMATCH("Target.ResponseCodeMismatch"),
    FAILED_HEALTH_CHECKS("Target.FailedHealthChecks"),
    /** Deregistered, finishing its requests in flight: the reason of every draining target. */
    DEREGISTRATION_IN_PROGRESS("Target.DeregistrationInProgress");

    private final String code;

    HealthReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
