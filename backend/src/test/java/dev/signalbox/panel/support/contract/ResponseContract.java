package dev.signalbox.panel.support.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.signalbox.panel.support.contract.OpenApiContract.Located;
import dev.signalbox.panel.support.contract.OpenApiContract.Operation;

/**
 * Checks a response against its operation: the status is declared (exactly, as a range such as
 * {@code 4XX}, as {@code default}, or among the spec's {@code x-common-responses} that any operation
 * with a request body may give), the Content-Type is one the status declares, the body fits its schema, and required
 * headers are there.
 */
final class ResponseContract {

    /** Root extension of openapi.yaml: responses any operation with a body may give (body too large, wrong media type). */
    static final String COMMON_RESPONSES = "x-common-responses";

    private final OpenApiContract contract;
    private final BodyChecks bodies;

    ResponseContract(OpenApiContract contract, BodyChecks bodies) {
        this.contract = contract;
        this.bodies = bodies;
    }

    List<ContractViolation> check(Operation operation, Exchange exchange) {
        Optional<Located> declared = declaredResponse(operation.node().at("responses"), exchange.status());
        if (declared.isEmpty() && operation.hasRequestBody()) {
            declared = declaredResponse(contract.at("/" + COMMON_RESPONSES), exchange.status());
        }
        if (declared.isEmpty()) {
            return List.of(new ContractViolation("status", exchange.status() + " is not declared for " + operation.id()
                    + "; declared: " + operation.node().node().path("responses").propertyNames()));
        }
        return checkAgainst(contract.follow(declared.get()), exchange);
    }

    /**
     * A response to a path or method the spec does not have: it must be a client error (404, 405 …)
     * and, like every error, problem+json.
     */
    List<ContractViolation> checkUnmatched(Exchange exchange) {
        if (exchange.status() < 400 || exchange.status() >= 500) {
            return List.of(new ContractViolation("status", exchange.status()
                    + " for a path and method openapi.yaml does not declare (only a 4xx problem may answer it)"));
        }
        return checkAgainst(contract.follow(contract.at("/components/responses/NotFound")), exchange);
    }

    private List<ContractViolation> checkAgainst(Located response, Exchange exchange) {
        List<ContractViolation> violations = new ArrayList<>();
        Located headers = response.at("headers");
        for (String name : headers.node().propertyNames()) {
            Located header = contract.follow(headers.at(name));
            if (header.node().path("required").asBoolean(false) && exchange.responseHeader(name).isEmpty()) {
                violations.add(new ContractViolation("response header " + name, "is required but missing"));
            }
        }
        Located content = response.at("content");
        String body = exchange.responseBody();
        if (content.node().isMissingNode() || content.node().isEmpty()) {
            if (!body.isEmpty()) {
                violations.add(new ContractViolation("response body", "the response declares no body but has one"));
            }
            return violations;
        }
        String mediaType = Exchange.mediaType(exchange.responseHeader("Content-Type").orElse(null));
        Optional<String> declared = BodyChecks.declaredMediaType(content.node().propertyNames(), mediaType);
        if (declared.isEmpty()) {
            violations.add(new ContractViolation("response Content-Type",
                    "'" + mediaType + "' is not declared; declared: " + content.node().propertyNames()));
        } else if (body.isEmpty()) {
            violations.add(new ContractViolation("response body", "is empty but " + declared.get() + " is declared"));
        } else {
            violations.addAll(bodies.validate(content.at(declared.get()), mediaType, body, "response body"));
        }
        return violations;
    }

    private static Optional<Located> declaredResponse(Located responses, int status) {
        String exact = String.valueOf(status);
        String range = exact.charAt(0) + "XX";
        for (String key : List.of(exact, range, "default")) {
            if (responses.node().has(key)) {
                return Optional.of(responses.at(key));
            }
        }
        return Optional.empty();
    }
}
