package eu.interlink.coproduction.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.interlink.coproduction.CoproductionProcess;
import eu.interlink.coproduction.ItemStatus;
import eu.interlink.coproduction.ItemType;
import eu.interlink.coproduction.Language;
import eu.interlink.coproduction.Translated;
import eu.interlink.kernel.service.KernelException;

/**
 * The zip format of an exported process (format {@value #FORMAT}, version {@value #FORMAT_VERSION}): writing its
 * manifest, and reading one back with every limit checked before anything is stored. A zip is hostile until
 * proven otherwise: its size, entry count, entry names, the bytes each entry inflates to (never the sizes it
 * declares), and every field of the manifest are checked; any fault refuses the whole zip.
 */
final class Archive {
    static final String FORMAT = "interlink-process";
    static final int FORMAT_VERSION = 1;
    static final String MANIFEST = "manifest.json";

    /** The upload, as sent. */
    static final long MAX_ZIP_BYTES = eu.interlink.coproduction.ProcessTransferService.MAX_ZIP_BYTES;
    static final int MAX_ENTRIES = 20_000;
    /** What all entries together may inflate to: a zip bomb stops here. */
    static final long MAX_INFLATED_BYTES = 2L * 1024 * 1024 * 1024;
    static final int MAX_MANIFEST_BYTES = 16 * 1024 * 1024;
    /** A document of the store is at most 4 Mi characters: 16 MiB of UTF-8 at the very most. */
    static final int MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;
    static final int MAX_ITEMS = 5_000;
    static final int MAX_ASSETS = 5_000;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");
    private static final Pattern INTERLINKER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxNumberLength(100).build());
    }

    private final ZipFile zip;
    private final AtomicLong inflated = new AtomicLong();
    final JsonNode manifest;
    final Process process;
    /** Items with parents before children. */
    final List<Item> items;
    final List<Asset> assets;
    final List<Grant> grants;

    record Process(String id, String name, String description, String aim, String idea, String organizationDescription, String challenges,
            String requirements, Language language, String logotype, List<String> tags, boolean isPublic, ItemStatus status,
            List<String> administrators, String createdBy) {
    }

    record Item(String id, ItemType type, String parent, Translated name, Translated description, ItemStatus status, LocalDate start,
            LocalDate end, List<String> problemProfiles, List<String> prerequisites, String schemaId, String schemaItemId, String disabledBy,
            java.time.Instant disabledAt, String createdBy) {
    }

    record Document(String key, String entry) {
    }

    record BlobEntry(String key, String contentType, long size, String sha256, String entry) {
    }

    record Asset(String id, String task, String kind, String interlinker, String name, String uri, String language, Integer dataVersion,
            String interlinkerVersion, String createdBy, List<Document> documents, List<BlobEntry> blobs) {
    }

    record Grant(String team, String teamName, String item, boolean access, boolean createAssets, boolean deleteAssets) {
    }

    // ------------------------------------------------------------------ writing

    static String fileName(CoproductionProcess p) {
        String name = safeFileName(p.name());
        return (name.equals("export") ? "process" : name) + ".interlink.zip";
    }

    /** A file name safe in a zip entry and a Content-Disposition header: letters, digits, dot, dash, underscore. */
    static String safeFileName(String name) {
        String s = name == null ? "" : name.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[._]+", "");
        if (s.length() > 100) s = s.substring(0, 100);
        return s.isEmpty() ? "export" : s;
    }

    static ObjectNode manifest(CoproductionProcess p, Tree tree, String platformVersion, String user) {
        ObjectNode m = JSON.createObjectNode();
        m.put("format", FORMAT);
        m.put("formatVersion", FORMAT_VERSION);
        m.put("platformVersion", platformVersion);
        m.put("exportedAt", java.time.Instant.now().toString());
        m.put("exportedBy", user);
        ObjectNode o = m.putObject("process");
        o.put("id", p.id());
        o.put("name", p.name());
        o.put("description", p.description());
        o.put("aim", p.aim());
        o.put("idea", p.idea());
        o.put("organizationDescription", p.organizationDescription());
        o.put("challenges", p.challenges());
        o.put("requirements", p.requirements());
        o.put("language", p.language().code());
        o.put("logotype", p.logotype().orElse(null));
        p.tags().forEach(o.putArray("tags")::add);
        o.put("public", p.isPublic());
        o.put("status", p.status().label());
        o.put("progress", p.progress());
        o.put("startDate", p.startDate().map(LocalDate::toString).orElse(null));
        o.put("endDate", p.endDate().map(LocalDate::toString).orElse(null));
        p.administrators().forEach(o.putArray("administrators")::add);
        o.put("createdBy", p.createdBy());
        o.put("createdAt", p.createdAt().toString());
        ArrayNode items = m.putArray("tree");
        for (TreeTable.Row phase : tree.phases()) writeItems(items, tree, phase);
        return m;
    }

    private static void writeItems(ArrayNode out, Tree tree, TreeTable.Row r) {
        ObjectNode i = out.addObject();
        i.put("id", r.id());
        i.put("type", r.type().name().toLowerCase(java.util.Locale.ROOT));
        i.put("parent", r.parentId());
        i.set("name", JSON.valueToTree(r.name().values()));
        i.set("description", JSON.valueToTree(r.description().values()));
        i.put("status", r.status().label());
        i.put("progress", r.progress());
        i.put("startDate", r.startDate() == null ? null : r.startDate().toString());
        i.put("endDate", r.endDate() == null ? null : r.endDate().toString());
        r.problemProfiles().forEach(i.putArray("problemProfiles")::add);
        tree.prerequisitesOf(r.id()).forEach(i.putArray("prerequisites")::add);
        i.put("schema", r.schemaId());
        i.put("schemaItem", r.schemaItemId());
        i.put("disabledBy", r.disabledBy());
        i.put("disabledAt", r.disabledAt() == null ? null : r.disabledAt().toString());
        i.put("createdBy", r.createdBy());
        for (TreeTable.Row child : tree.childrenOf(r.id())) writeItems(out, tree, child);
    }

    // ------------------------------------------------------------------ reading

    /** Copies the upload to {@code file}, refusing it (413) past {@link #MAX_ZIP_BYTES}. */
    static void spool(InputStream in, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > MAX_ZIP_BYTES) throw tooLarge("The zip is larger than " + MAX_ZIP_BYTES + " bytes");
                out.write(buffer, 0, n);
            }
        }
    }

    static ZipFile open(Path file) throws IOException {
        try {
            return new ZipFile(file.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException notAZip) {
            throw bad("not-a-zip", "The body is not a zip file: " + notAZip.getMessage());
        }
    }

    private Archive(ZipFile zip, JsonNode manifest) {
        this.zip = zip;
        this.manifest = manifest;
        this.process = process(object(manifest, "process"));
        this.items = items(array(manifest, "tree", MAX_ITEMS));
        this.assets = assets(array(manifest, "assets", MAX_ASSETS));
        this.grants = grants(manifest.has("permissions") ? array(manifest, "permissions", MAX_ITEMS) : JSON.createArrayNode());
    }

    /** Checks the zip and reads its manifest (400 or 413 problems); the entries' content is read later, within the limits. */
    static Archive read(ZipFile zip) throws IOException {
        if (zip.size() > MAX_ENTRIES) throw tooLarge("The zip has " + zip.size() + " entries; at most " + MAX_ENTRIES + " are read");
        Set<String> names = new HashSet<>();
        try {
            for (Iterator<? extends ZipEntry> i = zip.entries().asIterator(); i.hasNext();) {
                String name = i.next().getName();
                if (!safeEntryName(name)) throw bad("unsafe-entry-name", "The zip has an entry named '" + Text.clip(name) + "': entry names must be relative"
                        + " paths without '..', '\\', ':' or control characters");
                if (!names.add(name)) throw bad("invalid-archive", "The zip has two entries named '" + Text.clip(name) + "'");
            }
        } catch (IllegalArgumentException | IllegalStateException malformed) {
            throw bad("not-a-zip", "The zip's directory cannot be read: " + malformed.getMessage());
        }
        if (zip.getEntry(MANIFEST) == null) throw bad("invalid-archive", "The zip has no " + MANIFEST + ": it is not a process exported by Interlink");
        Archive probe = new Archive(zip);
        JsonNode manifest;
        try {
            manifest = JSON.readTree(probe.bytes(MANIFEST, MAX_MANIFEST_BYTES));
        } catch (JsonProcessingException e) {
            throw invalid("", "manifest.json is not valid JSON: " + e.getOriginalMessage());
        }
        if (manifest == null || !manifest.isObject()) throw invalid("", "manifest.json must be a JSON object");
        if (!FORMAT.equals(manifest.path("format").asText(null))) {
            throw invalid("format", "'format' must be \"" + FORMAT + "\": this zip is not a process exported by Interlink");
        }
        JsonNode version = manifest.get("formatVersion");
        if (version == null || !version.canConvertToInt()) throw invalid("formatVersion", "'formatVersion' must be an integer");
        if (version.asInt() != FORMAT_VERSION) {
            throw new KernelException(400, "unsupported-format-version", "Unsupported format version", "The zip is in format version "
                    + version.asInt() + "; this platform reads version " + FORMAT_VERSION + ". Export it again from a platform of the same version");
        }
        Archive archive = new Archive(zip, manifest);
        archive.inflated.set(probe.inflated.get());
        return archive;
    }

    private Archive(ZipFile zip) {
        this.zip = zip;
        this.manifest = null;
        this.process = null;
        this.items = List.of();
        this.assets = List.of();
        this.grants = List.of();
    }

    static boolean safeEntryName(String name) {
        if (name == null || name.isEmpty() || name.length() > 500 || name.startsWith("/") || name.contains("\\") || name.contains(":")) return false;
        if (name.chars().anyMatch(Character::isISOControl)) return false;
        for (String part : name.split("/", -1)) {
            if (part.equals("..") || part.equals(".")) return false;
        }
        return true;
    }

    String platformVersion() {
        return manifest.path("platformVersion").asText("unknown");
    }

    String sourceProcessId() {
        return process.id() == null ? "unknown" : process.id();
    }

    /** An entry's bytes, at most {@code max} inflated (413 past it, or past the whole zip's allowance). */
    byte[] bytes(String name, int max) throws IOException {
        try (InputStream in = stream(name)) {
            byte[] b = in.readNBytes(max + 1);
            if (b.length > max) throw tooLarge("Entry '" + Text.clip(name) + "' inflates to more than " + max + " bytes");
            return b;
        }
    }

    /** An entry's inflated bytes as a stream that refuses (413) to go past the whole zip's allowance. */
    InputStream stream(String name) throws IOException {
        ZipEntry e = zip.getEntry(name);
        if (e == null || e.isDirectory()) throw invalid("", "The manifest names entry '" + Text.clip(name) + "', which the zip does not have");
        InputStream raw = zip.getInputStream(e);
        return new java.io.FilterInputStream(raw) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) count(1);
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n > 0) count(n);
                return n;
            }

            private void count(long n) {
                if (inflated.addAndGet(n) > MAX_INFLATED_BYTES) {
                    throw tooLarge("The zip inflates to more than " + MAX_INFLATED_BYTES + " bytes");
                }
            }
        };
    }

    // ------------------------------------------------------------------ the manifest's fields

    private static Process process(JsonNode p) {
        String at = "process.";
        String name = text(p, "name", at, true, ProcessComponent.MAX_NAME);
        if (name.isBlank()) throw invalid(at + "name", "'" + at + "name' must not be blank");
        Language language = Language.of(text(p, "language", at, false, 8)).orElse(Language.FALLBACK);
        String logotype = text(p, "logotype", at, false, 2000);
        List<String> tags = strings(p, "tags", at, 30, 50);
        ItemStatus status = status(p, at);
        List<String> administrators = strings(p, "administrators", at, 1000, ProcessComponent.MAX_USER);
        return new Process(text(p, "id", at, false, 64), name.trim(), text(p, "description", at, false, ProcessComponent.MAX_TEXT),
                text(p, "aim", at, false, ProcessComponent.MAX_TEXT), text(p, "idea", at, false, ProcessComponent.MAX_TEXT),
                text(p, "organizationDescription", at, false, ProcessComponent.MAX_TEXT), text(p, "challenges", at, false, ProcessComponent.MAX_TEXT),
                text(p, "requirements", at, false, ProcessComponent.MAX_TEXT), language, logotype, tags, p.path("public").asBoolean(false), status,
                administrators, text(p, "createdBy", at, false, ProcessComponent.MAX_USER));
    }

    private static List<Item> items(ArrayNode list) {
        Map<String, Item> byId = new LinkedHashMap<>();
        for (int n = 0; n < list.size(); n++) {
            JsonNode i = list.get(n);
            String at = "tree[" + n + "].";
            if (!i.isObject()) throw invalid("tree[" + n + "]", "Each item of 'tree' must be an object");
            String id = id(i, "id", at, true);
            if (byId.containsKey(id)) throw invalid(at + "id", "Item id '" + id + "' appears twice");
            ItemType type;
            try {
                type = ItemType.valueOf(text(i, "type", at, true, 20).toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw invalid(at + "type", "'type' must be phase, objective or task");
            }
            String parent = id(i, "parent", at, false);
            ItemType parentType = type == ItemType.PHASE ? null : type == ItemType.OBJECTIVE ? ItemType.PHASE : ItemType.OBJECTIVE;
            if (parentType == null && parent != null) throw invalid(at + "parent", "A phase has no parent");
            if (parentType != null && (parent == null || !byId.containsKey(parent) || byId.get(parent).type() != parentType)) {
                throw invalid(at + "parent", "A " + type.name().toLowerCase(java.util.Locale.ROOT) + " needs the id of a " + parentType.name()
                        .toLowerCase(java.util.Locale.ROOT) + " listed before it");
            }
            Translated name = texts(i, "name", at);
            if (name.isEmpty()) throw invalid(at + "name", "An item needs a name in at least one of en, es, it, lv");
            byId.put(id, new Item(id, type, parent, name, texts(i, "description", at), status(i, at), date(i, "startDate", at), date(i, "endDate", at),
                    strings(i, "problemProfiles", at, 100, 100), strings(i, "prerequisites", at, 100, 64), text(i, "schema", at, false, 64),
                    text(i, "schemaItem", at, false, 200), text(i, "disabledBy", at, false, ProcessComponent.MAX_USER), instant(i, "disabledAt", at),
                    text(i, "createdBy", at, false, ProcessComponent.MAX_USER)));
        }
        int n = 0;
        for (Item i : byId.values()) {
            for (String p : i.prerequisites()) {
                Item pre = byId.get(p);
                if (pre == null || pre.type() != i.type() || p.equals(i.id())) {
                    throw invalid("tree[" + n + "].prerequisites", "Prerequisite '" + Text.clip(p) + "' is not another item of the same type in 'tree'");
                }
            }
            n++;
        }
        return List.copyOf(byId.values());
    }

    private List<Asset> assets(ArrayNode list) {
        Set<String> tasks = new HashSet<>();
        for (Item i : items) if (i.type() == ItemType.TASK) tasks.add(i.id());
        List<Asset> out = new ArrayList<>();
        for (int n = 0; n < list.size(); n++) {
            JsonNode a = list.get(n);
            String at = "assets[" + n + "].";
            if (!a.isObject()) throw invalid("assets[" + n + "]", "Each item of 'assets' must be an object");
            String task = id(a, "task", at, true);
            if (!tasks.contains(task)) throw invalid(at + "task", "'task' must be the id of a task in 'tree'");
            String kind = text(a, "kind", at, true, 20);
            if (!Set.of("internal", "knowledge", "external").contains(kind)) throw invalid(at + "kind", "'kind' must be internal, knowledge or external");
            String interlinker = text(a, "interlinker", at, !kind.equals("external"), 64);
            if (interlinker != null && !INTERLINKER.matcher(interlinker).matches()) {
                throw invalid(at + "interlinker", "'interlinker' must be an Interlinker id (letters, digits, '.', '_', '-')");
            }
            String name = text(a, "name", at, true, 200);
            if (name.isBlank()) throw invalid(at + "name", "'name' must not be blank");
            String uri = text(a, "uri", at, kind.equals("external"), 2000);
            if (uri != null) {
                try {
                    java.net.URI u = new java.net.URI(uri);
                    if (!u.isAbsolute() || u.getHost() == null || !Set.of("http", "https").contains(u.getScheme().toLowerCase(java.util.Locale.ROOT))) {
                        throw invalid(at + "uri", "'uri' must be an absolute http or https URI");
                    }
                } catch (java.net.URISyntaxException e) {
                    throw invalid(at + "uri", "'uri' must be an absolute http or https URI");
                }
            }
            Integer dataVersion = null;
            if (a.hasNonNull("dataVersion")) {
                if (!a.get("dataVersion").canConvertToInt() || a.get("dataVersion").asInt() < 0) throw invalid(at + "dataVersion", "'dataVersion' must be a whole number");
                dataVersion = a.get("dataVersion").asInt();
            }
            List<Document> docs = new ArrayList<>();
            Set<String> keys = new HashSet<>();
            ArrayNode d = a.has("documents") ? array(a, "documents", MAX_ENTRIES) : JSON.createArrayNode();
            for (int k = 0; k < d.size(); k++) {
                String dat = at + "documents[" + k + "].";
                String key = key(d.get(k), dat);
                if (!keys.add(key)) throw invalid(dat + "key", "Document key '" + Text.clip(key) + "' appears twice");
                docs.add(new Document(key, entry(d.get(k), dat)));
            }
            List<BlobEntry> blobs = new ArrayList<>();
            keys.clear();
            ArrayNode b = a.has("blobs") ? array(a, "blobs", MAX_ENTRIES) : JSON.createArrayNode();
            for (int k = 0; k < b.size(); k++) {
                String bat = at + "blobs[" + k + "].";
                JsonNode blob = b.get(k);
                String key = key(blob, bat);
                if (!keys.add(key)) throw invalid(bat + "key", "Blob key '" + Text.clip(key) + "' appears twice");
                String type = text(blob, "contentType", bat, true, 200);
                if (type.isBlank()) throw invalid(bat + "contentType", "'contentType' must not be blank");
                JsonNode size = blob.get("size");
                if (size == null || !size.canConvertToLong() || size.asLong() < 0) throw invalid(bat + "size", "'size' must be a whole number of bytes");
                String sha = text(blob, "sha256", bat, true, 64);
                if (!SHA256.matcher(sha).matches()) throw invalid(bat + "sha256", "'sha256' must be 64 lower-case hex digits");
                blobs.add(new BlobEntry(key, type, size.asLong(), sha, entry(blob, bat)));
            }
            if (kind.equals("external") && (!docs.isEmpty() || !blobs.isEmpty())) throw invalid(at + "kind", "An external asset has no data");
            out.add(new Asset(text(a, "id", at, false, 64), task, kind, interlinker, name.trim(), uri, text(a, "language", at, false, 8), dataVersion,
                    text(a, "interlinkerVersion", at, false, 40), text(a, "createdBy", at, false, ProcessComponent.MAX_USER), docs, blobs));
        }
        return out;
    }

    private List<Grant> grants(ArrayNode list) {
        Set<String> ids = new HashSet<>();
        for (Item i : items) ids.add(i.id());
        List<Grant> out = new ArrayList<>();
        for (int n = 0; n < list.size(); n++) {
            JsonNode g = list.get(n);
            String at = "permissions[" + n + "].";
            if (!g.isObject()) throw invalid("permissions[" + n + "]", "Each item of 'permissions' must be an object");
            String item = id(g, "item", at, false);
            if (item != null && !ids.contains(item)) throw invalid(at + "item", "'item' must be the id of an item in 'tree'");
            out.add(new Grant(id(g, "team", at, true), text(g, "teamName", at, false, 200), item, g.path("access").asBoolean(false),
                    g.path("createAssets").asBoolean(false), g.path("deleteAssets").asBoolean(false)));
        }
        return out;
    }

    private String entry(JsonNode node, String at) {
        String entry = text(node, "entry", at, true, 500);
        if (!safeEntryName(entry) || zip.getEntry(entry) == null) throw invalid(at + "entry", "'entry' must name an entry of the zip");
        return entry;
    }

    private static String key(JsonNode node, String at) {
        String key = text(node, "key", at, true, 200);
        if (key.isEmpty() || key.chars().anyMatch(Character::isISOControl)) throw invalid(at + "key", "'key' is 1 to 200 characters without control characters");
        return key;
    }

    private static JsonNode object(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isObject()) throw invalid(field, "'" + field + "' must be an object");
        return n;
    }

    private static ArrayNode array(JsonNode parent, String field, int max) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isArray()) throw invalid(field, "'" + field + "' must be an array");
        if (n.size() > max) throw tooLarge("'" + field + "' has " + n.size() + " items; at most " + max + " are read");
        return (ArrayNode) n;
    }

    private static String text(JsonNode parent, String field, String at, boolean required, int max) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            if (required) throw invalid(at + field, "'" + at + field + "' is required");
            return null;
        }
        if (!n.isTextual()) throw invalid(at + field, "'" + at + field + "' must be a string");
        String s = n.asText();
        if (s.length() > max) throw invalid(at + field, "'" + at + field + "' is at most " + max + " characters");
        if (s.indexOf('\0') >= 0) throw invalid(at + field, "'" + at + field + "' contains a NUL character");
        return s;
    }

    private static String id(JsonNode parent, String field, String at, boolean required) {
        String s = text(parent, field, at, required, 64);
        if (s != null && !ID.matcher(s).matches()) throw invalid(at + field, "'" + at + field + "' must be an id (letters, digits, '.', '_', ':', '-')");
        return s;
    }

    private static List<String> strings(JsonNode parent, String field, String at, int maxItems, int maxLength) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) return List.of();
        if (!n.isArray() || n.size() > maxItems) throw invalid(at + field, "'" + at + field + "' must be an array of at most " + maxItems + " strings");
        List<String> out = new ArrayList<>();
        for (JsonNode s : n) {
            if (!s.isTextual() || s.asText().isBlank() || s.asText().length() > maxLength || s.asText().indexOf('\0') >= 0) {
                throw invalid(at + field, "'" + at + field + "' must hold strings of 1 to " + maxLength + " characters");
            }
            out.add(s.asText());
        }
        return out;
    }

    private static Translated texts(JsonNode parent, String field, String at) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) return Translated.EMPTY;
        if (!n.isObject()) throw invalid(at + field, "'" + at + field + "' must be an object of texts by language");
        Map<String, String> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> i = n.fields(); i.hasNext();) {
            Map.Entry<String, JsonNode> e = i.next();
            values.put(e.getKey(), text(n, e.getKey(), at + field + ".", false, ProcessComponent.MAX_TEXT));
        }
        return new Translated(values);
    }

    private static ItemStatus status(JsonNode parent, String at) {
        String s = text(parent, "status", at, false, 20);
        if (s == null) return ItemStatus.AWAITING;
        return ItemStatus.of(s).orElseThrow(() -> invalid(at + "status", "'status' must be awaiting, in_progress or finished"));
    }

    private static LocalDate date(JsonNode parent, String field, String at) {
        String s = text(parent, field, at, false, 10);
        try {
            return s == null ? null : LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw invalid(at + field, "'" + at + field + "' must be a date (YYYY-MM-DD)");
        }
    }

    private static java.time.Instant instant(JsonNode parent, String field, String at) {
        String s = text(parent, field, at, false, 40);
        try {
            return s == null ? null : java.time.Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw invalid(at + field, "'" + at + field + "' must be an instant (ISO 8601, UTC)");
        }
    }

    static KernelException invalid(String field, String detail) {
        return bad("invalid-manifest", "The zip's manifest is not valid: " + detail + (field.isEmpty() ? "" : " (at '" + field + "')"));
    }

    static KernelException bad(String type, String detail) {
        return new KernelException(400, type, "Invalid process zip", detail);
    }

    static KernelException tooLarge(String detail) {
        return new KernelException(413, "zip-too-large", "Zip too large", detail);
    }
}
