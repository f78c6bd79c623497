package dev.signalbox.panel.loadbalancer;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.signalbox.panel.api.model.Action;
import dev.signalbox.panel.api.model.FixedResponseAction;
import dev.signalbox.panel.api.model.RedirectAction;
import dev.signalbox.panel.problem.FieldViolation;
import dev.signalbox.protocol.ActionSnapshot;
import dev.signalbox.protocol.ActionType;
import dev.signalbox.protocol.FixedResponseSnapshot;
import dev.signalbox.protocol.RedirectSnapshot;
import dev.signalbox.protocol.WeightedTargetGroup;

/**
 * Maps actions between the API and the protocol records they are stored and published as. The redirect and
 * fixed-response parts are public so that the configuration document reads and writes them with the same defaults.
 */
public final class ActionDtos {

    private ActionDtos() {
    }

    /** The action the request describes; shape problems (missing or misplaced parts) are added to {@code violations}. */
    static ActionSnapshot toSnapshot(Action dto, String pointer, List<FieldViolation> violations) {
        ActionType type = ActionType.valueOf(dto.getType().getValue());
        boolean hasGroups = dto.getTargetGroups() != null && !dto.getTargetGroups().isEmpty();
        if (type != ActionType.FORWARD) {
            misplaced(dto.getTargetGroupId() != null || hasGroups, pointer + "/targetGroups", violations);
            misplaced(dto.getStickinessSeconds() != null, pointer + "/stickinessSeconds", violations);
        }
        misplaced(type != ActionType.REDIRECT && dto.getRedirect() != null, pointer + "/redirect", violations);
        misplaced(type != ActionType.FIXED_RESPONSE && dto.getFixedResponse() != null, pointer + "/fixedResponse",
                violations);
        return switch (type) {
            case FORWARD -> ActionSnapshot.forward(groups(dto, pointer, violations), dto.getStickinessSeconds());
            case REDIRECT -> dto.getRedirect() == null ? new ActionSnapshot(type, List.of())
                    : ActionSnapshot.redirect(toSnapshot(dto.getRedirect()));
            case FIXED_RESPONSE -> dto.getFixedResponse() == null ? new ActionSnapshot(type, List.of())
                    : ActionSnapshot.fixedResponse(toSnapshot(dto.getFixedResponse()));
            case UNKNOWN -> new ActionSnapshot(type, List.of());
        };
    }

    static Action toDto(ActionSnapshot action) {
        Action dto = new Action(Action.TypeEnum.fromValue(action.type().name()));
        switch (action.type()) {
            case FORWARD -> {
                dto.setTargetGroups(action.targetGroups().stream().map(group ->
                        new dev.signalbox.panel.api.model.WeightedTargetGroup(group.targetGroupId())
                                .weight(group.weight())).toList());
                if (action.targetGroups().size() == 1) {
                    dto.setTargetGroupId(action.targetGroups().get(0).targetGroupId());
                }
                dto.setStickinessSeconds(action.stickinessSeconds());
            }
            case REDIRECT -> {
                RedirectSnapshot redirect = action.redirect();
                if (redirect != null) {
                    dto.setRedirect(toDto(redirect));
                }
            }
            case FIXED_RESPONSE -> {
                FixedResponseSnapshot fixed = action.fixedResponse();
                if (fixed != null) {
                    dto.setFixedResponse(toDto(fixed));
                }
            }
            default -> {
                // an action type this panel does not know carries nothing it could show
            }
        }
        return dto;
    }

    private static List<WeightedTargetGroup> groups(Action dto, String pointer, List<FieldViolation> violations) {
        List<WeightedTargetGroup> groups = new ArrayList<>();
        if (dto.getTargetGroupId() != null) {
            if (dto.getTargetGroups() != null && !dto.getTargetGroups().isEmpty()) {
                violations.add(new FieldViolation(pointer + "/targetGroups",
                        "give either targetGroupId or targetGroups, not both"));
            }
            groups.add(new WeightedTargetGroup(dto.getTargetGroupId(), 1));
            return groups;
        }
        List<dev.signalbox.panel.api.model.WeightedTargetGroup> requested =
                dto.getTargetGroups() == null ? List.of() : dto.getTargetGroups();
        for (int i = 0; i < requested.size(); i++) {
            var group = requested.get(i);
            if (group == null) {
                violations.add(new FieldViolation(pointer + "/targetGroups/" + i, "must be a target group, not null"));
            } else {
                groups.add(new WeightedTargetGroup(group.getTargetGroupId(), orDefault(group.getWeight(), 1)));
            }
        }
        return groups;
    }

    /** Parts the request leaves out take the defaults: 301, and every part of the request URL kept as it came. */
    public static RedirectSnapshot toSnapshot(RedirectAction dto) {
        return new RedirectSnapshot(orDefault(dto.getStatusCode(), 301),
                orDefault(dto.getProtocol(), ActionRules.DEFAULT_PROTOCOL),
                orDefault(dto.getHost(), ActionRules.DEFAULT_HOST),
                orDefault(dto.getPort(), ActionRules.DEFAULT_PORT),
                orDefault(dto.getPath(), ActionRules.DEFAULT_PATH),
                orDefault(dto.getQuery(), ActionRules.DEFAULT_QUERY));
    }

    /** Parts the request leaves out take the defaults: a {@code text/plain} content type and an empty body. */
    public static FixedResponseSnapshot toSnapshot(FixedResponseAction dto) {
        return new FixedResponseSnapshot(dto.getStatusCode(),
                dto.getContentType() == null ? "text/plain" : dto.getContentType().getValue(),
                orDefault(dto.getMessageBody(), ""));
    }

    public static RedirectAction toDto(RedirectSnapshot redirect) {
        return new RedirectAction().statusCode(redirect.statusCode()).protocol(redirect.protocol())
                .host(redirect.host()).port(redirect.port()).path(redirect.path()).query(redirect.query());
    }

    public static FixedResponseAction toDto(FixedResponseSnapshot fixed) {
        return new FixedResponseAction(fixed.statusCode())
                .contentType(FixedResponseAction.ContentTypeEnum.fromValue(fixed.contentType()))
                .messageBody(fixed.body());
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
