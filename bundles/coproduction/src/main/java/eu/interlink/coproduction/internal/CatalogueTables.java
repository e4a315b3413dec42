package eu.interlink.coproduction.internal;

import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import eu.interlink.api.Nature;
import eu.interlink.coproduction.CatalogueFile;
import eu.interlink.coproduction.Codes;
import eu.interlink.coproduction.Rating;
import eu.interlink.coproduction.Translated;
import eu.interlink.coproduction.internal.StoredEntry.FileRef;
import eu.interlink.kernel.service.Page;

/** The SQL of the catalogue's tables (V3__catalogue.sql), on the connection of the caller's transaction. */
final class CatalogueTables {
    /** Files are written in chunks of this size, like asset blobs. */
    static final int CHUNK = 256 * 1024;

    private CatalogueTables() {
    }

    /** What is stored of an entry to decide whether an import changes it. */
    record Stamp(String origin, String digest) {
    }

    static Map<String, Stamp> stamps(Connection c) throws SQLException {
        Map<String, Stamp> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, origin, digest FROM catalogue_entry");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.put(rs.getString(1), new Stamp(rs.getString(2), rs.getString(3)));
        }
        return out;
    }

    static Optional<Stamp> stamp(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT origin, digest FROM catalogue_entry WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Stamp(rs.getString(1), rs.getString(2))) : Optional.empty();
            }
        }
    }

    static List<FileRef> fileRefs(Connection c, String entryId) throws SQLException {
        List<FileRef> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT kind, lang, seq, name, content_type, byte_size, sha256 FROM catalogue_file WHERE entry_id = ?")) {
            ps.setString(1, entryId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new FileRef(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5), rs.getLong(6), rs.getString(7)));
                }
            }
        }
        return out;
    }

    /** Every kept entry, with its texts, codes and file descriptions, in four queries whatever their number. */
    static List<StoredEntry> loadAll(Connection c) throws SQLException {
        Map<String, Map<String, Map<String, String>>> texts = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT entry_id, field, lang, body FROM catalogue_text");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                texts.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                        .computeIfAbsent(rs.getString(2), k -> new LinkedHashMap<>()).put(rs.getString(3), rs.getString(4));
            }
        }
        Map<String, Map<String, List<String>>> codes = new HashMap<>();
        Map<String, Map<String, List<String>>> tags = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT entry_id, field, lang, code FROM catalogue_code ORDER BY entry_id, field, lang, seq");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String entry = rs.getString(1);
                String field = rs.getString(2);
                if (StoredEntry.TAG.equals(field)) {
                    tags.computeIfAbsent(entry, k -> new LinkedHashMap<>()).computeIfAbsent(rs.getString(3), k -> new ArrayList<>()).add(rs.getString(4));
                } else {
                    codes.computeIfAbsent(entry, k -> new LinkedHashMap<>()).computeIfAbsent(field, k -> new ArrayList<>()).add(rs.getString(4));
                }
            }
        }
        Map<String, List<FileRef>> files = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT entry_id, kind, lang, seq, name, content_type, byte_size, sha256 FROM catalogue_file ORDER BY entry_id, kind, lang, seq");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                files.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new FileRef(rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), rs.getString(6), rs.getLong(7), rs.getString(8)));
            }
        }
        List<StoredEntry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, nature, origin, difficulty, licence, form, format, sustainability,"
                + " software_interlinker, source, digest, updated_at FROM catalogue_entry ORDER BY id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String id = rs.getString(1);
                Map<String, Translated> t = new HashMap<>();
                texts.getOrDefault(id, Map.of()).forEach((field, values) -> t.put(field, new Translated(values)));
                out.add(new StoredEntry(id, Nature.valueOf(rs.getString(2).toUpperCase(java.util.Locale.ROOT)), rs.getString(3), t,
                        codes.getOrDefault(id, Map.of()), tags.getOrDefault(id, Map.of()), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getBoolean(8), rs.getString(9), rs.getString(10),
                        files.getOrDefault(id, List.of()), rs.getString(11), rs.getTimestamp(12).toInstant()));
            }
        }
        return out;
    }

    /** Inserts an entry, or replaces the row and every text and code of an existing one (files: {@link #writeFiles}). */
    static void save(Connection c, StoredEntry e, boolean exists) throws SQLException {
        Timestamp now = Timestamp.from(e.updatedAt());
        if (exists) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE catalogue_entry SET nature = ?, origin = ?, difficulty = ?, licence = ?,"
                    + " form = ?, format = ?, sustainability = ?, software_interlinker = ?, source = ?, digest = ?, updated_at = ? WHERE id = ?")) {
                bindEntry(ps, e);
                ps.setTimestamp(11, now);
                ps.setString(12, e.id());
                ps.executeUpdate();
            }
            delete(c, "DELETE FROM catalogue_text WHERE entry_id = ?", e.id());
            delete(c, "DELETE FROM catalogue_code WHERE entry_id = ?", e.id());
        } else {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO catalogue_entry (nature, origin, difficulty, licence, form, format,"
                    + " sustainability, software_interlinker, source, digest, updated_at, id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                bindEntry(ps, e);
                ps.setTimestamp(11, now);
                ps.setString(12, e.id());
                ps.setTimestamp(13, now);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO catalogue_text (entry_id, field, lang, body) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<String, Translated> t : e.texts().entrySet()) {
                for (Map.Entry<String, String> v : t.getValue().values().entrySet()) {
                    ps.setString(1, e.id());
                    ps.setString(2, t.getKey());
                    ps.setString(3, v.getKey());
                    ps.setString(4, v.getValue());
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO catalogue_code (entry_id, field, lang, seq, code) VALUES (?, ?, ?, ?, ?)")) {
            for (Map.Entry<String, List<String>> codes : e.codes().entrySet()) addCodes(ps, e.id(), codes.getKey(), "", codes.getValue());
            for (Map.Entry<String, List<String>> tags : e.tags().entrySet()) addCodes(ps, e.id(), StoredEntry.TAG, tags.getKey(), tags.getValue());
            ps.executeBatch();
        }
    }

    private static void bindEntry(PreparedStatement ps, StoredEntry e) throws SQLException {
        ps.setString(1, Codes.column(e.nature()));
        ps.setString(2, e.origin());
        nullable(ps, 3, e.difficulty());
        nullable(ps, 4, e.licence());
        nullable(ps, 5, e.form());
        nullable(ps, 6, e.format());
        ps.setBoolean(7, e.sustainability());
        nullable(ps, 8, e.softwareInterlinker());
        nullable(ps, 9, e.source());
        ps.setString(10, e.digest());
    }

    private static void nullable(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) ps.setNull(index, Types.VARCHAR);
        else ps.setString(index, value);
    }

    private static void addCodes(PreparedStatement ps, String id, String field, String lang, List<String> values) throws SQLException {
        int seq = 0;
        for (String v : values) {
            ps.setString(1, id);
            ps.setString(2, field);
            ps.setString(3, lang);
            ps.setInt(4, seq++);
            ps.setString(5, v);
            ps.addBatch();
        }
    }

    /** A file to write, with its bytes. */
    record NewFile(FileRef ref, byte[] content) {
    }

    /**
     * Makes the entry's files those of {@code wanted}: a file whose slot and bytes are unchanged is left alone,
     * the others are deleted or written.
     */
    static void writeFiles(Connection c, String entryId, List<FileRef> stored, List<NewFile> wanted) throws SQLException {
        Map<String, FileRef> keep = new HashMap<>();
        for (NewFile f : wanted) keep.put(f.ref().slot(), f.ref());
        for (FileRef old : stored) {
            FileRef same = keep.get(old.slot());
            if (same != null && same.equals(old)) continue;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM catalogue_file WHERE entry_id = ? AND kind = ? AND lang = ? AND seq = ?")) {
                ps.setString(1, entryId);
                ps.setString(2, old.kind());
                ps.setString(3, old.lang());
                ps.setInt(4, old.seq());
                ps.executeUpdate();
            }
        }
        List<FileRef> unchanged = stored.stream().filter(old -> old.equals(keep.get(old.slot()))).toList();
        for (NewFile f : wanted) {
            if (unchanged.contains(f.ref())) continue;
            long fileId;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO catalogue_file (entry_id, kind, lang, seq, name, content_type, byte_size, sha256)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
                FileRef r = f.ref();
                ps.setString(1, entryId);
                ps.setString(2, r.kind());
                ps.setString(3, r.lang());
                ps.setInt(4, r.seq());
                ps.setString(5, r.name());
                ps.setString(6, r.contentType());
                ps.setLong(7, r.size());
                ps.setString(8, r.sha256());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    fileId = keys.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO catalogue_file_chunk (file_id, seq, content) VALUES (?, ?, ?)")) {
                byte[] bytes = f.content();
                int seq = 0;
                for (int from = 0; from < bytes.length || seq == 0; from += CHUNK) {
                    ps.setLong(1, fileId);
                    ps.setInt(2, seq++);
                    ps.setBytes(3, java.util.Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + CHUNK)));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    static Optional<CatalogueFile> readFile(Connection c, String entryId, String kind, String lang, int seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT f.name, f.content_type, k.content FROM catalogue_file f"
                + " JOIN catalogue_file_chunk k ON k.file_id = f.id WHERE f.entry_id = ? AND f.kind = ? AND f.lang = ? AND f.seq = ? ORDER BY k.seq")) {
            ps.setString(1, entryId);
            ps.setString(2, kind);
            ps.setString(3, lang);
            ps.setInt(4, seq);
            try (ResultSet rs = ps.executeQuery()) {
                String name = null;
                String type = null;
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                while (rs.next()) {
                    name = rs.getString(1);
                    type = rs.getString(2);
                    bytes.writeBytes(rs.getBytes(3));
                }
                return name == null ? Optional.empty() : Optional.of(new CatalogueFile(name, type, bytes.toByteArray()));
            }
        }
    }

    /** The kept entries of one origin with their {@code source} (for packs: the pack's name). */
    static Map<String, String> sources(Connection c, String origin) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, source FROM catalogue_entry WHERE origin = ? ORDER BY id")) {
            ps.setString(1, origin);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    /** Deletes an entry with its texts, codes and files (by cascade), keeping its ratings for when it returns. */
    static boolean removeKeepingRatings(Connection c, String id) throws SQLException {
        return delete(c, "DELETE FROM catalogue_entry WHERE id = ?", id) > 0;
    }

    /** Deletes an entry with its texts, codes, files (by cascade) and ratings. */
    static boolean deleteEntry(Connection c, String id) throws SQLException {
        delete(c, "DELETE FROM catalogue_rating WHERE entry_id = ?", id);
        return delete(c, "DELETE FROM catalogue_entry WHERE id = ?", id) > 0;
    }

    private static int delete(Connection c, String sql, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            return ps.executeUpdate();
        }
    }

    /** Average and count of the ratings of every rated entry. */
    record RatingSummary(double average, int count) {
    }

    static Map<String, RatingSummary> ratingSummaries(Connection c) throws SQLException {
        Map<String, RatingSummary> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT entry_id, SUM(stars), COUNT(*) FROM catalogue_rating GROUP BY entry_id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                int count = rs.getInt(3);
                out.put(rs.getString(1), new RatingSummary(rs.getLong(2) / (double) count, count));
            }
        }
        return out;
    }

    static Rating rate(Connection c, String entryId, String user, int stars, String comment) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        Instant created;
        boolean replaced;
        try (PreparedStatement ps = c.prepareStatement("SELECT created_at FROM catalogue_rating WHERE entry_id = ? AND user_name = ? FOR UPDATE")) {
            ps.setString(1, entryId);
            ps.setString(2, user);
            try (ResultSet rs = ps.executeQuery()) {
                replaced = rs.next();
                created = replaced ? rs.getTimestamp(1).toInstant() : now.toInstant();
            }
        }
        String sql = replaced
                ? "UPDATE catalogue_rating SET stars = ?, comment = ?, updated_at = ? WHERE entry_id = ? AND user_name = ?"
                : "INSERT INTO catalogue_rating (stars, comment, updated_at, entry_id, user_name, created_at) VALUES (?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, stars);
            nullable(ps, 2, comment);
            ps.setTimestamp(3, now);
            ps.setString(4, entryId);
            ps.setString(5, user);
            if (!replaced) ps.setTimestamp(6, now);
            ps.executeUpdate();
        }
        return new Rating(entryId, user, stars, Optional.ofNullable(comment), created, now.toInstant(), replaced);
    }

    static Page<Rating> ratings(Connection c, String entryId, int offset, int limit) throws SQLException {
        int total;
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM catalogue_rating WHERE entry_id = ?")) {
            ps.setString(1, entryId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                total = rs.getInt(1);
            }
        }
        List<Rating> items = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT user_name, stars, comment, created_at, updated_at FROM catalogue_rating"
                + " WHERE entry_id = ? ORDER BY updated_at DESC, user_name OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
            ps.setString(1, entryId);
            ps.setInt(2, offset);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(new Rating(entryId, rs.getString(1), rs.getInt(2), Optional.ofNullable(rs.getString(3)),
                            rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), false));
                }
            }
        }
        return new Page<>(items, total, offset, limit);
    }
}
