package eu.interlink.testkit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import eu.interlink.api.Blob;
import eu.interlink.api.Document;
import eu.interlink.api.DocumentStore;
import eu.interlink.api.StaleDocumentException;

/**
 * A {@link DocumentStore} in memory for unit tests, with the rules of the kernel's: documents must be JSON objects or
 * arrays, each write raises a document's version, {@link #replace} refuses a stale one; and a {@link #snapshot()} to
 * go back to, as the kernel rolls back a call that throws.
 */
public final class InMemoryDocumentStore implements DocumentStore {
    private TreeMap<String, Document> documents = new TreeMap<>();
    private TreeMap<String, StoredBlob> blobs = new TreeMap<>();

    private record StoredBlob(String key, String contentType, byte[] bytes) implements Blob {
        @Override public long size() { return bytes.length; }
        @Override public InputStream open() { return new ByteArrayInputStream(bytes); }
    }

    /** What {@link #restore} goes back to: a transaction's start. */
    public static final class Snapshot {
        private final TreeMap<String, Document> documents;
        private final TreeMap<String, StoredBlob> blobs;

        private Snapshot(TreeMap<String, Document> documents, TreeMap<String, StoredBlob> blobs) {
            this.documents = documents;
            this.blobs = blobs;
        }
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(new TreeMap<>(documents), new TreeMap<>(blobs));
    }

    public synchronized void restore(Snapshot snapshot) {
        documents = new TreeMap<>(snapshot.documents);
        blobs = new TreeMap<>(snapshot.blobs);
    }

    /** Whether nothing at all is stored: no document and no blob. */
    public synchronized boolean isEmpty() {
        return documents.isEmpty() && blobs.isEmpty();
    }

    @Override
    public synchronized Optional<Document> get(String key) {
        return Optional.ofNullable(documents.get(key));
    }

    @Override
    public synchronized List<String> keys(String prefix) {
        return documents.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
    }

    @Override
    public synchronized Document put(String key, String json) {
        return write(key, json);
    }

    @Override
    public synchronized Document replace(String key, String json, long expectedVersion) {
        Document current = documents.get(key);
        long actual = current == null ? 0 : current.version();
        if (actual != expectedVersion) {
            throw new StaleDocumentException(key, expectedVersion, actual);
        }
        return write(key, json);
    }

    private Document write(String key, String json) {
        String trimmed = json.trim();
        if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
            throw new IllegalArgumentException("Documents must be JSON objects or arrays");
        }
        Document current = documents.get(key);
        Document d = Document.of(key, current == null ? 1 : current.version() + 1, json);
        documents.put(key, d);
        return d;
    }

    @Override
    public synchronized boolean delete(String key) {
        return documents.remove(key) != null;
    }

    @Override
    public synchronized Blob putBlob(String key, String contentType, InputStream content) {
        try {
            StoredBlob b = new StoredBlob(key, contentType, content.readAllBytes());
            blobs.put(key, b);
            return b;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized Optional<Blob> getBlob(String key) {
        return Optional.ofNullable(blobs.get(key));
    }

    @Override
    public synchronized List<String> blobKeys(String prefix) {
        return blobs.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
    }

    @Override
    public synchronized boolean deleteBlob(String key) {
        return blobs.remove(key) != null;
    }
}
