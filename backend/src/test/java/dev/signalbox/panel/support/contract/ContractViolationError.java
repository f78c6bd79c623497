package dev.signalbox.panel.support.contract;

import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/** Fails the test whose request or response broke openapi.yaml, naming every violation of the exchange. */
public final class ContractViolationError extends AssertionError {

    private static final int SHOWN_BODY = 600;

    private final List<ContractViolation> violations;

    public ContractViolationError(Exchange exchange, @Nullable String operationId, List<ContractViolation> violations) {
        super(message(exchange, operationId, violations));
        this.violations = List.copyOf(violations);
    }

    public List<ContractViolation> violations() {
        return violations;
    }

    private static String message(Exchange exchange, @Nullable String operationId, List<ContractViolation> violations) {
        String where = exchange.method() + " " + exchange.pathAndQuery() + " -> " + exchange.status();
        String operation = operationId == null ? "no operation of openapi.yaml" : "operation " + operationId;
        return "The exchange " + where + " (" + operation + ") breaks openapi.yaml:\n"
                + violations.stream().map(v -> "  - " + v).collect(Collectors.joining("\n"))
                + "\n  request body: " + shorten(exchange.requestBody())
                + "\n  response body: " + shorten(exchange.responseBody());
    }

    private static String shorten(@Nullable String body) {
        if (body == null || body.isEmpty()) {
            return "(none)";
        }
        return body.length() <= SHOWN_BODY ? body : body.substring(0, SHOWN_BODY) + "… (" + body.length() + " chars)";
    }
}
