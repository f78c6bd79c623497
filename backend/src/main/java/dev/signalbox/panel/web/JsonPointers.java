package dev.signalbox.panel.web;

import java.util.List;

import tools.jackson.core.JacksonException;

/** JSON pointers (RFC 6901) to the offending value, from bean property paths and Jackson paths. */
final class JsonPointers {

    private JsonPointers() {
    }

    /** {@code targets[0].host} → {@code /targets/0/host}. */
    static String fromPropertyPath(String propertyPath) {
        if (propertyPath.isEmpty()) {
            return "";
        }
        return "/" + propertyPath.replace("[", ".").replace("]", "").replace(".", "/");
    }

    static String fromJacksonPath(List<JacksonException.Reference> path) {
        StringBuilder pointer = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            pointer.append('/');
            if (reference.getPropertyName() != null) {
                pointer.append(reference.getPropertyName().replace("~", "~0").replace("/", "~1"));
            } else if (reference.getIndex() >= 0) {
                pointer.append(reference.getIndex());
            }
        }
        return pointer.toString();
    }
}
