package eu.interlink.interlinker.files;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.Test;

import eu.interlink.api.Blob;
import eu.interlink.api.Document;
import eu.interlink.api.DocumentStore;
import eu.interlink.testkit.InMemoryDocumentStore;

public class FileSpaceTest {
    private static final FileSpace.Limits LIMITS = new FileSpace.Limits(64L * 1024 * 1024,
            Set.of("application/pdf", "text/plain", "image/png"));
    private final InMemoryDocumentStore store = new InMemoryDocumentStore();

    private FileSpace.Uploaded upload(String name, String declared, String text, String who) throws IOException {
        return FileSpace.upload(store, name, declared, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), LIMITS, who, "t");
    }

    @Test
    public void theSameNameAddsAVersionAndDeletesGoByVersionOrFile() throws IOException {
        FileSpace.create(store, "Workshop");
        assertEquals(1, upload("notes.txt", "text/plain", "first", "ana").version().number());
        FileSpace.Uploaded second = upload("notes.txt", null, "second", "ben");
        assertEquals(2, second.version().number());
        assertEquals(2, second.file().versions().size());
        assertEquals("text/plain", second.version().contentType());
        assertEquals("ben", second.version().uploadedBy());
        assertEquals(1, upload("other.txt", null, "x", null).version().number());
        assertEquals(List.of("notes.txt", "other.txt"), FileSpace.list(store).stream().map(FileSpace.StoredFile::name).toList());

        String id = second.file().id();
        assertTrue(FileSpace.deleteVersion(store, id, 1));
        assertFalse(FileSpace.deleteVersion(store, id, 1));
        assertEquals(List.of(2L), FileSpace.file(store, id).orElseThrow().versions().stream().map(FileSpace.Version::number).toList());
        // Numbers are never reused: the next upload is version 3.
        assertEquals(3, upload("notes.txt", null, "third", "ana").version().number());
        assertTrue(FileSpace.deleteFile(store, id));
        assertTrue(FileSpace.file(store, id).isEmpty());
        assertEquals(1, store.blobKeys(FileSpace.BLOB_PREFIX).size()); // other.txt's
    }

    @Test
    public void refusesWrongTypesOverLimitAndBadNames() {
        FileSpace.create(store, "Workshop");
        assertThrows(FileSpace.UnsupportedTypeException.class, () -> upload("x.pdf", "application/pdf", "not a pdf", null));
        assertThrows(FileSpace.UnsupportedTypeException.class, () -> upload("x.txt", null, "<html><body>", null));
        FileSpace.Limits tiny = new FileSpace.Limits(10, LIMITS.allowedTypes());
        assertThrows(FileSpace.UploadTooLargeException.class, () -> FileSpace.upload(store, "x.txt", null,
                new ByteArrayInputStream(new byte[11]), tiny, null, "t"));
        for (String bad : new String[] {"", "../etc/passwd", "a\\b", "..", "tab\there"}) {
            assertEquals(bad, "name", assertThrows(FileSpace.InvalidUploadException.class, () -> upload(bad, null, "x", null)).field);
        }
        assertTrue(store.blobKeys("").isEmpty());
    }

    /**
     * 50 MB go through an upload while the source is never more than a few chunks ahead of the store: the upload
     * passes a stream on, it never gathers the file first.
     */
    @Test
    public void streamsAFiftyMegabyteUpload() throws Exception {
        long size = 50L * 1000 * 1000;
        Generated source = new Generated(size);
        CountingStore counting = new CountingStore(store);
        counting.source = source;
        FileSpace.create(counting, "Big");
        FileSpace.Uploaded up = FileSpace.upload(counting, "big.pdf", "application/pdf", source, LIMITS, null, "t");
        assertEquals(size, up.version().size());
        assertEquals(size, counting.read);
        assertTrue("the source ran " + counting.maxAhead + " bytes ahead of the store", counting.maxAhead <= ContentTypes.PREFIX + 2 * 256 * 1024);
        assertEquals(new Generated(size).sha256(), up.version().sha256());
    }

    /** A PDF of {@code size} bytes made on the fly: "%PDF-" then a repeating pattern. */
    static final class Generated extends InputStream {
        private static final byte[] HEAD = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        private final long size;
        long produced;

        Generated(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (produced >= size) return -1;
            int b = produced < HEAD.length ? HEAD[(int) produced] : (int) (produced % 251);
            produced++;
            return b & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (produced >= size) return -1;
            int n = (int) Math.min(len, size - produced);
            for (int i = 0; i < n; i++) b[off + i] = (byte) read();
            return n;
        }

        String sha256() throws Exception {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[65536];
            int n;
            while ((n = read(buffer, 0, buffer.length)) > 0) d.update(buffer, 0, n);
            return HexFormat.of().formatHex(d.digest());
        }
    }

    /** Keeps documents in memory but only counts blob bytes, measuring how far the source runs ahead of it. */
    static final class CountingStore implements DocumentStore {
        private final DocumentStore documents;
        long read;
        long maxAhead;
        Generated source;

        CountingStore(DocumentStore documents) {
            this.documents = documents;
        }

        @Override public Optional<Document> get(String key) { return documents.get(key); }
        @Override public List<String> keys(String prefix) { return documents.keys(prefix); }
        @Override public Document put(String key, String json) { return documents.put(key, json); }
        @Override public Document replace(String key, String json, long v) { return documents.replace(key, json, v); }
        @Override public boolean delete(String key) { return documents.delete(key); }
        @Override public Optional<Blob> getBlob(String key) { return Optional.empty(); }
        @Override public List<String> blobKeys(String prefix) { return List.of(); }
        @Override public boolean deleteBlob(String key) { return false; }

        @Override
        public Blob putBlob(String key, String contentType, InputStream content) {
            byte[] chunk = new byte[256 * 1024];
            try {
                int n;
                while ((n = content.readNBytes(chunk, 0, chunk.length)) > 0) {
                    read += n;
                    maxAhead = Math.max(maxAhead, producedBy(content) - read);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            long size = read;
            return new Blob() {
                @Override public String key() { return key; }
                @Override public String contentType() { return contentType; }
                @Override public long size() { return size; }
                @Override public InputStream open() { return InputStream.nullInputStream(); }
            };
        }

        private long producedBy(InputStream ignored) {
            return source == null ? read : source.produced;
        }
    }
}
