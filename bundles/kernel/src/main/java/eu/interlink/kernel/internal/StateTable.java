package eu.interlink.kernel.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import eu.interlink.kernel.service.HistoryEntry;

/** The SQL of {@code interlinker_state} and {@code interlinker_history}, on the caller's transaction. */
final class StateTable {
    private StateTable() {
    }

    /** What the kernel remembers of one Interlinker id. */
    record IdState(String id, int dataVersion, String servingVersion, String previousVersion, boolean disabled) {
        IdState withDataVersion(int v) { return new IdState(id, v, servingVersion, previousVersion, disabled); }
        IdState withDisabled(boolean d) { return new IdState(id, dataVersion, servingVersion, previousVersion, d); }
        IdState serving(String version, String previous) { return new IdState(id, dataVersion, version, previous, disabled); }
    }

    static Optional<IdState> find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT data_version, serving_version, previous_version, disabled FROM interlinker_state WHERE interlinker_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new IdState(id, rs.getInt(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                        : Optional.empty();
            }
        }
    }

    static List<IdState> all(Connection c) throws SQLException {
        List<IdState> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT interlinker_id, data_version, serving_version, previous_version, disabled FROM interlinker_state");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new IdState(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getBoolean(5)));
            }
        }
        return out;
    }

    static void save(Connection c, IdState s) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement update = c.prepareStatement("UPDATE interlinker_state SET data_version = ?, serving_version = ?, previous_version = ?,"
                + " disabled = ?, updated_at = ? WHERE interlinker_id = ?")) {
            update.setInt(1, s.dataVersion());
            update.setString(2, s.servingVersion());
            update.setString(3, s.previousVersion());
            update.setBoolean(4, s.disabled());
            update.setTimestamp(5, now);
            update.setString(6, s.id());
            if (update.executeUpdate() > 0) return;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO interlinker_state (interlinker_id, data_version, serving_version,"
                + " previous_version, disabled, updated_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, s.id());
            insert.setInt(2, s.dataVersion());
            insert.setString(3, s.servingVersion());
            insert.setString(4, s.previousVersion());
            insert.setBoolean(5, s.disabled());
            insert.setTimestamp(6, now);
            insert.executeUpdate();
        }
    }

    static void history(Connection c, String id, String action, String version, String fromVersion, String outcome, String detail, String actor)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO interlinker_history (occurred_at, interlinker_id, action, version, from_version,"
                + " outcome, detail, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now()));
            ps.setString(2, clip(id, 200));
            ps.setString(3, action);
            ps.setString(4, clip(version, 40));
            ps.setString(5, clip(fromVersion, 40));
            ps.setString(6, outcome);
            ps.setString(7, clip(detail, 2000));
            ps.setString(8, clip(actor, 200));
            ps.executeUpdate();
        }
    }

    static List<HistoryEntry> history(Connection c, String id, int offset, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, occurred_at, action, version, from_version, outcome, detail, actor"
                + " FROM interlinker_history WHERE interlinker_id = ? ORDER BY id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
            ps.setString(1, id);
            ps.setInt(2, offset);
            ps.setInt(3, limit);
            List<HistoryEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new HistoryEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), id, rs.getString(3), rs.getString(4),
                            Optional.ofNullable(rs.getString(5)), rs.getString(6), rs.getString(7) == null ? "" : rs.getString(7),
                            Optional.ofNullable(rs.getString(8))));
                }
            }
            return out;
        }
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
