package dev.signalbox.panel.loadbalancer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.signalbox.panel.api.model.Tag;
import dev.signalbox.panel.problem.FieldViolation;
import dev.signalbox.panel.problem.InvalidFieldException;

/** Maps host names and tags between the API and the service. */
final class LoadBalancerDtos {

    private LoadBalancerDtos() {
    }

    static LoadBalancerAttributes attributes(@Nullable List<String> hostNames, @Nullable List<Tag> tags) {
        List<FieldViolation> violations = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> requestedNames = hostNames == null ? List.of() : hostNames;
        for (int i = 0; i < requestedNames.size(); i++) {
            String name = requestedNames.get(i);
            if (name == null) {
                violations.add(new FieldViolation("/hostNames/" + i, "must be a host name, not null"));
            } else {
                names.add(name.toLowerCase(Locale.ROOT));
            }
        }
        List<LoadBalancerAttributes.Tag> labels = new ArrayList<>();
        List<Tag> requestedTags = tags == null ? List.of() : tags;
        for (int i = 0; i < requestedTags.size(); i++) {
            Tag tag = requestedTags.get(i);
            if (tag == null) {
                violations.add(new FieldViolation("/tags/" + i, "must be a tag, not null"));
            } else {
                labels.add(new LoadBalancerAttributes.Tag(tag.getKey(), tag.getValue() == null ? "" : tag.getValue()));
            }
        }
        FieldViolation.throwIfAny(violations);
        return new LoadBalancerAttributes(names, labels);
    }

    static List<Tag> tags(LoadBalancerAttributes attributes) {
        return attributes.tags().stream().map(tag -> new Tag(tag.key()).value(tag.value())).toList();
    }

    /** The {@code tag} query parameter, {@code key=value} (split at the first {@code =}); null when absent. */
    static LoadBalancerAttributes.@Nullable Tag tagFilter(@Nullable String parameter) {
        if (parameter == null) {
            return null;
        }
        int split = parameter.indexOf('=');
        if (split < 1) {
            throw new InvalidFieldException("/tag", "must be key=value, e.g. team=payments (the value may be empty)");
        }
        return new LoadBalancerAttributes.Tag(parameter.substring(0, split), parameter.substring(split + 1));
    }
}
