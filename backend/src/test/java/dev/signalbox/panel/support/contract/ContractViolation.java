package dev.signalbox.panel.support.contract;

/**
 * One way an exchange breaks openapi.yaml: where (e.g. {@code response body /items/0/id},
 * {@code query parameter limit}, {@code status}) and what is wrong.
 */
public record ContractViolation(String where, String message) {

    @Override
    public String toString() {
        return where + ": " + message;
    }
}
