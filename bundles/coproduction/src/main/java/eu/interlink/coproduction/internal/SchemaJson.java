package eu.interlink.coproduction.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import eu.interlink.coproduction.ItemType;
import eu.interlink.coproduction.Schema;
import eu.interlink.coproduction.SchemaItem;

/** A schema as one stored JSON document, and back. */
final class SchemaJson {
    private SchemaJson() {
    }

    static String write(Schema s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", s.id());
        out.put("name", s.name().values());
        out.put("description", s.description().values());
        out.put("languages", s.languages());
        out.put("licence", s.licence());
        out.put("author", s.author());
        out.put("tags", new java.util.TreeMap<>(s.tags()));
        out.put("phases", s.phases().stream().map(SchemaJson::item).toList());
        return Json.write(out);
    }

    private static Map<String, Object> item(SchemaItem i) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", i.id());
        out.put("type", i.type().name().toLowerCase(Locale.ROOT));
        out.put("name", i.name().values());
        out.put("description", i.description().values());
        out.put("prerequisites", i.prerequisites());
        out.put("problemProfiles", i.problemProfiles());
        out.put("children", i.children().stream().map(SchemaJson::item).toList());
        return out;
    }

    static Schema read(String json) {
        JsonNode n = Json.read(json);
        List<SchemaItem> phases = new ArrayList<>();
        n.path("phases").forEach(p -> phases.add(item(p)));
        return new Schema(n.path("id").asText(), Json.texts(n.path("name")), Json.texts(n.path("description")),
                Json.strings(n.path("languages")), n.path("licence").asText(""), n.path("author").asText(""),
                Json.stringLists(n.path("tags")), phases);
    }

    private static SchemaItem item(JsonNode n) {
        List<SchemaItem> children = new ArrayList<>();
        n.path("children").forEach(c -> children.add(item(c)));
        return new SchemaItem(n.path("id").asText(), ItemType.valueOf(n.path("type").asText().toUpperCase(Locale.ROOT)),
                Json.texts(n.path("name")), Json.texts(n.path("description")), Json.strings(n.path("prerequisites")),
                Json.strings(n.path("problemProfiles")), children);
    }
}
