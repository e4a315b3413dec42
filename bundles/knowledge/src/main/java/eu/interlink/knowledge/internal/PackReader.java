package eu.interlink.knowledge.internal;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.interlink.api.Nature;
import eu.interlink.coproduction.CatalogueFile;
import eu.interlink.coproduction.EntryDraft;
import eu.interlink.coproduction.KnowledgeDraft;
import eu.interlink.coproduction.Language;
import eu.interlink.coproduction.Translated;

/**
 * Reads a knowledge pack laid out as the knowledge archetype makes it:
 *
 * <pre>
 * &lt;folder&gt;/                      the Interlink-Knowledge header's value
 *   &lt;id&gt;/                          one folder per knowledge Interlinker, named by its id
 *     interlinker.json             metadata: languages, texts per language, codes, resources per language…
 *     &lt;lang&gt;/instructions.md       Markdown, one per declared language
 *     &lt;lang&gt;/files/…               the resources interlinker.json names (paths relative to &lt;id&gt;/)
 * </pre>
 *
 * Everything is checked that can be checked here (layout, JSON, languages, files); the catalogue checks the codes
 * against the original platform's vocabularies when the pack is published. Every refusal names the file.
 */
final class PackReader {
    static final String DESCRIPTOR = "interlinker.json";
    static final String INSTRUCTIONS = "instructions.md";
    static final int MAX_DESCRIPTOR = 256 * 1024;
    static final int MAX_INSTRUCTIONS = 200_000;
    /** A file of a pack is held in memory while it is copied into the catalogue. */
    static final int MAX_FILE = 8 * 1024 * 1024;
    static final long MAX_PACK = 64L * 1024 * 1024;
    static final int MAX_INTERLINKERS = 500;
    private static final Set<String> FIELDS = Set.of("id", "nature", "languages", "texts", "form", "format", "licence", "difficulty",
            "problemProfiles", "tags", "targets", "types", "administrativeScopes", "sustainability", "softwareInterlinker", "resources",
            "logo", "snapshots");
    private static final Set<String> TEXT_FIELDS = Set.of("name", "description", "constraints", "regulations");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PackFiles files;
    private long total;

    private PackReader(PackFiles files) {
        this.files = files;
    }

    /** The folder a header value names: a relative path inside the bundle, without {@code ..}. */
    static String folder(String header) throws MalformedPackException {
        String f = header == null ? "" : header.strip();
        while (f.startsWith("/")) f = f.substring(1);
        while (f.endsWith("/")) f = f.substring(0, f.length() - 1);
        if (f.isEmpty()) throw new MalformedPackException("the Interlink-Knowledge header must name the pack's folder, such as 'knowledge'");
        for (String segment : f.split("/")) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.contains("\\")) {
                throw new MalformedPackException("the Interlink-Knowledge header '" + clip(header) + "' must be a plain folder path inside the bundle");
            }
        }
        return f;
    }

    /** The pack's Interlinkers, in the order of their ids. */
    static List<KnowledgeDraft> read(PackFiles files, String header) throws MalformedPackException {
        return new PackReader(files).readAll(folder(header));
    }

    private List<KnowledgeDraft> readAll(String folder) throws MalformedPackException {
        Set<String> ids;
        try {
            ids = new TreeSet<>(files.interlinkerFolders(folder));
        } catch (IOException e) {
            throw new MalformedPackException(folder + "/ cannot be read: " + e.getMessage());
        }
        if (ids.isEmpty()) {
            throw new MalformedPackException(folder + "/ has no Interlinker: each needs a folder " + folder + "/<id>/ with an " + DESCRIPTOR);
        }
        if (ids.size() > MAX_INTERLINKERS) throw new MalformedPackException(folder + "/ has more than " + MAX_INTERLINKERS + " Interlinkers");
        List<KnowledgeDraft> out = new ArrayList<>();
        for (String id : ids) out.add(interlinker(folder + "/" + id, id));
        return out;
    }

    private KnowledgeDraft interlinker(String dir, String folderName) throws MalformedPackException {
        String where = dir + "/" + DESCRIPTOR;
        JsonNode meta;
        try {
            meta = JSON.readTree(require(where, MAX_DESCRIPTOR, where));
        } catch (JsonProcessingException e) {
            throw new MalformedPackException(where + " is not valid JSON: " + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr() + ")");
        } catch (IOException e) {
            throw new MalformedPackException(where + " cannot be read: " + e.getMessage());
        }
        if (meta == null || !meta.isObject()) throw new MalformedPackException(where + " must be a JSON object");
        for (Iterator<String> names = meta.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new MalformedPackException(where + ": unknown field '" + clip(name) + "' (known: " + String.join(", ", new TreeSet<>(FIELDS)) + ")");
            }
        }
        String id = text(meta, "id", where);
        if (!folderName.equals(id)) {
            throw new MalformedPackException(where + ": 'id' must be the folder's name, '" + folderName + "', not '" + clip(String.valueOf(id)) + "'");
        }
        String nature = text(meta, "nature", where);
        if (nature != null && !nature.equals("knowledge")) throw new MalformedPackException(where + ": 'nature' must be knowledge (or be left out)");

        List<String> languages = strings(meta, "languages", where);
        if (languages.isEmpty() || !languages.contains("en")) {
            throw new MalformedPackException(where + ": 'languages' must list the pack's languages, \"en\" among them (English is the fallback)");
        }
        for (String lang : languages) language(lang, where, "languages");

        JsonNode texts = meta.path("texts");
        if (!texts.isObject()) throw new MalformedPackException(where + ": 'texts' must be an object with the texts per language");
        Map<String, Map<String, String>> byField = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = texts.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> t = it.next();
            if (!languages.contains(t.getKey())) {
                throw new MalformedPackException(where + ": 'texts' has '" + clip(t.getKey()) + "', which is not one of its 'languages'");
            }
            if (!t.getValue().isObject()) throw new MalformedPackException(where + ": 'texts." + t.getKey() + "' must be an object");
            for (Iterator<Map.Entry<String, JsonNode>> f = t.getValue().fields(); f.hasNext();) {
                Map.Entry<String, JsonNode> field = f.next();
                if (!TEXT_FIELDS.contains(field.getKey())) {
                    throw new MalformedPackException(where + ": unknown text 'texts." + t.getKey() + "." + clip(field.getKey()) + "' (known: "
                            + String.join(", ", new TreeSet<>(TEXT_FIELDS)) + ")");
                }
                if (!field.getValue().isTextual()) {
                    throw new MalformedPackException(where + ": 'texts." + t.getKey() + "." + field.getKey() + "' must be a string");
                }
                byField.computeIfAbsent(field.getKey(), k -> new LinkedHashMap<>()).put(t.getKey(), field.getValue().asText());
            }
        }
        Map<String, String> instructions = new LinkedHashMap<>();
        JsonNode resourceNode = meta.path("resources");
        if (!resourceNode.isObject()) {
            throw new MalformedPackException(where + ": 'resources' must name the resource file per language, such as {\"en\": \"en/files/guide.md\"}");
        }
        Map<String, CatalogueFile> resources = new LinkedHashMap<>();
        for (String lang : languages) {
            for (String field : List.of("name", "description")) {
                String v = byField.getOrDefault(field, Map.of()).get(lang);
                if (v == null || v.isBlank()) throw new MalformedPackException(where + ": 'texts." + lang + "." + field + "' is missing");
            }
            String path = dir + "/" + lang + "/" + INSTRUCTIONS;
            String md = utf8(require(path, MAX_INSTRUCTIONS * 4, "the instructions in '" + lang + "'"), path);
            if (md.isBlank()) throw new MalformedPackException(path + " is empty");
            if (md.length() > MAX_INSTRUCTIONS) throw new MalformedPackException(path + " has more than " + MAX_INSTRUCTIONS + " characters");
            instructions.put(lang, md);
            if (!resourceNode.has(lang)) throw new MalformedPackException(where + ": 'resources." + lang + "' is missing: every language needs its resource file");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = resourceNode.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> r = it.next();
            if (!languages.contains(r.getKey())) {
                throw new MalformedPackException(where + ": 'resources' has '" + clip(r.getKey()) + "', which is not one of its 'languages'");
            }
            if (!r.getValue().isTextual()) throw new MalformedPackException(where + ": 'resources." + r.getKey() + "' must be a path");
            resources.put(r.getKey(), file(dir, r.getValue().asText(), where, "resources." + r.getKey()));
        }
        Optional<CatalogueFile> logo = Optional.empty();
        String logoPath = text(meta, "logo", where);
        if (logoPath != null) logo = Optional.of(file(dir, logoPath, where, "logo"));
        List<CatalogueFile> snapshots = new ArrayList<>();
        for (String s : strings(meta, "snapshots", where)) snapshots.add(file(dir, s, where, "snapshots"));

        Map<String, List<String>> tags = new LinkedHashMap<>();
        JsonNode tagNode = meta.path("tags");
        if (!tagNode.isMissingNode() && !tagNode.isNull()) {
            if (!tagNode.isObject()) throw new MalformedPackException(where + ": 'tags' must be an object with the tags per language, such as {\"en\": [\"workshop\"]}");
            for (Iterator<String> langs = tagNode.fieldNames(); langs.hasNext();) {
                String lang = langs.next();
                language(lang, where, "tags");
                tags.put(lang, strings(tagNode, lang, where + ": 'tags'"));
            }
        }
        JsonNode sustainability = meta.path("sustainability");
        if (!sustainability.isMissingNode() && !sustainability.isBoolean()) throw new MalformedPackException(where + ": 'sustainability' must be true or false");

        EntryDraft entry = new EntryDraft(id, Nature.KNOWLEDGE, translated(byField, "name"), translated(byField, "description"),
                new Translated(instructions), translated(byField, "constraints"), translated(byField, "regulations"), Translated.EMPTY, tags,
                strings(meta, "problemProfiles", where), text(meta, "difficulty", where), text(meta, "licence", where),
                strings(meta, "targets", where), strings(meta, "types", where), strings(meta, "administrativeScopes", where),
                text(meta, "form", where), text(meta, "format", where), languages, sustainability.asBoolean(false));
        return new KnowledgeDraft(entry, text(meta, "softwareInterlinker", where), resources, logo, snapshots);
    }

    private static Translated translated(Map<String, Map<String, String>> byField, String field) {
        return new Translated(byField.getOrDefault(field, Map.of()));
    }

    private static void language(String code, String where, String field) throws MalformedPackException {
        if (Language.of(code).filter(l -> l.code().equals(code)).isEmpty()) {
            throw new MalformedPackException(where + ": '" + field + "' has '" + clip(code) + "': use " + String.join(", ", Language.codes()));
        }
    }

    /** A file named in interlinker.json, relative to the Interlinker's folder and never outside it. */
    private CatalogueFile file(String dir, String relative, String where, String field) throws MalformedPackException {
        String r = relative.strip();
        if (r.isEmpty() || r.startsWith("/") || r.contains("\\") || r.endsWith("/")) {
            throw new MalformedPackException(where + ": '" + field + "' must be a file path relative to " + dir + "/, not '" + clip(relative) + "'");
        }
        for (String segment : r.split("/")) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new MalformedPackException(where + ": '" + field + "' must stay inside " + dir + "/, not '" + clip(relative) + "'");
            }
        }
        String path = dir + "/" + r;
        byte[] bytes = require(path, MAX_FILE, "'" + field + "' of " + where);
        String name = r.substring(r.lastIndexOf('/') + 1);
        return new CatalogueFile(name, contentType(name), bytes);
    }

    private byte[] require(String path, int limit, String what) throws MalformedPackException {
        byte[] bytes;
        try {
            bytes = files.read(path, limit);
        } catch (IOException e) {
            throw new MalformedPackException(path + " cannot be read: " + e.getMessage());
        }
        if (bytes == null) throw new MalformedPackException(path + " is missing (" + what + ")");
        total += bytes.length;
        if (total > MAX_PACK) throw new MalformedPackException("the pack's files add up to more than " + MAX_PACK / (1024 * 1024) + " MiB");
        return bytes;
    }

    private static String utf8(byte[] bytes, String path) throws MalformedPackException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedPackException(path + " is not UTF-8 text");
        }
    }

    private static String text(JsonNode meta, String field, String where) throws MalformedPackException {
        JsonNode n = meta.path(field);
        if (n.isMissingNode() || n.isNull()) return null;
        if (!n.isTextual()) throw new MalformedPackException(where + ": '" + field + "' must be a string");
        String v = n.asText().strip();
        return v.isEmpty() ? null : v;
    }

    private static List<String> strings(JsonNode meta, String field, String where) throws MalformedPackException {
        JsonNode n = meta.path(field);
        if (n.isMissingNode() || n.isNull()) return List.of();
        if (!n.isArray()) throw new MalformedPackException(where + ": '" + field + "' must be a list of strings");
        List<String> out = new ArrayList<>();
        for (JsonNode v : n) {
            if (!v.isTextual()) throw new MalformedPackException(where + ": '" + field + "' must be a list of strings");
            out.add(v.asText());
        }
        return out;
    }

    /** The content type a file is served and copied with, from its extension. */
    static String contentType(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        String ext = n.contains(".") ? n.substring(n.lastIndexOf('.') + 1) : "";
        return switch (ext) {
            case "md", "markdown" -> "text/markdown; charset=utf-8";
            case "html", "htm" -> "text/html; charset=utf-8";
            case "txt" -> "text/plain; charset=utf-8";
            case "csv" -> "text/csv; charset=utf-8";
            case "pdf" -> "application/pdf";
            case "png" -> "image/png";
            case "jpg", "jpeg" -> "image/jpeg";
            case "gif" -> "image/gif";
            case "svg" -> "image/svg+xml";
            case "webp" -> "image/webp";
            case "odt" -> "application/vnd.oasis.opendocument.text";
            case "ods" -> "application/vnd.oasis.opendocument.spreadsheet";
            case "odp" -> "application/vnd.oasis.opendocument.presentation";
            case "docx" -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            case "pptx" -> "application/vnd.openxmlformats-officedocument.presentationml.presentation";
            default -> "application/octet-stream";
        };
    }

    private static String clip(String s) {
        return s == null ? "" : s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }
}
