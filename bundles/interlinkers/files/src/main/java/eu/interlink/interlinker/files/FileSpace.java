package eu.interlink.interlinker.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.interlink.api.Blob;
import eu.interlink.api.Document;
import eu.interlink.api.DocumentStore;
import eu.interlink.api.StaleDocumentException;

/**
 * The files of one asset, on its store. Each file is a document {@code file/<id>} (its name and versions) and
 * one blob per version, {@code blob/<id>/<random>}; the id is derived from the name, so an upload of a name
 * that exists adds a version. Uploads are streamed into the blob while their type is detected from the first
 * bytes, their size counted and their SHA-256 computed: no file is ever held whole in memory.
 */
final class FileSpace {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SPACE = "space";
    static final String FILE_PREFIX = "file/";
    static final String BLOB_PREFIX = "blob/";
    static final int MAX_NAME = 255;
    static final int MAX_TITLE = 200;
    /** How often an upload re-reads the file's document when another upload of the same name commits first. */
    private static final int ATTEMPTS = 8;

    private FileSpace() {
    }

    /** What an upload may be: at most {@code maxBytes}, of a type in {@code allowedTypes}. */
    record Limits(long maxBytes, Set<String> allowedTypes) {
    }

    record Version(long number, String blob, long size, String contentType, String sha256, String uploadedBy, String uploadedAt) {
        ObjectNode toNode() {
            ObjectNode n = JSON.createObjectNode();
            n.put("version", number);
            n.put("blob", blob);
            n.put("size", size);
            n.put("contentType", contentType);
            n.put("sha256", sha256);
            n.put("uploadedBy", uploadedBy);
            n.put("uploadedAt", uploadedAt);
            return n;
        }

        static Version of(JsonNode n) {
            return new Version(n.path("version").asLong(), n.path("blob").asText(), n.path("size").asLong(),
                    n.path("contentType").asText(), n.path("sha256").asText(),
                    n.hasNonNull("uploadedBy") ? n.get("uploadedBy").asText() : null, n.path("uploadedAt").asText());
        }
    }

    /** A file: its name and versions, oldest first; version numbers are never reused. */
    record StoredFile(String id, String name, long nextVersion, List<Version> versions) {
        Version latest() {
            return versions.get(versions.size() - 1);
        }

        Optional<Version> version(long number) {
            return versions.stream().filter(v -> v.number() == number).findFirst();
        }

        String toJson() {
            ObjectNode n = JSON.createObjectNode();
            n.put("id", id);
            n.put("name", name);
            n.put("nextVersion", nextVersion);
            ArrayNode list = n.putArray("versions");
            versions.forEach(v -> list.add(v.toNode()));
            return n.toString();
        }

        static StoredFile fromJson(String json) {
            try {
                JsonNode n = JSON.readTree(json);
                List<Version> versions = new ArrayList<>();
                n.path("versions").forEach(v -> versions.add(Version.of(v)));
                return new StoredFile(n.path("id").asText(), n.path("name").asText(), n.path("nextVersion").asLong(), List.copyOf(versions));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** What clients see: the blob keys stay inside. */
        ObjectNode view() {
            ObjectNode n = JSON.createObjectNode();
            n.put("id", id);
            n.put("name", name);
            ArrayNode list = n.putArray("versions");
            for (Version v : versions) {
                ObjectNode o = v.toNode();
                o.remove("blob");
                list.add(o);
            }
            ObjectNode latest = latest().toNode();
            latest.remove("blob");
            n.set("latest", latest);
            return n;
        }
    }

    /** The space's title, stored at instantiate: {@code {"title": …}}. */
    static String title(DocumentStore store) {
        return store.get(SPACE).map(d -> {
            try {
                return JSON.readTree(d.json()).path("title").asText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).orElseThrow(() -> new IllegalStateException("The asset has no '" + SPACE + "' document"));
    }

    static void create(DocumentStore store, String title) {
        store.put(SPACE, JSON.createObjectNode().put("title", checkTitle(title)).toString());
    }

    static String checkTitle(String title) {
        if (title == null || title.isBlank()) {
            throw new InvalidUploadException("title", "A title is required");
        }
        String t = title.strip();
        if (t.codePointCount(0, t.length()) > MAX_TITLE || t.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidUploadException("title", "The title must be at most " + MAX_TITLE + " characters without control characters");
        }
        return t;
    }

    /** A file name as given by the client, checked and normalised (NFC); it never names a folder. */
    static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidUploadException("name", "Name the file: ?name=report.pdf");
        }
        String n = Normalizer.normalize(name.strip(), Normalizer.Form.NFC);
        if (n.codePointCount(0, n.length()) > MAX_NAME || n.chars().anyMatch(c -> Character.isISOControl(c) || c == '/' || c == '\\')
                || n.equals(".") || n.equals("..")) {
            throw new InvalidUploadException("name", "A file name has 1 to " + MAX_NAME
                    + " characters, without control characters, '/' or '\\'");
        }
        return n;
    }

    /** The id of the file called {@code name}: URL-safe, the same for the same name. */
    static String idOf(String name) {
        return HexFormat.of().formatHex(sha256().digest(name.getBytes(StandardCharsets.UTF_8)), 0, 16);
    }

    static List<StoredFile> list(DocumentStore store) {
        List<StoredFile> files = new ArrayList<>();
        for (String key : store.keys(FILE_PREFIX)) {
            store.get(key).map(Document::json).map(StoredFile::fromJson).ifPresent(files::add);
        }
        files.sort((a, b) -> a.name().compareTo(b.name()));
        return files;
    }

    static Optional<StoredFile> file(DocumentStore store, String id) {
        return id.matches("[0-9a-f]{32}") ? store.get(FILE_PREFIX + id).map(d -> StoredFile.fromJson(d.json())) : Optional.empty();
    }

    /** The outcome of an upload: the file with its new version. */
    record Uploaded(StoredFile file, Version version) {
    }

    /**
     * Streams {@code body} into a new version of the file called {@code name}.
     *
     * @param declared the client's Content-Type, or {@code null}: it must fit what the bytes are
     * @throws UploadTooLargeException    when the body is longer than the limit (nothing is kept)
     * @throws UnsupportedTypeException   when the bytes are of a type the limits do not allow, or not the declared one
     */
    static Uploaded upload(DocumentStore store, String name, String declared, InputStream body, Limits limits, String author, String now)
            throws IOException {
        String checked = checkName(name);
        String id = idOf(checked);
        InputStream limited = new LimitedInputStream(body, limits.maxBytes());
        byte[] prefix = new byte[ContentTypes.PREFIX];
        int length = limited.readNBytes(prefix, 0, prefix.length);
        String type = ContentTypes.detect(prefix, length, checked);
        if (!ContentTypes.consistent(declared, type)) {
            throw new UnsupportedTypeException("The file was sent as " + ContentTypes.normalise(declared) + " but its content is "
                    + type + ": send it with its own type", limits.allowedTypes());
        }
        if (!limits.allowedTypes().contains(type)) {
            throw new UnsupportedTypeException("Files of type " + type + " are not taken here", limits.allowedTypes());
        }
        MessageDigest digest = sha256();
        InputStream whole = new DigestInputStream(new SequenceInputStream(new ByteArrayInputStream(prefix, 0, length), limited), digest);
        String blobKey = BLOB_PREFIX + id + "/" + UUID.randomUUID();
        Blob blob = store.putBlob(blobKey, ContentTypes.served(type), whole);
        String sha = HexFormat.of().formatHex(digest.digest());
        for (int attempt = 1; ; attempt++) {
            Optional<Document> doc = store.get(FILE_PREFIX + id);
            StoredFile before = doc.map(d -> StoredFile.fromJson(d.json())).orElse(new StoredFile(id, checked, 1, List.of()));
            Version version = new Version(before.nextVersion(), blobKey, blob.size(), type, sha, author, now);
            List<Version> versions = new ArrayList<>(before.versions());
            versions.add(version);
            StoredFile after = new StoredFile(id, checked, before.nextVersion() + 1, List.copyOf(versions));
            try {
                store.replace(FILE_PREFIX + id, after.toJson(), doc.map(Document::version).orElse(0L));
                return new Uploaded(after, version);
            } catch (StaleDocumentException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                // Another upload of this name committed first: number this one after it.
            }
        }
    }

    /** Removes one version; the file goes with its last one. */
    static boolean deleteVersion(DocumentStore store, String id, long number) {
        Optional<Document> doc = file(store, id).isPresent() ? store.get(FILE_PREFIX + id) : Optional.empty();
        if (doc.isEmpty()) {
            return false;
        }
        StoredFile file = StoredFile.fromJson(doc.get().json());
        Optional<Version> gone = file.version(number);
        if (gone.isEmpty()) {
            return false;
        }
        store.deleteBlob(gone.get().blob());
        List<Version> rest = file.versions().stream().filter(v -> v.number() != number).toList();
        if (rest.isEmpty()) {
            store.delete(FILE_PREFIX + id);
        } else {
            store.replace(FILE_PREFIX + id, new StoredFile(id, file.name(), file.nextVersion(), rest).toJson(), doc.get().version());
        }
        return true;
    }

    /** Removes a file with every version. */
    static boolean deleteFile(DocumentStore store, String id) {
        Optional<StoredFile> file = file(store, id);
        if (file.isEmpty()) {
            return false;
        }
        for (Version v : file.get().versions()) {
            store.deleteBlob(v.blob());
        }
        return store.delete(FILE_PREFIX + id);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    /** Counts what passes and refuses to pass more than the limit. */
    static final class LimitedInputStream extends InputStream {
        private final InputStream in;
        private final long max;
        private long count;

        LimitedInputStream(InputStream in, long max) {
            this.in = in;
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = in.read(buffer, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            count += n;
            if (count > max) {
                throw new UploadTooLargeException(max);
            }
        }
    }

    /** An upload longer than the limit; unchecked so that it passes through the store's blob writing as is. */
    static final class UploadTooLargeException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final long max;

        UploadTooLargeException(long max) {
            super("The file is larger than the limit of " + max + " bytes", null, false, false);
            this.max = max;
        }
    }

    /** An upload whose bytes are of a type that is not allowed, or not the declared one. */
    static final class UnsupportedTypeException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Set<String> allowed;

        UnsupportedTypeException(String message, Set<String> allowed) {
            super(message, null, false, false);
            this.allowed = allowed;
        }
    }

    /** Input that names something wrongly; {@link #field} says what. */
    static final class InvalidUploadException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        final String field;

        InvalidUploadException(String field, String message) {
            super(message + " ('" + field + "')");
            this.field = field;
        }

        String detail() {
            String m = getMessage();
            return m.substring(0, m.length() - (" ('" + field + "')").length());
        }
    }
}
