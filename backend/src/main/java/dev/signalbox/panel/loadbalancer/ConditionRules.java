package dev.signalbox.panel.loadbalancer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.signalbox.panel.problem.FieldViolation;
import dev.signalbox.protocol.ConditionSnapshot;
import dev.signalbox.protocol.QueryStringPair;

/** Validates the conditions of a rule, as ALB does; every violation is reported, not just the first. */
public final class ConditionRules {

    public static final String HOST_HEADER = "host-header";
    public static final String PATH_PATTERN = "path-pattern";
    public static final String HTTP_HEADER = "http-header";
    public static final String HTTP_REQUEST_METHOD = "http-request-method";
    public static final String QUERY_STRING = "query-string";
    public static final String SOURCE_IP = "source-ip";

    public static final Set<String> FIELDS = Set.of(HOST_HEADER, PATH_PATTERN, HTTP_HEADER, HTTP_REQUEST_METHOD,
            QUERY_STRING, SOURCE_IP);
    /** Fields a rule may test only once; headers and query parameters may be tested several times. */
    private static final Set<String> ONCE_PER_RULE = Set.of(HOST_HEADER, PATH_PATTERN, HTTP_REQUEST_METHOD, SOURCE_IP);

    private static final int MAX_VALUE_LENGTH = 128;
    private static final Pattern HOST_PATTERN = Pattern.compile("[A-Za-z0-9.*?-]+");
    private static final Pattern PATH = Pattern.compile("[/*][!-~&&[^#\\s]]*");
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,40}");
    private static final Pattern HEADER_VALUE = Pattern.compile("[ -~]+");
    private static final Pattern METHOD = Pattern.compile("[A-Z_-]{1,40}");
    private static final Pattern QUERY_PART = Pattern.compile("[!-~&&[^&=#]]+");

    private ConditionRules() {
    }

    /**
     * @param conditions the rule's conditions
     * @param pointer    JSON pointer of the conditions list, e.g. {@code /conditions}
     * @param limits     the configured limits (condition values per rule)
     */
    public static List<FieldViolation> validate(List<ConditionSnapshot> conditions, String pointer,
            ResourceLimits limits) {
        List<FieldViolation> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int values = 0;
        for (int i = 0; i < conditions.size(); i++) {
            ConditionSnapshot condition = conditions.get(i);
            String at = pointer + "/" + i;
            if (!FIELDS.contains(condition.field())) {
                violations.add(new FieldViolation(at + "/field", "must be one of " + FIELDS));
                continue;
            }
            if (ONCE_PER_RULE.contains(condition.field()) && !seen.add(condition.field())) {
                violations.add(new FieldViolation(at + "/field", "a rule may have only one " + condition.field()
                        + " condition; list several values in it instead"));
            }
            values += condition.field().equals(QUERY_STRING) ? condition.queryPairs().size() : condition.values().size();
            validateShape(condition, at, violations);
        }
        if (values > limits.conditionValuesPerRule()) {
            violations.add(new FieldViolation(pointer, "a rule has at most " + limits.conditionValuesPerRule()
                    + " condition values in total (limit signalbox.limits.condition-values-per-rule = "
                    + limits.conditionValuesPerRule() + "); this one has " + values));
        }
        return violations;
    }

    private static void validateShape(ConditionSnapshot condition, String at, List<FieldViolation> violations) {
        String field = condition.field();
        if (field.equals(HTTP_HEADER)) {
            if (condition.key() == null || !HEADER_NAME.matcher(condition.key()).matches()) {
                violations.add(new FieldViolation(at + "/httpHeaderName",
                        "an http-header condition needs the header name (a token of up to 40 characters)"));
            }
        } else if (condition.key() != null) {
            violations.add(new FieldViolation(at + "/httpHeaderName", "only http-header conditions name a header"));
        }
        if (field.equals(QUERY_STRING)) {
            if (!condition.values().isEmpty()) {
                violations.add(new FieldViolation(at + "/values", "a query-string condition uses queryStringValues"));
            }
            if (condition.queryPairs().isEmpty()) {
                violations.add(new FieldViolation(at + "/queryStringValues", "needs at least one key/value pair"));
            }
            for (int j = 0; j < condition.queryPairs().size(); j++) {
                QueryStringPair pair = condition.queryPairs().get(j);
                if (pair.key() != null && !validQueryPart(pair.key())) {
                    violations.add(new FieldViolation(at + "/queryStringValues/" + j + "/key", queryPartProblem()));
                }
                if (!validQueryPart(pair.value())) {
                    violations.add(new FieldViolation(at + "/queryStringValues/" + j + "/value", queryPartProblem()));
                }
            }
            return;
        }
        if (!condition.queryPairs().isEmpty()) {
            violations.add(new FieldViolation(at + "/queryStringValues", "only query-string conditions have these"));
        }
        if (condition.values().isEmpty()) {
            violations.add(new FieldViolation(at + "/values", "needs at least one value"));
        }
        for (int j = 0; j < condition.values().size(); j++) {
            String problem = valueProblem(field, condition.values().get(j));
            if (problem != null) {
                violations.add(new FieldViolation(at + "/values/" + j, problem));
            }
        }
    }

    private static @Nullable String valueProblem(String field, String value) {
        if (value.isEmpty() || value.length() > MAX_VALUE_LENGTH) {
            return "must have 1 to " + MAX_VALUE_LENGTH + " characters";
        }
        return switch (field) {
            case HOST_HEADER -> HOST_PATTERN.matcher(value).matches() ? null
                    : "a host pattern has letters, digits, '-', '.' and the wildcards * and ?";
            case PATH_PATTERN -> PATH.matcher(value).matches() ? null
                    : "a path pattern starts with '/' (or a wildcard) and has no spaces or '#'";
            case HTTP_HEADER -> HEADER_VALUE.matcher(value).matches() ? null
                    : "a header value pattern has printable ASCII characters only";
            case HTTP_REQUEST_METHOD -> METHOD.matcher(value).matches() ? null
                    : "a method is upper case letters, '_' and '-' (e.g. GET), without wildcards";
            case SOURCE_IP -> NetworkAddresses.cidrProblem(value);
            default -> null;
        };
    }

    private static boolean validQueryPart(String part) {
        return part.length() <= MAX_VALUE_LENGTH && QUERY_PART.matcher(part).matches();
    }

    private static String queryPartProblem() {
        return "must have 1 to " + MAX_VALUE_LENGTH + " printable characters without spaces, '&', '=' or '#'";
    }
}
