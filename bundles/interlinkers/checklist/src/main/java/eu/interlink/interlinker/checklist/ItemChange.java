package eu.interlink.interlinker.checklist;

import java.util.Iterator;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a client asks to change in an item: a JSON body read strictly, so that a misspelt field is reported
 * instead of silently ignored. Fields left out stay as they are.
 *
 * @param done          the new done flag, or {@code null} to keep it
 * @param text          the new text, or {@code null} to keep it
 * @param setAssignee   whether {@code assignee} is to be set ({@code "assignee": null} removes it)
 */
record ItemChange(Boolean done, String text, boolean setAssignee, String assignee) {
    private static final Set<String> NEW_ITEM_FIELDS = Set.of("text", "assignee");
    private static final Set<String> CHANGE_FIELDS = Set.of("done", "text", "assignee");

    /** The body of {@code POST .../items}: {@code {"text": "...", "assignee": "..."}}, text required. */
    static ItemChange newItem(JsonNode body) {
        requireObject(body, NEW_ITEM_FIELDS);
        if (!body.hasNonNull("text")) {
            throw new InvalidChecklistException("\"text\" is required");
        }
        return new ItemChange(null, string(body, "text"), body.has("assignee"), string(body, "assignee"));
    }

    /** The body of {@code PATCH .../items/{itemId}}: any of {@code done}, {@code text}, {@code assignee}. */
    static ItemChange patch(JsonNode body) {
        requireObject(body, CHANGE_FIELDS);
        if (body.isEmpty()) {
            throw new InvalidChecklistException("nothing to change: give \"done\", \"text\" or \"assignee\"");
        }
        Boolean done = null;
        JsonNode d = body.get("done");
        if (d != null) {
            if (!d.isBoolean()) {
                throw new InvalidChecklistException("\"done\" must be true or false");
            }
            done = d.booleanValue();
        }
        if (body.has("text") && body.get("text").isNull()) {
            throw new InvalidChecklistException("\"text\" must not be null");
        }
        return new ItemChange(done, string(body, "text"), body.has("assignee"), string(body, "assignee"));
    }

    /** The changed item, its texts cleaned and checked like those of a new one. */
    ChecklistItem applyTo(ChecklistItem item) {
        ChecklistItem changed = item;
        if (done != null) {
            changed = changed.withDone(done);
        }
        if (text != null) {
            changed = changed.withText(Checklist.requireText(text, "item text", Checklist.MAX_TEXT));
        }
        if (setAssignee) {
            changed = changed.withAssignee(Checklist.optionalText(assignee, "assignee", Checklist.MAX_ASSIGNEE));
        }
        return changed;
    }

    private static void requireObject(JsonNode body, Set<String> allowed) {
        if (body == null || !body.isObject()) {
            throw new InvalidChecklistException("the body must be a JSON object");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new InvalidChecklistException("unknown field \"" + name + "\"; expected " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    private static String string(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidChecklistException("\"" + field + "\" must be a string");
        }
        return value.textValue();
    }
}
