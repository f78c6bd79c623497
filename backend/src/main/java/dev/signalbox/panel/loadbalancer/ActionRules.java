package dev.signalbox.panel.loadbalancer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.signalbox.panel.problem.FieldViolation;
import dev.signalbox.protocol.ActionSnapshot;
import dev.signalbox.protocol.ActionType;
import dev.signalbox.protocol.FixedResponseSnapshot;
import dev.signalbox.protocol.ListenerProtocol;
import dev.signalbox.protocol.RedirectSnapshot;
import dev.signalbox.protocol.WeightedTargetGroup;

/**
 * Validates an action on its own (target groups' existence is checked against the database
 * elsewhere); every violation is reported with its JSON pointer.
 */
public final class ActionRules {

    public static final List<String> CONTENT_TYPES = List.of("text/plain", "text/css", "text/html",
            "application/javascript", "application/json");
    public static final Set<String> PLACEHOLDERS = Set.of("protocol", "host", "port", "path", "query");
    public static final String DEFAULT_PROTOCOL = "#{protocol}";
    public static final String DEFAULT_HOST = "#{host}";
    public static final String DEFAULT_PORT = "#{port}";
    public static final String DEFAULT_PATH = "/#{path}";
    public static final String DEFAULT_QUERY = "#{query}";

    private static final int MAX_WEIGHT = 999;
    private static final int MAX_STICKINESS_SECONDS = 604_800;
    private static final int MAX_BODY_BYTES = 1024;
    private static final Pattern PLACEHOLDER = Pattern.compile("#\\{([^}]*)}");
    private static final Pattern HOST_CHARACTERS = Pattern.compile("[A-Za-z0-9.-]+");
    private static final Pattern URL_CHARACTERS = Pattern.compile("[!-~&&[^#\\s]]*");

    private ActionRules() {
    }

    public static List<FieldViolation> validate(ActionSnapshot action, String pointer, ListenerProtocol protocol,
            ResourceLimits limits) {
        List<FieldViolation> violations = new ArrayList<>();
        if (protocol == ListenerProtocol.TCP && action.type() != ActionType.FORWARD) {
            violations.add(new FieldViolation(pointer + "/type", "a TCP listener can only forward"));
            return violations;
        }
        switch (action.type()) {
            case FORWARD -> forward(action, pointer, limits, violations);
            case REDIRECT -> {
                if (action.redirect() == null) {
                    violations.add(new FieldViolation(pointer + "/redirect", "a REDIRECT action needs redirect"));
                } else {
                    redirect(action.redirect(), pointer + "/redirect", violations);
                }
            }
            case FIXED_RESPONSE -> {
                if (action.fixedResponse() == null) {
                    violations.add(new FieldViolation(pointer + "/fixedResponse",
                            "a FIXED_RESPONSE action needs fixedResponse"));
                } else {
                    fixedResponse(action.fixedResponse(), pointer + "/fixedResponse", violations);
                }
            }
            case UNKNOWN -> violations.add(new FieldViolation(pointer + "/type", "unknown action type"));
        }
        return violations;
    }

    private static void forward(ActionSnapshot action, String pointer, ResourceLimits limits,
            List<FieldViolation> violations) {
        List<WeightedTargetGroup> groups = action.targetGroups();
        if (groups.isEmpty()) {
            violations.add(new FieldViolation(pointer + "/targetGroups",
                    "a FORWARD action needs targetGroupId or 1 to " + limits.targetGroupsPerAction() + " targetGroups"));
            return;
        }
        if (groups.size() > limits.targetGroupsPerAction()) {
            violations.add(new FieldViolation(pointer + "/targetGroups", "a forward splits over at most "
                    + limits.targetGroupsPerAction() + " target groups (limit signalbox.limits.target-groups-per-action = "
                    + limits.targetGroupsPerAction() + ")"));
        }
        Set<UUID> seen = new HashSet<>();
        boolean anyWeight = false;
        for (int i = 0; i < groups.size(); i++) {
            WeightedTargetGroup group = groups.get(i);
            if (!seen.add(group.targetGroupId())) {
                violations.add(new FieldViolation(pointer + "/targetGroups/" + i + "/targetGroupId",
                        "lists the same target group twice"));
            }
            if (group.weight() < 0 || group.weight() > MAX_WEIGHT) {
                violations.add(new FieldViolation(pointer + "/targetGroups/" + i + "/weight",
                        "must be 0 to " + MAX_WEIGHT));
            }
            anyWeight |= group.weight() > 0;
        }
        if (!anyWeight) {
            violations.add(new FieldViolation(pointer + "/targetGroups", "at least one target group needs a weight above 0"));
        }
        Integer stickiness = action.stickinessSeconds();
        if (stickiness != null && (stickiness < 1 || stickiness > MAX_STICKINESS_SECONDS)) {
            violations.add(new FieldViolation(pointer + "/stickinessSeconds", "must be 1 to " + MAX_STICKINESS_SECONDS));
        }
    }

    private static void redirect(RedirectSnapshot redirect, String pointer, List<FieldViolation> violations) {
        if (redirect.statusCode() != 301 && redirect.statusCode() != 302) {
            violations.add(new FieldViolation(pointer + "/statusCode", "must be 301 or 302"));
        }
        if (!List.of("HTTP", "HTTPS", DEFAULT_PROTOCOL).contains(redirect.protocol())) {
            violations.add(new FieldViolation(pointer + "/protocol", "must be HTTP, HTTPS or #{protocol}"));
        }
        if (!redirect.port().equals(DEFAULT_PORT) && !validPort(redirect.port())) {
            violations.add(new FieldViolation(pointer + "/port", "must be a port from 1 to 65535 or #{port}"));
        }
        String host = placeholders(redirect.host(), pointer + "/host", violations);
        if (host != null && (host.isEmpty() || host.length() > 128 || !HOST_CHARACTERS.matcher(host).matches())) {
            violations.add(new FieldViolation(pointer + "/host",
                    "must be a host name (letters, digits, '-', '.') and may use #{host}-style placeholders"));
        }
        String path = placeholders(redirect.path(), pointer + "/path", violations);
        if (path != null && (!redirect.path().startsWith("/") || redirect.path().length() > 128
                || !URL_CHARACTERS.matcher(path).matches())) {
            violations.add(new FieldViolation(pointer + "/path",
                    "must start with '/', have at most 128 characters and no spaces or '#'"));
        }
        String query = placeholders(redirect.query(), pointer + "/query", violations);
        if (query != null && (redirect.query().startsWith("?") || redirect.query().length() > 128
                || !URL_CHARACTERS.matcher(query).matches())) {
            violations.add(new FieldViolation(pointer + "/query",
                    "must have at most 128 characters without the leading '?', spaces or '#'"));
        }
        if (redirect.protocol().equals(DEFAULT_PROTOCOL) && redirect.host().equals(DEFAULT_HOST)
                && redirect.port().equals(DEFAULT_PORT) && redirect.path().equals(DEFAULT_PATH)
                && redirect.query().equals(DEFAULT_QUERY)) {
            violations.add(new FieldViolation(pointer, "would redirect every request to itself; change at least one part"));
        }
    }

    /** The text with its placeholders removed, or null after reporting an unknown or unclosed placeholder. */
    private static @Nullable String placeholders(String text, String pointer, List<FieldViolation> violations) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder rest = new StringBuilder();
        int last = 0;
        while (matcher.find()) {
            if (!PLACEHOLDERS.contains(matcher.group(1))) {
                violations.add(new FieldViolation(pointer, "unknown placeholder " + matcher.group()
                        + "; use #{protocol}, #{host}, #{port}, #{path} or #{query}"));
                return null;
            }
            rest.append(text, last, matcher.start()).append('x');
            last = matcher.end();
        }
        rest.append(text.substring(last));
        if (rest.indexOf("#{") >= 0) {
            violations.add(new FieldViolation(pointer, "has an unclosed placeholder '#{'"));
            return null;
        }
        return rest.toString();
    }

    private static boolean validPort(String port) {
        if (!port.matches("[0-9]{1,5}")) {
            return false;
        }
        int value = Integer.parseInt(port);
        return value >= 1 && value <= 65_535;
    }

    private static void fixedResponse(FixedResponseSnapshot response, String pointer, List<FieldViolation> violations) {
        if (response.statusCode() < 200 || response.statusCode() > 599) {
            violations.add(new FieldViolation(pointer + "/statusCode", "must be 200 to 599"));
        }
        if (!CONTENT_TYPES.contains(response.contentType())) {
            violations.add(new FieldViolation(pointer + "/contentType", "must be one of " + CONTENT_TYPES));
        }
        int bytes = response.body().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BODY_BYTES) {
            violations.add(new FieldViolation(pointer + "/messageBody",
                    "must be at most " + MAX_BODY_BYTES + " bytes in UTF-8; it has " + bytes));
        }
    }
}
