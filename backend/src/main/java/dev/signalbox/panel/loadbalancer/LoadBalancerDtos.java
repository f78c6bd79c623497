package dev.signalbox.panel.loadbalancer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.signalbox.panel.api.model.Tag;
import dev.signalbox.panel.problem.FieldViolation;

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
}
