package dev.signalbox.panel.loadbalancer;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.signalbox.panel.api.model.QueryStringValue;
import dev.signalbox.panel.api.model.RuleCondition;
import dev.signalbox.panel.problem.FieldViolation;
import dev.signalbox.protocol.ConditionSnapshot;
import dev.signalbox.protocol.QueryStringPair;

/** Maps rule conditions between the API and the protocol records they are stored and published as. */
public final class ConditionDtos {

    private ConditionDtos() {
    }

    public static List<ConditionSnapshot> toSnapshots(@Nullable List<RuleCondition> dtos, String pointer,
            List<FieldViolation> violations) {
        List<ConditionSnapshot> conditions = new ArrayList<>();
        List<RuleCondition> requested = dtos == null ? List.of() : dtos;
        for (int i = 0; i < requested.size(); i++) {
            RuleCondition dto = requested.get(i);
            String at = pointer + "/" + i;
            if (dto == null) {
                violations.add(new FieldViolation(at, "must be a condition, not null"));
                continue;
            }
            List<String> values = new ArrayList<>();
            List<String> requestedValues = dto.getValues() == null ? List.of() : dto.getValues();
            for (int j = 0; j < requestedValues.size(); j++) {
                if (requestedValues.get(j) == null) {
                    violations.add(new FieldViolation(at + "/values/" + j, "must be a value, not null"));
                } else {
                    values.add(requestedValues.get(j));
                }
            }
            List<QueryStringPair> pairs = new ArrayList<>();
            List<QueryStringValue> requestedPairs = dto.getQueryStringValues() == null ? List.of()
                    : dto.getQueryStringValues();
            for (int j = 0; j < requestedPairs.size(); j++) {
                QueryStringValue pair = requestedPairs.get(j);
                if (pair == null) {
                    violations.add(new FieldViolation(at + "/queryStringValues/" + j, "must be a key/value pair, not null"));
                } else {
                    pairs.add(new QueryStringPair(pair.getKey(), pair.getValue()));
                }
            }
            conditions.add(new ConditionSnapshot(dto.getField().getValue(), dto.getHttpHeaderName(), values, pairs));
        }
        return conditions;
    }

    public static List<RuleCondition> toDtos(List<ConditionSnapshot> conditions) {
        return conditions.stream().map(condition -> {
            RuleCondition dto = new RuleCondition(RuleCondition.FieldEnum.fromValue(condition.field()))
                    .httpHeaderName(condition.key());
            if (condition.field().equals(ConditionRules.QUERY_STRING)) {
                dto.setValues(null);
                dto.setQueryStringValues(condition.queryPairs().stream()
                        .map(pair -> new QueryStringValue(pair.value()).key(pair.key())).toList());
            } else {
                dto.setQueryStringValues(null);
                dto.setValues(condition.values());
            }
            return dto;
        }).toList();
    }
}
