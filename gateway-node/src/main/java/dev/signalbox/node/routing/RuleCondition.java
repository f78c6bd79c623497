package dev.signalbox.node.routing;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.signalbox.protocol.ConditionSnapshot;
import dev.signalbox.protocol.QueryStringPair;

/**
 * One compiled condition of a listener rule. Within a condition any value matches; a rule needs all
 * of its conditions. Patterns are compiled when the snapshot is applied, never per request.
 */
sealed interface RuleCondition {

    /**
     * @param host the request's Host header, normalized by {@link RoutingIndex#normalizeHost(String)}
     */
    boolean matches(ListenerRequest request, String host);

    static RuleCondition compile(ConditionSnapshot condition) {
        List<String> values = condition.values();
        return switch (condition.field()) {
            case "host-header" -> new HostHeader(wildcards(values, true));
            case "path-pattern" -> new PathPattern(wildcards(values, false));
            case "http-header" -> new HttpHeader(requireKey(condition), wildcards(values, true));
            case "http-request-method" -> new RequestMethod(values.toArray(String[]::new));
            case "query-string" -> new QueryString(queryPairs(condition.queryPairs()));
            case "source-ip" -> new SourceIp(values.stream().map(CidrBlock::parse).toArray(CidrBlock[]::new));
            // a field newer than this node: the rule must not match more requests than its author meant
            default -> Never.INSTANCE;
        };
    }

    /** Host names compare case-insensitively. */
    record HostHeader(Wildcard[] patterns) implements RuleCondition {
        @Override
        public boolean matches(ListenerRequest request, String host) {
            return anyMatches(patterns, host);
        }
    }

    /** Paths compare case-sensitively, on the path as sent (not percent-decoded). */
    record PathPattern(Wildcard[] patterns) implements RuleCondition {
        @Override
        public boolean matches(ListenerRequest request, String host) {
            return anyMatches(patterns, request.rawPath());
        }
    }

    /** The header name compares case-insensitively, as HTTP defines; values too, as ALB does. */
    record HttpHeader(String name, Wildcard[] patterns) implements RuleCondition {
        @Override
        public boolean matches(ListenerRequest request, String host) {
            List<String> sent = request.headers(name);
            for (int i = 0; i < sent.size(); i++) {
                if (anyMatches(patterns, sent.get(i))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Method names are case-sensitive, as HTTP defines. */
    record RequestMethod(String[] methods) implements RuleCondition {
        @Override
        public boolean matches(ListenerRequest request, String host) {
            String method = request.method();
            for (String candidate : methods) {
                if (candidate.equals(method)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Any parameter matching any pair; keys and values compare case-insensitively, as ALB does. */
    record QueryString(QueryPattern[] pairs) implements RuleCondition {
        @Override
        public boolean matches(ListenerRequest request, String host) {
            for (Map.Entry<String, List<String>> parameter : request.queryParameters().entrySet()) {
                List<String> values = parameter.getValue();
                for (QueryPattern pair : pairs) {
                    if (pair.key() != null && !pair.key().matches(parameter.getKey())) {
                        continue;
                    }
                    for (int i = 0; i < values.size(); i++) {
                        String value = values.get(i);
                        if (pair.value().matches(value == null ? "" : value)) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }
    }

    /** The key pattern is null for any key. */
    record QueryPattern(@Nullable Wildcard key, Wildcard value) {
    }

    /** The address of the client connected to the node. */
    record SourceIp(CidrBlock[] blocks) implements RuleCondition {
        @Override
        public boolean matches(ListenerRequest request, String host) {
            InetAddress address = request.clientAddress();
            if (address == null) {
                return false;
            }
            for (CidrBlock block : blocks) {
                if (block.contains(address)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A condition on a field this node does not know. */
    enum Never implements RuleCondition {
        INSTANCE;

        @Override
        public boolean matches(ListenerRequest request, String host) {
            return false;
        }
    }

    private static boolean anyMatches(Wildcard[] patterns, String input) {
        for (Wildcard pattern : patterns) {
            if (pattern.matches(input)) {
                return true;
            }
        }
        return false;
    }

    private static Wildcard[] wildcards(List<String> values, boolean ignoreCase) {
        return values.stream()
                .map(value -> ignoreCase ? Wildcard.ignoringCase(value) : Wildcard.caseSensitive(value))
                .toArray(Wildcard[]::new);
    }

    private static String requireKey(ConditionSnapshot condition) {
        if (condition.key() == null || condition.key().isBlank()) {
            throw new IllegalArgumentException("an http-header condition needs a header name");
        }
        return condition.key();
    }

    private static QueryPattern[] queryPairs(List<QueryStringPair> pairs) {
        return pairs.stream()
                .map(pair -> new QueryPattern(pair.key() == null ? null : Wildcard.ignoringCase(pair.key()),
                        Wildcard.ignoringCase(pair.value())))
                .toArray(QueryPattern[]::new);
    }
}
