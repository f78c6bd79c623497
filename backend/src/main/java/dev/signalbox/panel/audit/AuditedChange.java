package dev.signalbox.panel.audit;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.signalbox.panel.jsondiff.JsonTreeDiff;
import dev.signalbox.panel.jsondiff.JsonTreeDiff.UnkeyedArrays;
import tools.jackson.databind.JsonNode;

/**
 * A changed value of an audit event; a null side means the value did not exist there. The pointer
 * names array elements that have an id (or name) by it, so it stays meaningful in the log without
 * either document; other arrays change as whole values.
 */
record AuditedChange(String pointer, @Nullable JsonNode before, @Nullable JsonNode after) {

    /** The changes from {@code before} to {@code after}; a missing document counts as an empty object. */
    static List<AuditedChange> between(@Nullable JsonNode before, @Nullable JsonNode after) {
        return JsonTreeDiff.between(before, after, UnkeyedArrays.AS_WHOLE_VALUES).stream()
                .map(change -> new AuditedChange(change.keyPointer(), change.before(), change.after()))
                .toList();
    }
}
