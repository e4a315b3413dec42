package eu.interlink.coproduction.internal;

import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.interlink.api.Nature;
import eu.interlink.coproduction.CatalogueEntry;
import eu.interlink.coproduction.Codes;
import eu.interlink.coproduction.ImportReport;
import eu.interlink.coproduction.Language;
import eu.interlink.coproduction.ProblemProfile;
import eu.interlink.coproduction.Translated;
import eu.interlink.coproduction.internal.CatalogueTables.NewFile;
import eu.interlink.coproduction.internal.StoredEntry.FileRef;

/**
 * Reads the original INTERLINK platform's seed format: {@code problemprofiles/problemprofiles.json},
 * {@code interlinkers/<nature>/<item>/metadata.json} with the files it names, and the Weblate exports
 * {@code weblate/<lang>/{interlinkers,problemprofiles}.json}. Paths inside metadata ({@code ./interlinkers/…})
 * are relative to the seed folder. Whatever cannot be read is reported and skipped; the rest is read.
 */
final class SeedReader {
    static final String PROFILES_FILE = "problemprofiles/problemprofiles.json";
    static final String PROFILE_KIND = "problem-profile";
    static final String FILE_KIND = "file";
    static final String TRANSLATION_KIND = "translation";
    /** A catalogue file is held in memory while it is imported and served: larger ones are refused. */
    static final long MAX_FILE_BYTES = 32L * 1024 * 1024;
    static final long MAX_JSON_BYTES = 8L * 1024 * 1024;
    private static final Set<String> IMAGES = Set.of("png", "jpg", "jpeg", "gif", "bmp", "tif", "tiff", "webp", "svg");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The folder under {@code interlinkers/} and the Weblate key prefix of each nature. */
    enum Kind {
        SOFTWARE(Nature.SOFTWARE, "software", "softwareinterlinker"),
        KNOWLEDGE(Nature.KNOWLEDGE, "knowledge", "knowledgeinterlinker"),
        EXTERNAL_SOFTWARE(Nature.EXTERNAL_SOFTWARE, "externalsoftware", "externalsoftware"),
        EXTERNAL_KNOWLEDGE(Nature.EXTERNAL_KNOWLEDGE, "externalknowledge", "externalknowledge");

        final Nature nature;
        final String folder;
        final String weblatePrefix;

        Kind(Nature nature, String folder, String weblatePrefix) {
            this.nature = nature;
            this.folder = folder;
            this.weblatePrefix = weblatePrefix;
        }

        /** How the report names items of this kind: the API's nature label. */
        String label() {
            return Codes.label(nature);
        }
    }

    /** An entry read from its folder, with the bytes of its files. */
    record SeedEntry(StoredEntry entry, List<NewFile> files) {
    }

    private final Path root;
    private final ImportReport.Builder report;
    /** Weblate texts: key {@code prefix;id} (id lower-cased for profiles) → field → language → text. */
    private final Map<String, Map<String, Map<String, String>>> interlinkerTranslations = new LinkedHashMap<>();
    private final Map<String, Map<String, Map<String, String>>> profileTranslations = new LinkedHashMap<>();
    /** Which languages translated each Weblate key, to say so when nothing in the folder uses it. */
    private final Map<String, Set<String>> translatedIn = new HashMap<>();
    private final Set<String> usedTranslations = new java.util.HashSet<>();

    SeedReader(Path root, ImportReport.Builder report) {
        this.root = root;
        this.report = report;
        readWeblate();
    }

    /** Whether {@code folder} looks like a seed folder: it has problem profiles, Interlinkers or schemas. */
    static boolean isSeedFolder(Path folder) {
        return Files.isRegularFile(folder.resolve(PROFILES_FILE)) || Files.isDirectory(folder.resolve("interlinkers"))
                || Files.isDirectory(folder.resolve("schemas"));
    }

    // ---- Weblate ------------------------------------------------------------------------------------------

    private void readWeblate() {
        for (Language language : Language.values()) {
            Path dir = root.resolve("weblate").resolve(language.code());
            readWeblateFile(dir.resolve("interlinkers.json"), language, interlinkerTranslations, false);
            readWeblateFile(dir.resolve("problemprofiles.json"), language, profileTranslations, true);
        }
    }

    private void readWeblateFile(Path file, Language language, Map<String, Map<String, Map<String, String>>> into, boolean lowerIds) {
        if (!Files.isRegularFile(file)) return;
        String item = relative(file);
        Optional<JsonNode> json = readJson(file, TRANSLATION_KIND, item);
        if (json.isEmpty()) return;
        if (!json.get().isObject()) {
            report.issue(TRANSLATION_KIND, item, "not a JSON object of \"<kind>;<id>;<field>\": \"<text>\" pairs; skipped");
            return;
        }
        int malformed = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = json.get().fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String[] parts = e.getKey().split(";", -1);
            if (parts.length != 3 || parts[1].isBlank() || parts[2].isBlank() || !e.getValue().isTextual()) {
                malformed++;
                continue;
            }
            String key = parts[0] + ';' + (lowerIds ? parts[1].toLowerCase(Locale.ROOT) : parts[1]);
            translatedIn.computeIfAbsent(key, k -> new TreeSet<>()).add(language.code());
            String text = e.getValue().asText();
            if (text.isBlank()) continue;
            into.computeIfAbsent(key, k -> new HashMap<>()).computeIfAbsent(parts[2], k -> new HashMap<>()).put(language.code(), text);
        }
        if (malformed > 0) {
            report.issue(TRANSLATION_KIND, item, malformed + " key(s) are not of the form <kind>;<id>;<field> with a text value; skipped");
        }
    }

    /** The Weblate texts of {@code key} over {@code texts}: Weblate's translations are the newer. */
    private Translated overlay(Map<String, Map<String, Map<String, String>>> source, String key, String field, Translated texts) {
        Map<String, Map<String, String>> fields = source.get(key);
        if (translatedIn.containsKey(key)) usedTranslations.add(key);
        if (fields == null || !fields.containsKey(field)) return texts;
        return texts.with(new Translated(fields.get(field)));
    }

    /** Reports each Weblate key that no profile or Interlinker of the folder used. */
    void reportUnusedTranslations() {
        for (Map.Entry<String, Set<String>> e : translatedIn.entrySet()) {
            if (usedTranslations.contains(e.getKey())) continue;
            report.issue(TRANSLATION_KIND, e.getKey(), "translated in weblate/{" + String.join(",", e.getValue())
                    + "} but nothing of that kind and id is in the folder; ignored");
        }
    }

    // ---- Problem profiles ---------------------------------------------------------------------------------

    /** The problem profiles of the folder (none when it has no profiles file). */
    List<ProblemProfile> problemProfiles() {
        Path file = root.resolve(PROFILES_FILE);
        if (!Files.isRegularFile(file)) return List.of();
        Optional<JsonNode> json = readJson(file, PROFILE_KIND, PROFILES_FILE);
        if (json.isEmpty()) return List.of();
        if (!json.get().isArray()) {
            report.issue(PROFILE_KIND, PROFILES_FILE, "must be a JSON array of problem profiles; skipped");
            return List.of();
        }
        List<ProblemProfile> out = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        int index = 0;
        for (JsonNode p : json.get()) {
            String where = PROFILES_FILE + "[" + index++ + "]";
            String id = p.path("id").isTextual() ? p.path("id").asText().strip() : "";
            if (!Codes.PROFILE_ID.matcher(id).matches()) {
                report.issue(PROFILE_KIND, id.isEmpty() ? where : id, "'id' must be letters, digits, '_', '.' or '-' (at most 100); skipped");
                continue;
            }
            if (!seen.add(id)) {
                report.issue(PROFILE_KIND, id, "appears more than once in " + PROFILES_FILE + "; the first is kept");
                continue;
            }
            String key = "problemprofile;" + id.toLowerCase(Locale.ROOT);
            Translated name = overlay(profileTranslations, key, "name", translations(p.path("name_translations")));
            if (name.isEmpty()) {
                report.issue(PROFILE_KIND, id, "has no name in any language; skipped");
                continue;
            }
            out.add(new ProblemProfile(id, name,
                    overlay(profileTranslations, key, "description", translations(p.path("description_translations"))),
                    overlay(profileTranslations, key, "functionality", translations(p.path("functionality_translations")))));
        }
        return out;
    }

    // ---- Interlinkers -------------------------------------------------------------------------------------

    /** The item folders of one nature, in name order. */
    List<Path> items(Kind kind) {
        Path dir = root.resolve("interlinkers").resolve(kind.folder);
        if (!Files.isDirectory(dir)) return List.of();
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir, Files::isDirectory)) {
            children.forEach(out::add);
        } catch (IOException e) {
            report.issue(kind.label(), relative(dir), "cannot be listed: " + e.getMessage());
        }
        out.sort((a, b) -> NaturalOrder.INSTANCE.compare(a.getFileName().toString(), b.getFileName().toString()));
        return out;
    }

    /** One Interlinker from its folder, or empty (reported) when it cannot be imported at all. */
    Optional<SeedEntry> entry(Kind kind, Path dir, Set<String> knownProfiles) {
        String where = relative(dir);
        Path metadata = dir.resolve("metadata.json");
        if (!Files.isRegularFile(metadata)) {
            report.issue(kind.label(), where, "has no metadata.json; skipped");
            return Optional.empty();
        }
        Optional<JsonNode> read = readJson(metadata, kind.label(), where);
        if (read.isEmpty()) return Optional.empty();
        JsonNode m = read.get();
        if (!m.isObject()) {
            report.issue(kind.label(), where, "metadata.json must be a JSON object; skipped");
            return Optional.empty();
        }
        String id = m.path("id").isTextual() ? m.path("id").asText().strip() : "";
        if (!Codes.ENTRY_ID.matcher(id).matches()) {
            report.issue(kind.label(), where, "metadata.json needs an 'id' of letters, digits, '_', '.' or '-' (at most 200); skipped");
            return Optional.empty();
        }
        String key = kind.weblatePrefix + ';' + id;
        Map<String, Translated> texts = new LinkedHashMap<>();
        texts.put(StoredEntry.NAME, overlay(interlinkerTranslations, key, "name", translations(m.path("name_translations"))));
        if (texts.get(StoredEntry.NAME).isEmpty()) {
            report.issue(kind.label(), id, "has no name in any language; skipped");
            return Optional.empty();
        }
        texts.put(StoredEntry.DESCRIPTION, overlay(interlinkerTranslations, key, "description", translations(m.path("description_translations"))));
        texts.put(StoredEntry.CONSTRAINTS, translations(m.path("constraints_and_limitations_translations")));
        texts.put(StoredEntry.REGULATIONS, translations(m.path("regulations_and_standards_translations")));
        texts.put(StoredEntry.URI, translations(m.path("uri_translations")));

        List<NewFile> files = new ArrayList<>();
        Map<String, String> instructions = new LinkedHashMap<>();
        for (Map.Entry<String, String> path : paths(m.path("instructions_translations")).entrySet()) {
            locate(id, "instructions (" + path.getKey() + ")", path.getValue(), dir).flatMap(f -> bytes(id, f))
                    .ifPresent(b -> instructions.put(path.getKey(), text(b)));
        }
        texts.put(StoredEntry.INSTRUCTIONS, new Translated(instructions));

        Map<String, List<String>> codes = new LinkedHashMap<>();
        codes.put(StoredEntry.TARGET, strings(m.path("targets")));
        codes.put(StoredEntry.TYPE, strings(m.path("types")));
        codes.put(StoredEntry.ADMINISTRATIVE_SCOPE, strings(m.path("administrative_scopes")));
        codes.put(StoredEntry.LANGUAGE, strings(m.path("languages")));
        List<String> profiles = strings(m.path("problemprofiles"));
        codes.put(StoredEntry.PROBLEM_PROFILE, profiles);
        for (String p : profiles) {
            if (!knownProfiles.contains(p)) report.issue(kind.label(), id, "names problem profile '" + p + "', which is not known; kept");
        }
        Map<String, List<String>> tags = new LinkedHashMap<>();
        m.path("tags_translations").fields().forEachRemaining(t -> Language.of(t.getKey()).ifPresent(l -> {
            List<String> list = strings(t.getValue());
            if (!list.isEmpty()) tags.put(l.code(), list);
        }));

        String difficulty = code(kind, id, m, "difficulty", Codes.DIFFICULTIES);
        String licence = m.path("licence").isTextual() ? Codes.licence(m.path("licence").asText().strip()) : null;
        if (licence != null && !Codes.LICENCES.contains(licence)) vocabularyIssue(kind, id, "licence", licence, Codes.LICENCES);
        String form = code(kind, id, m, "form", Codes.FORMS);
        String format = code(kind, id, m, "format", Codes.FORMATS);
        String software = m.path("softwareinterlinker").isTextual() && !m.path("softwareinterlinker").asText().isBlank()
                ? m.path("softwareinterlinker").asText().strip() : null;

        logo(id, m, dir).ifPresent(files::add);
        files.addAll(snapshots(id, dir));
        for (Map.Entry<String, String> path : paths(m.path("file_translations")).entrySet()) {
            String lang = path.getKey();
            locate(id, "resource (" + lang + ")", path.getValue(), dir).flatMap(p -> file(id, p, FileRef.RESOURCE, lang, 0)).ifPresent(files::add);
        }
        List<FileRef> refs = files.stream().map(NewFile::ref).toList();
        StoredEntry entry = new StoredEntry(id, kind.nature, CatalogueEntry.IMPORT, texts, codes, tags, difficulty, licence, form, format,
                m.path("is_sustainability_related").asBoolean(false), software, where, refs, null, Instant.now()).digested();
        return Optional.of(new SeedEntry(entry, files));
    }

    private String code(Kind kind, String id, JsonNode m, String field, Set<String> vocabulary) {
        JsonNode v = m.path(field);
        if (!v.isTextual() || v.asText().isBlank()) return null;
        String code = v.asText().strip();
        if (!vocabulary.contains(code)) vocabularyIssue(kind, id, field, code, vocabulary);
        return code;
    }

    private void vocabularyIssue(Kind kind, String id, String field, String code, Set<String> vocabulary) {
        report.issue(kind.label(), id, field + " '" + code + "' is none of " + String.join(", ", Codes.sorted(vocabulary)) + "; kept as is");
    }

    private Optional<NewFile> logo(String id, JsonNode m, Path dir) {
        if (m.path("logotype").isTextual() && !m.path("logotype").asText().isBlank()) {
            return locate(id, "logo", m.path("logotype").asText(), dir).flatMap(p -> file(id, p, FileRef.LOGO, "", 0));
        }
        try (DirectoryStream<Path> logos = Files.newDirectoryStream(dir, "logo.*")) {
            for (Path p : logos) {
                if (Files.isRegularFile(p) && IMAGES.contains(extension(p))) return file(id, p, FileRef.LOGO, "", 0);
            }
        } catch (IOException e) {
            report.issue(FILE_KIND, id, "the folder " + relative(dir) + " cannot be listed: " + e.getMessage());
        }
        return Optional.empty();
    }

    /** The images of {@code snapshots/} (or {@code snapshot/}, which some items use), in name order. */
    private List<NewFile> snapshots(String id, Path dir) {
        List<Path> images = new ArrayList<>();
        for (String name : List.of("snapshots", "snapshot")) {
            Path folder = dir.resolve(name);
            if (!Files.isDirectory(folder)) continue;
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, Files::isRegularFile)) {
                for (Path p : files) {
                    if (IMAGES.contains(extension(p))) images.add(p);
                    else report.issue(FILE_KIND, id, "snapshot " + relative(p) + " is not an image (" + String.join(", ", new TreeSet<>(IMAGES)) + "); skipped");
                }
            } catch (IOException e) {
                report.issue(FILE_KIND, id, "the folder " + relative(folder) + " cannot be listed: " + e.getMessage());
            }
        }
        images.sort((a, b) -> NaturalOrder.INSTANCE.compare(a.getFileName().toString(), b.getFileName().toString()));
        List<NewFile> out = new ArrayList<>();
        for (Path p : images) file(id, p, FileRef.SNAPSHOT, "", out.size()).ifPresent(out::add);
        return out;
    }

    private Optional<NewFile> file(String id, Path path, String kind, String lang, int seq) {
        return bytes(id, path).map(b -> new NewFile(new FileRef(kind, lang, seq, path.getFileName().toString(), contentType(path), b.length,
                Digests.sha256(b)), b));
    }

    /**
     * The file a metadata path names: relative to the seed folder as the original data has them
     * ({@code ./interlinkers/knowledge/X/resource.docx}), else relative to the item's folder. Never outside the
     * seed folder.
     */
    private Optional<Path> locate(String id, String what, String declared, Path itemDir) {
        String path = declared.strip();
        try {
            List<Path> candidates = java.util.stream.Stream.of(root.resolve(path).normalize(), itemDir.resolve(path).normalize())
                    .filter(p -> p.startsWith(root)).toList();
            if (candidates.isEmpty()) {
                report.issue(FILE_KIND, id, what + " " + path + " is outside the imported folder; skipped");
                return Optional.empty();
            }
            for (Path p : candidates) {
                if (Files.isRegularFile(p) && p.toRealPath().startsWith(root)) return Optional.of(p);
            }
        } catch (InvalidPathException | IOException e) {
            report.issue(FILE_KIND, id, what + " '" + path + "' is not a usable path: " + e.getMessage());
            return Optional.empty();
        }
        report.issue(FILE_KIND, id, what + " " + path + " does not exist; imported without it");
        return Optional.empty();
    }

    private Optional<byte[]> bytes(String id, Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                report.issue(FILE_KIND, id, relative(file) + " is " + size + " bytes, over the limit of " + MAX_FILE_BYTES + "; skipped");
                return Optional.empty();
            }
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
            report.issue(FILE_KIND, id, relative(file) + " cannot be read: " + e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<JsonNode> readJson(Path file, String kind, String item) {
        try {
            if (Files.size(file) > MAX_JSON_BYTES) {
                report.issue(kind, item, relative(file) + " is larger than " + MAX_JSON_BYTES + " bytes; skipped");
                return Optional.empty();
            }
            return Optional.of(JSON.readTree(file.toFile()));
        } catch (JsonProcessingException e) {
            report.issue(kind, item, relative(file) + " is not valid JSON (" + e.getOriginalMessage() + " at line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + "); skipped");
        } catch (IOException e) {
            report.issue(kind, item, relative(file) + " cannot be read: " + e.getMessage());
        }
        return Optional.empty();
    }

    // ---- small readers ------------------------------------------------------------------------------------

    /** A {@code {"en": "…", "es": "…"}} object; other languages and non-text values are left out. */
    static Translated translations(JsonNode node) {
        Map<String, String> values = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            if (e.getValue().isTextual()) Language.of(e.getKey()).ifPresent(l -> values.put(l.code(), e.getValue().asText()));
        });
        return new Translated(values);
    }

    /** A {@code {"en": "./path"}} object of file paths, in the platform's languages only. */
    private static Map<String, String> paths(JsonNode node) {
        Map<String, String> out = new TreeMap<>();
        node.fields().forEachRemaining(e -> {
            if (e.getValue().isTextual() && !e.getValue().asText().isBlank()) {
                Language.of(e.getKey()).ifPresent(l -> out.put(l.code(), e.getValue().asText()));
            }
        });
        return out;
    }

    /** The distinct non-blank texts of a JSON array, in order. */
    static List<String> strings(JsonNode node) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode v : node) {
            if (v.isTextual() && !v.asText().isBlank()) out.add(v.asText().strip());
        }
        return List.copyOf(out);
    }

    private static String text(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String relative(Path p) {
        return p.startsWith(root) ? root.relativize(p).toString().replace('\\', '/') : p.toString();
    }

    private static String extension(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    static String contentType(Path p) {
        return switch (extension(p)) {
            case "png" -> "image/png";
            case "jpg", "jpeg" -> "image/jpeg";
            case "gif" -> "image/gif";
            case "bmp" -> "image/bmp";
            case "tif", "tiff" -> "image/tiff";
            case "webp" -> "image/webp";
            case "svg" -> "image/svg+xml";
            case "pdf" -> "application/pdf";
            case "docx" -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            case "pptx" -> "application/vnd.openxmlformats-officedocument.presentationml.presentation";
            case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            case "doc" -> "application/msword";
            case "ppt" -> "application/vnd.ms-powerpoint";
            case "xls" -> "application/vnd.ms-excel";
            case "odt" -> "application/vnd.oasis.opendocument.text";
            case "ods" -> "application/vnd.oasis.opendocument.spreadsheet";
            case "odp" -> "application/vnd.oasis.opendocument.presentation";
            case "json" -> "application/json";
            case "md" -> "text/markdown; charset=UTF-8";
            case "txt" -> "text/plain; charset=UTF-8";
            case "html", "htm" -> "text/html; charset=UTF-8";
            case "zip" -> "application/zip";
            default -> "application/octet-stream";
        };
    }
}
