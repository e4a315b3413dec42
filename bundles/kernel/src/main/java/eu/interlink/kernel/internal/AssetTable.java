package eu.interlink.kernel.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Collection;
import java.util.Optional;

import eu.interlink.kernel.service.AssetKind;

/** The SQL of the {@code asset} table, on the connection of the caller's transaction. */
final class AssetTable {
    private AssetTable() {
    }

    /** A row as stored; whether its Interlinker serves it now is the registry's business. */
    record Row(String id, String interlinkerId, String name, String processId, String taskId, String createdBy,
            Instant createdAt, Instant updatedAt, AssetKind kind, String uri, String language) {

        Row(String id, String interlinkerId, String name, String processId, String taskId, String createdBy,
                Instant createdAt, Instant updatedAt) {
            this(id, interlinkerId, name, processId, taskId, createdBy, createdAt, updatedAt, AssetKind.INTERNAL, null, null);
        }
    }

    private static final String COLUMNS = "id, interlinker_id, name, process_id, task_id, created_by, created_at, updated_at, kind, uri, language";
    /** Only internal assets hold an Interlinker's data: migrations and availability concern them alone. */
    private static final String INTERNAL = " AND kind = 'internal'";

    static Optional<Row> find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM asset WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    static void insert(Connection c, Row r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO asset (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, r.id());
            ps.setString(2, r.interlinkerId());
            ps.setString(3, r.name());
            ps.setString(4, r.processId());
            ps.setString(5, r.taskId());
            ps.setString(6, r.createdBy());
            ps.setTimestamp(7, Timestamp.from(r.createdAt()));
            ps.setTimestamp(8, Timestamp.from(r.updatedAt()));
            ps.setString(9, r.kind().label());
            ps.setString(10, r.uri());
            ps.setString(11, r.language());
            ps.executeUpdate();
        }
    }

    static boolean delete(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM asset WHERE id = ?")) {
            ps.setString(1, id);
            return ps.executeUpdate() > 0;
        }
    }

    static boolean exists(Connection c, String interlinkerId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM asset WHERE interlinker_id = ?" + INTERNAL + " FETCH FIRST 1 ROWS ONLY")) {
            ps.setString(1, interlinkerId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Ids of every asset of one Interlinker, for its data migrations. */
    static List<String> ids(Connection c, String interlinkerId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM asset WHERE interlinker_id = ?" + INTERNAL + " ORDER BY id")) {
            ps.setString(1, interlinkerId);
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) ids.add(rs.getString(1));
            }
            return ids;
        }
    }

    static int count(Connection c, Optional<String> interlinkerId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM asset WHERE process_id IS NULL" + (interlinkerId.isPresent() ? " AND interlinker_id = ?" : ""))) {
            if (interlinkerId.isPresent()) ps.setString(1, interlinkerId.get());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    static List<Row> page(Connection c, Optional<String> interlinkerId, int offset, int limit) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM asset WHERE process_id IS NULL" + (interlinkerId.isPresent() ? " AND interlinker_id = ?" : "")
                + " ORDER BY created_at DESC, id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 0;
            if (interlinkerId.isPresent()) ps.setString(++i, interlinkerId.get());
            ps.setInt(++i, offset);
            ps.setInt(++i, limit);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) rows.add(row(rs));
            }
            return rows;
        }
    }

    static int countForTask(Connection c, String taskId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM asset WHERE task_id = ?")) {
            ps.setString(1, taskId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    static List<Row> pageForTask(Connection c, String taskId, int offset, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM asset WHERE task_id = ?"
                + " ORDER BY created_at, id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
            ps.setString(1, taskId);
            ps.setInt(2, offset);
            ps.setInt(3, limit);
            return rows(ps);
        }
    }

    /** Every asset of these tasks, in batches so that a large tree never makes one huge statement. */
    static List<Row> forTasks(Connection c, Collection<String> taskIds) throws SQLException {
        List<String> ids = List.copyOf(taskIds);
        List<Row> rows = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += 100) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + 100));
            String marks = String.join(", ", java.util.Collections.nCopies(batch.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM asset WHERE task_id IN (" + marks + ")")) {
                for (int i = 0; i < batch.size(); i++) ps.setString(i + 1, batch.get(i));
                rows.addAll(rows(ps));
            }
        }
        return rows;
    }

    private static List<Row> rows(PreparedStatement ps) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) rows.add(row(rs));
        }
        return rows;
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant(),
                AssetKind.of(rs.getString(9)).orElse(AssetKind.INTERNAL), rs.getString(10), rs.getString(11));
    }
}
