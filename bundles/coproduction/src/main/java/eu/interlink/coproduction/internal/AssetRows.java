package eu.interlink.coproduction.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import eu.interlink.store.Sql;

/**
 * The kernel's {@code asset} and {@code interlinker_state} rows that moving a whole process needs and the kernel's
 * {@code AssetService} does not offer: the assets of a process, the placement of a copy (the kernel's copy stays
 * in its source's task), a row for data restored from a zip, and the data version of an Interlinker's stored data.
 * Always on the caller's transaction, so they commit or roll back with the process they belong to.
 */
final class AssetRows {
    private AssetRows() {
    }

    /** An asset as the kernel stores it. */
    record Row(String id, String interlinkerId, String name, String taskId, String kind, String uri, String language, String createdBy,
            Instant createdAt) {
    }

    static List<Row> ofProcess(Connection c, String processId) throws SQLException {
        return Sql.query(c, "SELECT id, interlinker_id, name, task_id, kind, uri, language, created_by, created_at FROM asset"
                + " WHERE process_id = ? AND task_id IS NOT NULL ORDER BY created_at, id",
                rs -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), Sql.instant(rs, 9)), processId);
    }

    static void place(Connection c, String assetId, String processId, String taskId) throws SQLException {
        Sql.update(c, "UPDATE asset SET process_id = ?, task_id = ? WHERE id = ?", processId, taskId, assetId);
    }

    static void insert(Connection c, Row r, String processId) throws SQLException {
        Instant now = Instant.now();
        Sql.update(c, "INSERT INTO asset (id, interlinker_id, name, process_id, task_id, created_by, created_at, updated_at, kind, uri, language)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", r.id(), r.interlinkerId(), r.name(), processId, r.taskId(), r.createdBy(),
                r.createdAt() == null ? now : r.createdAt(), now, r.kind(), r.uri(), r.language());
    }

    /** The shape version of the data the platform holds for an Interlinker id; empty when it never held any. */
    static Optional<Integer> dataVersion(Connection c, String interlinkerId) throws SQLException {
        return Sql.query(c, "SELECT data_version FROM interlinker_state WHERE interlinker_id = ?", rs -> rs.getInt(1), interlinkerId)
                .stream().findFirst();
    }

    /** The version that serves (or last served) an Interlinker id. */
    static Optional<String> servingVersion(Connection c, String interlinkerId) throws SQLException {
        return Sql.query(c, "SELECT serving_version FROM interlinker_state WHERE interlinker_id = ?", rs -> rs.getString(1), interlinkerId)
                .stream().filter(v -> v != null).findFirst();
    }
}
