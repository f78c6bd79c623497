package dev.signalbox.panel.support.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.signalbox.panel.support.contract.OpenApiContract.Match;

/**
 * Checks every exchange of the integration tests against openapi.yaml. Responses are always
 * checked. A request that breaks the spec is only tolerated when the panel rejected it with a 4xx:
 * that is what the bad-input tests do on purpose, and a test that meant to send a valid request
 * fails on the status anyway; an invalid request the panel accepted (or failed on) is a violation.
 */
public final class ContractValidator {

    private static @Nullable ContractValidator shared;

    private final OpenApiContract contract;
    private final RequestContract requests;
    private final ResponseContract responses;

    public ContractValidator(OpenApiContract contract) {
        this.contract = contract;
        SchemaChecks schemas = new SchemaChecks(contract);
        BodyChecks bodies = new BodyChecks(schemas);
        this.requests = new RequestContract(contract, schemas, bodies);
        this.responses = new ResponseContract(contract, bodies);
    }

    /** The validator of {@link OpenApiContract#SPEC_FILE}, read once per test JVM. */
    public static synchronized ContractValidator shared() {
        if (shared == null) {
            shared = new ContractValidator(OpenApiContract.load(OpenApiContract.SPEC_FILE));
        }
        return shared;
    }

    public OpenApiContract contract() {
        return contract;
    }

    /** Violations of the exchange; paths outside the API (console, actuator) are not the spec's business. */
    public List<ContractViolation> check(Exchange exchange) {
        if (!exchange.path().startsWith("/api/")) {
            return List.of();
        }
        Optional<Match> match = contract.find(exchange.method(), exchange.path());
        List<ContractViolation> violations = new ArrayList<>();
        if (match.isEmpty()) {
            violations.addAll(responses.checkUnmatched(exchange));
            if (!rejected(exchange)) {
                violations.add(new ContractViolation("operation",
                        "openapi.yaml has no " + exchange.method() + " " + exchange.path()));
            }
            return violations;
        }
        violations.addAll(responses.check(match.get().operation(), exchange));
        if (!rejected(exchange)) {
            violations.addAll(requests.check(match.get(), exchange));
        }
        return violations;
    }

    /** Fails (with every violation listed) if the exchange breaks the spec. */
    public void assertValid(Exchange exchange) {
        List<ContractViolation> violations = check(exchange);
        if (!violations.isEmpty()) {
            String operationId = contract.find(exchange.method(), exchange.path()).map(m -> m.operation().id()).orElse(null);
            throw new ContractViolationError(exchange, operationId, violations);
        }
    }

    private static boolean rejected(Exchange exchange) {
        return exchange.status() >= 400 && exchange.status() < 500;
    }
}
