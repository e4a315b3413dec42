package eu.interlink.coproduction.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import eu.interlink.coproduction.ImportReport;
import eu.interlink.coproduction.ItemType;
import eu.interlink.coproduction.Language;
import eu.interlink.coproduction.Schema;
import eu.interlink.coproduction.SchemaItem;
import eu.interlink.coproduction.Translated;

/**
 * Reads the schemas of a folder in the original platform's seed format: {@code schemas/<id>/metadata.json},
 * {@code schemas/<id>/phases/*.json}, and the Weblate exports {@code weblate/<lang>/schemas.json} whose keys
 * ({@code <schema>;<phase>;<objective>;<task>;name}) add or replace translations. Phase files carry no order:
 * phases are ordered by their prerequisites, ties by file name. A schema whose files cannot be read is
 * reported and left out; the others are read.
 */
final class SchemaSeed {
    static final String KIND = "schema";

    private SchemaSeed() {
    }

    static List<Schema> read(Path folder, ImportReport.Builder report) {
        Path schemas = folder.resolve("schemas");
        if (!Files.isDirectory(schemas)) return List.of();
        Map<Language, Map<String, String>> weblate = weblate(folder, report);
        List<Schema> out = new ArrayList<>();
        List<Path> dirs;
        try (Stream<Path> s = Files.list(schemas)) {
            dirs = s.filter(Files::isDirectory).sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            report.issue(KIND, "schemas", "The folder cannot be listed: " + e.getMessage());
            return List.of();
        }
        for (Path dir : dirs) {
            String name = dir.getFileName().toString();
            try {
                out.add(schema(dir, weblate));
            } catch (SeedException e) {
                report.issue(KIND, name, e.getMessage());
            }
        }
        return out;
    }

    /** A fault in one schema's files; the message says which file and what. */
    static final class SeedException extends Exception {
        private static final long serialVersionUID = 1L;

        SeedException(String message) {
            super(message);
        }
    }

    private static Schema schema(Path dir, Map<Language, Map<String, String>> weblate) throws SeedException {
        JsonNode meta = json(dir.resolve("metadata.json"));
        String id = text(meta, "id", dir.resolve("metadata.json"));
        Path phasesDir = dir.resolve("phases");
        if (!Files.isDirectory(phasesDir)) throw new SeedException("schemas/" + dir.getFileName() + "/phases is missing");
        Map<String, JsonNode> byFile = new TreeMap<>();
        try (Stream<Path> s = Files.list(phasesDir)) {
            for (Path f : s.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
                byFile.put(f.getFileName().toString(), json(f));
            }
        } catch (IOException e) {
            throw new SeedException("schemas/" + dir.getFileName() + "/phases cannot be listed: " + e.getMessage());
        }
        List<SchemaItem> phases = new ArrayList<>();
        for (JsonNode phase : ordered(byFile)) {
            String phaseId = phase.path("id").asText();
            phases.add(item(phase, ItemType.PHASE, id + ";" + phaseId, weblate));
        }
        Map<String, List<String>> tags = new LinkedHashMap<>();
        Json.stringLists(meta.path("tags_translations")).forEach((lang, values) -> {
            if (Language.of(lang).isPresent() && !values.isEmpty()) tags.put(lang, values);
        });
        return new Schema(id, translated(meta.path("name_translations"), id + ";name", weblate),
                translated(meta.path("description_translations"), id + ";description", weblate),
                Json.strings(meta.path("languages")), meta.path("licence").asText(""), meta.path("author").asText(""), tags, phases);
    }

    private static SchemaItem item(JsonNode node, ItemType type, String key, Map<Language, Map<String, String>> weblate) {
        List<SchemaItem> children = new ArrayList<>();
        String childrenField = type == ItemType.PHASE ? "objectives" : "tasks";
        if (type != ItemType.TASK) {
            for (JsonNode child : node.path(childrenField)) {
                String childId = child.path("id").asText();
                children.add(item(child, type == ItemType.PHASE ? ItemType.OBJECTIVE : ItemType.TASK, key + ";" + childId, weblate));
            }
        }
        return new SchemaItem(node.path("id").asText(), type, translated(node.path("name_translations"), key + ";name", weblate),
                translated(node.path("description_translations"), key + ";description", weblate), prerequisites(node.path("prerequisites")),
                Json.strings(node.path("problemprofiles")), children);
    }

    /**
     * Prerequisites are written as a list of {@code {"item": id, ...}} in the data, and as an object of ids in the
     * format's JSON Schema: both are read.
     */
    static List<String> prerequisites(JsonNode node) {
        List<String> ids = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(p -> {
                if (p.isTextual()) ids.add(p.asText());
                else if (p.path("item").isTextual()) ids.add(p.path("item").asText());
            });
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> ids.add(e.getValue().isTextual() && e.getKey().equals("item") ? e.getValue().asText() : e.getKey()));
        }
        return ids;
    }

    /** Phases in prerequisite order (a phase after those it needs), ties and cycles by file name. */
    static List<JsonNode> ordered(Map<String, JsonNode> byFile) {
        Map<String, String> fileOfId = new HashMap<>();
        byFile.forEach((file, node) -> fileOfId.put(node.path("id").asText(), file));
        List<String> pending = new ArrayList<>(byFile.keySet());
        List<JsonNode> out = new ArrayList<>();
        Set<String> placed = new java.util.HashSet<>();
        while (!pending.isEmpty()) {
            String next = null;
            for (String file : pending) {
                boolean ready = prerequisites(byFile.get(file).path("prerequisites")).stream()
                        .map(fileOfId::get).allMatch(f -> f == null || placed.contains(f) || f.equals(file));
                if (ready) {
                    next = file;
                    break;
                }
            }
            if (next == null) next = pending.get(0); // a cycle: validation reports it
            pending.remove(next);
            placed.add(next);
            out.add(byFile.get(next));
        }
        return out;
    }

    private static Translated translated(JsonNode fromFile, String key, Map<Language, Map<String, String>> weblate) {
        Map<String, String> values = new LinkedHashMap<>(Json.texts(fromFile).values());
        weblate.forEach((language, texts) -> {
            String v = texts.get(key);
            if (v != null && !v.isBlank()) values.put(language.code(), v);
        });
        return new Translated(values);
    }

    private static Map<Language, Map<String, String>> weblate(Path folder, ImportReport.Builder report) {
        Map<Language, Map<String, String>> out = new LinkedHashMap<>();
        for (Language language : Language.values()) {
            Path file = folder.resolve("weblate").resolve(language.code()).resolve("schemas.json");
            if (!Files.isRegularFile(file)) continue;
            try {
                JsonNode node = json(file);
                Map<String, String> texts = new HashMap<>();
                node.fields().forEachRemaining(e -> {
                    if (e.getValue().isTextual()) texts.put(e.getKey(), e.getValue().asText());
                });
                out.put(language, texts);
            } catch (SeedException e) {
                report.issue(KIND, "weblate/" + language.code() + "/schemas.json", e.getMessage());
            }
        }
        return out;
    }

    private static JsonNode json(Path file) throws SeedException {
        if (!Files.isRegularFile(file)) throw new SeedException(relative(file) + " is missing");
        try {
            JsonNode node = Json.MAPPER.readTree(file.toFile());
            if (node == null || !node.isObject()) throw new SeedException(relative(file) + " is not a JSON object");
            return node;
        } catch (IOException e) {
            throw new SeedException(relative(file) + " is not valid JSON: " + Text.clip(e.getMessage()));
        }
    }

    private static String text(JsonNode node, String field, Path file) throws SeedException {
        JsonNode v = node.path(field);
        if (!v.isTextual() || v.asText().isBlank()) throw new SeedException(relative(file) + " has no '" + field + "'");
        return v.asText();
    }

    private static String relative(Path file) {
        int n = file.getNameCount();
        return n >= 3 ? file.subpath(n - 3, n).toString() : file.toString();
    }
}
