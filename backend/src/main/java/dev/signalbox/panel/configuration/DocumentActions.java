package dev.signalbox.panel.configuration;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.signalbox.panel.api.model.DocumentAction;
import dev.signalbox.panel.api.model.DocumentWeightedTargetGroup;
import dev.signalbox.panel.configuration.LoadBalancerConfiguration.NamedAction;
import dev.signalbox.panel.configuration.LoadBalancerConfiguration.NamedWeight;
import dev.signalbox.panel.loadbalancer.ActionDtos;
import dev.signalbox.panel.problem.FieldViolation;
import dev.signalbox.protocol.ActionType;
import dev.signalbox.protocol.FixedResponseSnapshot;
import dev.signalbox.protocol.RedirectSnapshot;

/**
 * Maps a document's actions to and from {@link NamedAction}s; the redirect and fixed-response parts go through
 * {@link ActionDtos}, so a document gets the same defaults as the listener and rule API.
 */
final class DocumentActions {

    private DocumentActions() {
    }

    /** @param shorthands collects the pointers of actions written with the {@code targetGroup} shorthand */
    static NamedAction read(DocumentAction dto, String pointer, List<FieldViolation> violations, Set<String> shorthands) {
        ActionType type = ActionType.valueOf(dto.getType().getValue());
        boolean hasGroups = dto.getTargetGroups() != null && !dto.getTargetGroups().isEmpty();
        if (type != ActionType.FORWARD) {
            misplaced(dto.getTargetGroup() != null || hasGroups, pointer + "/targetGroups", violations);
            misplaced(dto.getStickinessSeconds() != null, pointer + "/stickinessSeconds", violations);
        }
        misplaced(type != ActionType.REDIRECT && dto.getRedirect() != null, pointer + "/redirect", violations);
        misplaced(type != ActionType.FIXED_RESPONSE && dto.getFixedResponse() != null, pointer + "/fixedResponse",
                violations);
        return switch (type) {
            case FORWARD -> new NamedAction(type, groups(dto, pointer, violations, shorthands), dto.getStickinessSeconds(), null,
                    null);
            case REDIRECT -> new NamedAction(type, List.of(), null,
                    dto.getRedirect() == null ? null : ActionDtos.toSnapshot(dto.getRedirect()), null);
            case FIXED_RESPONSE -> new NamedAction(type, List.of(), null, null,
                    dto.getFixedResponse() == null ? null : ActionDtos.toSnapshot(dto.getFixedResponse()));
            case UNKNOWN -> new NamedAction(type, List.of(), null, null, null);
        };
    }

    /** The document form: a forward to one group with weight 1 and no stickiness uses the {@code targetGroup} shorthand. */
    static DocumentAction write(NamedAction action) {
        DocumentAction dto = new DocumentAction(DocumentAction.TypeEnum.fromValue(action.type().name()));
        dto.setTargetGroups(null);
        switch (action.type()) {
            case FORWARD -> {
                List<NamedWeight> groups = action.targetGroups();
                if (groups.size() == 1 && groups.get(0).weight() == 1 && action.stickinessSeconds() == null) {
                    dto.setTargetGroup(groups.get(0).name());
                } else {
                    dto.setTargetGroups(groups.stream()
                            .map(group -> new DocumentWeightedTargetGroup(group.name()).weight(group.weight())).toList());
                    dto.setStickinessSeconds(action.stickinessSeconds());
                }
            }
            case REDIRECT -> {
                RedirectSnapshot redirect = action.redirect();
                if (redirect != null) {
                    dto.setRedirect(ActionDtos.toDto(redirect));
                }
            }
            case FIXED_RESPONSE -> {
                FixedResponseSnapshot fixed = action.fixedResponse();
                if (fixed != null) {
                    dto.setFixedResponse(ActionDtos.toDto(fixed));
                }
            }
            default -> {
                // nothing to show of an action type this panel does not know
            }
        }
        return dto;
    }

    private static List<NamedWeight> groups(DocumentAction dto, String pointer, List<FieldViolation> violations,
            Set<String> shorthands) {
        List<NamedWeight> groups = new ArrayList<>();
        List<DocumentWeightedTargetGroup> requested = dto.getTargetGroups() == null ? List.of() : dto.getTargetGroups();
        if (dto.getTargetGroup() != null) {
            if (!requested.isEmpty()) {
                violations.add(new FieldViolation(pointer + "/targetGroups",
                        "give either targetGroup or targetGroups, not both"));
            }
            groups.add(new NamedWeight(dto.getTargetGroup(), 1));
            shorthands.add(pointer);
            return groups;
        }
        for (int i = 0; i < requested.size(); i++) {
            DocumentWeightedTargetGroup group = requested.get(i);
            if (group == null) {
                violations.add(new FieldViolation(pointer + "/targetGroups/" + i, "must be a target group, not null"));
            } else {
                groups.add(new NamedWeight(group.getName(), orDefault(group.getWeight(), 1)));
            }
        }
        return groups;
    }

    private static void misplaced(boolean present, String pointer, List<FieldViolation> violations) {
        if (present) {
            violations.add(new FieldViolation(pointer, "does not belong to this action type"));
        }
    }

    private static <T> T orDefault(@Nullable T value, T fallback) {
        return value == null ? fallback : value;
    }
}
