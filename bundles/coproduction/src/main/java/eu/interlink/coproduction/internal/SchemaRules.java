package eu.interlink.coproduction.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import eu.interlink.coproduction.FieldException;
import eu.interlink.coproduction.ItemType;
import eu.interlink.coproduction.Language;
import eu.interlink.coproduction.Schema;
import eu.interlink.coproduction.SchemaItem;
import eu.interlink.coproduction.Translated;

/**
 * What makes a schema valid, checked before it is stored; the first fault is reported with the path of its
 * field as the client wrote it ({@code phases[1].children[0].prerequisites[0]}).
 */
final class SchemaRules {
    static final Pattern SCHEMA_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    static final Pattern ITEM_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,199}");
    static final Pattern PROBLEM_PROFILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    static final int MAX_NAME = 500;
    static final int MAX_TEXT = 10_000;

    private SchemaRules() {
    }

    private record Located(SchemaItem item, String path) {
    }

    static void validate(Schema s) {
        if (s.id() == null || !SCHEMA_ID.matcher(s.id()).matches()) {
            throw new FieldException("id", "A schema id is 1 to 64 lower-case letters, digits, '_' or '-', starting with a letter or digit");
        }
        texts(s.name(), "name", MAX_NAME, true);
        texts(s.description(), "description", MAX_TEXT, false);
        for (int i = 0; i < s.languages().size(); i++) {
            if (Language.of(s.languages().get(i)).isEmpty()) {
                throw new FieldException("languages[" + i + "]", "Languages are " + String.join(", ", Language.codes()));
            }
        }
        if (s.licence() != null && s.licence().length() > 40) throw new FieldException("licence", "A licence is at most 40 characters");
        if (s.author() != null && s.author().length() > 200) throw new FieldException("author", "An author is at most 200 characters");
        for (var e : s.tags().entrySet()) {
            if (Language.of(e.getKey()).isEmpty()) throw new FieldException("tags." + e.getKey(), "Tags are given per language: " + String.join(", ", Language.codes()));
            for (String tag : e.getValue()) {
                if (tag == null || tag.isBlank() || tag.length() > 100) throw new FieldException("tags." + e.getKey(), "A tag is 1 to 100 characters");
            }
        }
        if (s.phases().isEmpty()) throw new FieldException("phases", "A schema has at least one phase");

        Map<String, Located> byId = new HashMap<>();
        walk(s.phases(), "phases", ItemType.PHASE, byId);
        for (Located l : byId.values()) {
            List<String> prerequisites = l.item().prerequisites();
            for (int k = 0; k < prerequisites.size(); k++) {
                String field = l.path() + ".prerequisites[" + k + "]";
                Located p = byId.get(prerequisites.get(k));
                if (p == null) throw new FieldException(field, "Unknown id '" + Text.clip(prerequisites.get(k)) + "': a prerequisite names an item of the same schema");
                if (p.item() == l.item()) throw new FieldException(field, "An item cannot be its own prerequisite");
                if (p.item().type() != l.item().type()) {
                    throw new FieldException(field, "A prerequisite of a " + Text.label(l.item().type()) + " is another " + Text.label(l.item().type())
                            + "; '" + p.item().id() + "' is a " + Text.label(p.item().type()));
                }
            }
        }
        Map<String, List<String>> graph = new HashMap<>();
        byId.forEach((id, l) -> graph.put(id, l.item().prerequisites()));
        String cycle = Cycles.find(graph);
        if (cycle != null) throw new FieldException(byId.get(cycle).path() + ".prerequisites", "Prerequisites go round in a circle through '" + cycle + "'");
    }

    private static void walk(List<SchemaItem> items, String path, ItemType expected, Map<String, Located> byId) {
        for (int i = 0; i < items.size(); i++) {
            SchemaItem item = items.get(i);
            String at = path + "[" + i + "]";
            if (item == null) throw new FieldException(at, "An item is a JSON object");
            if (item.type() != expected) throw new FieldException(at + ".type", "Items here are " + Text.label(expected) + "s");
            if (item.id() == null || !ITEM_ID.matcher(item.id()).matches()) {
                throw new FieldException(at + ".id", "An item id is 1 to 200 letters, digits, '_', '.' or '-'");
            }
            if (byId.putIfAbsent(item.id(), new Located(item, at)) != null) {
                throw new FieldException(at + ".id", "Id '" + item.id() + "' is used twice in this schema");
            }
            texts(item.name(), at + ".name", MAX_NAME, true);
            texts(item.description(), at + ".description", MAX_TEXT, false);
            profiles(item.problemProfiles(), at + ".problemProfiles");
            if (expected == ItemType.TASK) {
                if (!item.children().isEmpty()) throw new FieldException(at + ".children", "A task has no children");
            } else {
                walk(item.children(), at + ".children", expected == ItemType.PHASE ? ItemType.OBJECTIVE : ItemType.TASK, byId);
            }
        }
    }

    static void texts(Translated t, String field, int max, boolean required) {
        if (required && (t == null || t.isEmpty())) throw new FieldException(field, "'" + field + "' is required, in at least one language");
        if (t == null) return;
        for (var e : t.values().entrySet()) {
            if (e.getValue().length() > max) throw new FieldException(field, "'" + field + "' is at most " + max + " characters in each language");
        }
    }

    static void profiles(List<String> ids, String field) {
        if (ids.size() > 100) throw new FieldException(field, "At most 100 problem profiles");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (id == null || !PROBLEM_PROFILE.matcher(id).matches()) {
                throw new FieldException(field + "[" + i + "]", "A problem profile id is 1 to 64 letters, digits, '_', '.' or '-', such as ORG_PROBLEM_1");
            }
            if (!seen.add(id)) throw new FieldException(field + "[" + i + "]", "Problem profile '" + id + "' is listed twice");
        }
    }
}
