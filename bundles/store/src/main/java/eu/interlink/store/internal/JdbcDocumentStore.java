package eu.interlink.store.internal;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.interlink.api.Blob;
import eu.interlink.api.Document;
import eu.interlink.api.DocumentStore;
import eu.interlink.api.StaleDocumentException;
import eu.interlink.store.StoreException;

/** One asset's documents and blobs, on the connection of the transaction that made it. */
final class JdbcDocumentStore implements DocumentStore {
    /** Blobs are written and read in chunks of this size, so memory use does not grow with the file. */
    static final int CHUNK = 256 * 1024;
    /** A document larger than this is refused: documents are for structured data, blobs for files. */
    static final int MAX_DOCUMENT_CHARS = 4 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Connection connection;
    private final Dialect dialect;
    private final String interlinkerId;
    private final String assetId;

    JdbcDocumentStore(Connection connection, Dialect dialect, String interlinkerId, String assetId) {
        this.connection = connection;
        this.dialect = dialect;
        this.interlinkerId = interlinkerId;
        this.assetId = assetId;
    }

    @Override
    public Optional<Document> get(String key) {
        checkKey(key);
        return query("read document '" + key + "'", "SELECT version, body FROM asset_document WHERE interlinker_id = ? AND asset_id = ? AND doc_key = ?",
                rs -> rs.next() ? Optional.of(Document.of(key, rs.getLong(1), rs.getString(2))) : Optional.<Document>empty(), key);
    }

    @Override
    public List<String> keys(String prefix) {
        return query("list documents", "SELECT doc_key FROM asset_document WHERE interlinker_id = ? AND asset_id = ? AND doc_key LIKE ? ESCAPE '\\' ORDER BY doc_key",
                JdbcDocumentStore::strings, likePrefix(prefix));
    }

    @Override
    public Document put(String key, String json) {
        checkKey(key);
        checkJson(key, json);
        update("write document '" + key + "'", dialect.upsertDocument, key, json, now());
        return get(key).orElseThrow();
    }

    @Override
    public Document replace(String key, String json, long expectedVersion) {
        checkKey(key);
        checkJson(key, json);
        if (expectedVersion < 0) throw new IllegalArgumentException("expectedVersion must be 0 (absent) or more, not " + expectedVersion);
        int changed;
        try {
            changed = expectedVersion == 0
                    ? update("create document '" + key + "'", dialect.insertDocumentIfAbsent, key, json, now())
                    : update("replace document '" + key + "'",
                            "UPDATE asset_document SET version = version + 1, body = ?, updated_at = ? WHERE interlinker_id = ? AND asset_id = ? AND doc_key = ? AND version = ?",
                            null, json, now(), interlinkerId, assetId, key, expectedVersion);
        } catch (StoreException e) {
            // A write that lost a race for the row in the database's own terms is the same news as a version
            // mismatch: someone else changed the document. Said so, the Interlinker can re-read and retry.
            if (!(e.getCause() instanceof SQLException sql) || !dialect.lostRace(sql)) throw e;
            changed = 0;
        }
        if (changed == 0) {
            throw new StaleDocumentException(key, expectedVersion, get(key).map(Document::version).orElse(0L));
        }
        return get(key).orElseThrow();
    }

    @Override
    public boolean delete(String key) {
        checkKey(key);
        return update("delete document '" + key + "'", "DELETE FROM asset_document WHERE interlinker_id = ? AND asset_id = ? AND doc_key = ?", key) > 0;
    }

    @Override
    public Blob putBlob(String key, String contentType, InputStream content) {
        checkKey(key);
        if (contentType == null || contentType.isBlank() || contentType.length() > 200) {
            throw new IllegalArgumentException("blob '" + key + "' needs a content type of 1 to 200 characters");
        }
        deleteBlob(key);
        try {
            long blobId;
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO asset_blob (interlinker_id, asset_id, blob_key, content_type, byte_size, updated_at) VALUES (?, ?, ?, ?, 0, ?)",
                    new String[] {"id"})) {
                bind(insert, interlinkerId, assetId, key, contentType, now());
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    blobId = keys.getLong(1);
                }
            }
            long size = 0;
            try (PreparedStatement chunk = connection.prepareStatement("INSERT INTO asset_blob_chunk (blob_id, seq, content) VALUES (?, ?, ?)")) {
                byte[] buffer = new byte[CHUNK];
                int seq = 0;
                int filled;
                while ((filled = content.readNBytes(buffer, 0, CHUNK)) > 0) {
                    chunk.setLong(1, blobId);
                    chunk.setInt(2, seq++);
                    chunk.setBytes(3, filled == CHUNK ? buffer : java.util.Arrays.copyOf(buffer, filled));
                    chunk.executeUpdate();
                    size += filled;
                }
            }
            update("size blob '" + key + "'", "UPDATE asset_blob SET byte_size = ? WHERE id = ?", null, size, blobId);
            return new ChunkedBlob(key, contentType, size, blobId);
        } catch (SQLException e) {
            throw new StoreException("Could not write blob '" + key + "' of asset " + assetId, e);
        } catch (IOException e) {
            throw new IllegalArgumentException("Could not read the content of blob '" + key + "': " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Blob> getBlob(String key) {
        checkKey(key);
        return query("read blob '" + key + "'",
                "SELECT id, content_type, byte_size FROM asset_blob WHERE interlinker_id = ? AND asset_id = ? AND blob_key = ?",
                rs -> rs.next() ? Optional.<Blob>of(new ChunkedBlob(key, rs.getString(2), rs.getLong(3), rs.getLong(1))) : Optional.<Blob>empty(), key);
    }

    @Override
    public List<String> blobKeys(String prefix) {
        return query("list blobs", "SELECT blob_key FROM asset_blob WHERE interlinker_id = ? AND asset_id = ? AND blob_key LIKE ? ESCAPE '\\' ORDER BY blob_key",
                JdbcDocumentStore::strings, likePrefix(prefix));
    }

    @Override
    public boolean deleteBlob(String key) {
        checkKey(key);
        // Chunks go with their blob (ON DELETE CASCADE).
        return update("delete blob '" + key + "'", "DELETE FROM asset_blob WHERE interlinker_id = ? AND asset_id = ? AND blob_key = ?", key) > 0;
    }

    /** Reads its chunks one at a time, on the transaction's connection. */
    private final class ChunkedBlob implements Blob {
        private final String key;
        private final String contentType;
        private final long size;
        private final long blobId;

        ChunkedBlob(String key, String contentType, long size, long blobId) {
            this.key = key;
            this.contentType = contentType;
            this.size = size;
            this.blobId = blobId;
        }

        @Override public String key() { return key; }
        @Override public String contentType() { return contentType; }
        @Override public long size() { return size; }

        @Override
        public InputStream open() {
            return new InputStream() {
                private int seq;
                private byte[] chunk = new byte[0];
                private int pos;
                private boolean done;

                private boolean fill() throws IOException {
                    while (!done && pos >= chunk.length) {
                        try (PreparedStatement read = connection.prepareStatement("SELECT content FROM asset_blob_chunk WHERE blob_id = ? AND seq = ?")) {
                            read.setLong(1, blobId);
                            read.setInt(2, seq++);
                            try (ResultSet rs = read.executeQuery()) {
                                if (rs.next()) {
                                    chunk = rs.getBytes(1);
                                    pos = 0;
                                } else {
                                    done = true;
                                }
                            }
                        } catch (SQLException e) {
                            throw new IOException("Could not read blob '" + key + "': " + e.getMessage(), e);
                        }
                    }
                    return !done;
                }

                @Override
                public int read() throws IOException {
                    return fill() ? chunk[pos++] & 0xff : -1;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (len == 0) return 0;
                    if (!fill()) return -1;
                    int n = Math.min(len, chunk.length - pos);
                    System.arraycopy(chunk, pos, b, off, n);
                    pos += n;
                    return n;
                }
            };
        }
    }

    static void checkKey(String key) {
        if (key == null || key.isEmpty() || key.length() > 200 || key.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("A document or blob key must be 1 to 200 characters without control characters, not '" + key + "'");
        }
    }

    static void checkJson(String key, String json) {
        if (json == null) throw new IllegalArgumentException("document '" + key + "' must not be null");
        if (json.length() > MAX_DOCUMENT_CHARS) {
            throw new IllegalArgumentException("document '" + key + "' has " + json.length() + " characters; the limit is "
                    + MAX_DOCUMENT_CHARS + ": keep large content in a blob");
        }
        try (JsonParser parser = JSON.getFactory().createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY) {
                throw new IllegalArgumentException("document '" + key + "' must be a JSON object or array");
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("document '" + key + "' has text after its JSON value");
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("document '" + key + "' is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("document '" + key + "' could not be read: " + e.getMessage());
        }
    }

    private static String likePrefix(String prefix) {
        String p = prefix == null ? "" : prefix;
        return p.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }

    private static List<String> strings(ResultSet rs) throws SQLException {
        List<String> out = new ArrayList<>();
        while (rs.next()) out.add(rs.getString(1));
        return out;
    }

    @FunctionalInterface
    private interface Rows<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Runs a query whose first two parameters are this store's interlinker and asset. */
    private <T> T query(String what, String sql, Rows<T> rows, Object... more) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bind(ps, scoped(more));
            try (ResultSet rs = ps.executeQuery()) {
                return rows.read(rs);
            }
        } catch (SQLException e) {
            throw new StoreException("Could not " + what + " of asset " + assetId, e);
        }
    }

    /** Runs an update; with {@code null} as first argument the parameters are taken as given, not scoped. */
    private int update(String what, String sql, Object... params) {
        Object[] bound = params.length > 0 && params[0] == null
                ? java.util.Arrays.copyOfRange(params, 1, params.length)
                : scoped(params);
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bind(ps, bound);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Could not " + what + " of asset " + assetId, e);
        }
    }

    private Object[] scoped(Object... more) {
        Object[] all = new Object[more.length + 2];
        all[0] = interlinkerId;
        all[1] = assetId;
        System.arraycopy(more, 0, all, 2, more.length);
        return all;
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }
}
