package dev.signalbox.panel.loadbalancer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import dev.signalbox.protocol.ConditionSnapshot;
import dev.signalbox.protocol.QueryStringPair;
import dev.signalbox.protocol.RuleSnapshot;

/**
 * Finds rules that can never match because a rule evaluated before them matches every request
 * they would. Sound, not complete: it warns only when certain, and says nothing when the overlap
 * is partial or too costly to decide.
 */
public final class ShadowAnalysis {

    private ShadowAnalysis() {
    }

    /** Warnings about {@code rule} among {@code rules} (all rules of its listener, it included). */
    public static List<String> warnings(RuleSnapshot rule, List<RuleSnapshot> rules) {
        List<String> warnings = new ArrayList<>();
        List<RuleSnapshot> ordered = rules.stream().filter(other -> !other.id().equals(rule.id()))
                .sorted(Comparator.comparingInt(RuleSnapshot::priority)).toList();
        for (RuleSnapshot other : ordered) {
            if (other.priority() < rule.priority() && shadows(other, rule)) {
                warnings.add("This rule can never match: the rule with priority " + other.priority()
                        + " is evaluated first and matches every request this one would");
                break;
            }
        }
        for (RuleSnapshot other : ordered) {
            if (other.priority() > rule.priority() && shadows(rule, other)) {
                warnings.add("The rule with priority " + other.priority()
                        + " can never match: this rule is evaluated first and matches every request it would");
            }
        }
        return warnings;
    }

    /** Whether every request that {@code later} matches is also matched by {@code earlier}. */
    public static boolean shadows(RuleSnapshot earlier, RuleSnapshot later) {
        // all of earlier's conditions must hold: each is implied by some condition of later
        for (ConditionSnapshot general : earlier.conditions()) {
            if (later.conditions().stream().noneMatch(specific -> implies(specific, general))) {
                return false;
            }
        }
        return true;
    }

    /** Whether a request satisfying {@code specific} surely satisfies {@code general}. */
    static boolean implies(ConditionSnapshot specific, ConditionSnapshot general) {
        if (!specific.field().equals(general.field())) {
            return false;
        }
        return switch (general.field()) {
            case ConditionRules.HTTP_HEADER -> specific.key() != null && general.key() != null
                    && specific.key().equalsIgnoreCase(general.key())
                    && valuesCovered(specific.values(), general.values(), true);
            case ConditionRules.HOST_HEADER -> valuesCovered(specific.values(), general.values(), true);
            case ConditionRules.PATH_PATTERN -> valuesCovered(specific.values(), general.values(), false);
            case ConditionRules.HTTP_REQUEST_METHOD -> general.values().containsAll(specific.values());
            case ConditionRules.SOURCE_IP -> specific.values().stream().allMatch(inner -> general.values().stream()
                    .anyMatch(outer -> NetworkAddresses.cidrProblem(outer) == null
                            && NetworkAddresses.cidrProblem(inner) == null && NetworkAddresses.cidrContains(outer, inner)));
            case ConditionRules.QUERY_STRING -> specific.queryPairs().stream().allMatch(pair -> general.queryPairs()
                    .stream().anyMatch(candidate -> pairCovers(candidate, pair)));
            default -> false;
        };
    }

    /** Every value of {@code specific} is covered by some pattern of {@code general}. */
    private static boolean valuesCovered(List<String> specific, List<String> general, boolean ignoreCase) {
        return specific.stream().allMatch(value -> general.stream()
                .anyMatch(pattern -> WildcardPatterns.covers(pattern, value, ignoreCase)));
    }

    private static boolean pairCovers(QueryStringPair general, QueryStringPair specific) {
        boolean keyCovered = general.key() == null
                || (specific.key() != null && WildcardPatterns.covers(general.key(), Objects.requireNonNull(specific.key()),
                        true));
        return keyCovered && WildcardPatterns.covers(general.value(), specific.value(), true);
    }
}
