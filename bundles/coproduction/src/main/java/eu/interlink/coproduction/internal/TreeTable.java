package eu.interlink.coproduction.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import eu.interlink.coproduction.ItemStatus;
import eu.interlink.coproduction.ItemType;
import eu.interlink.coproduction.Translated;
import eu.interlink.store.Sql;

/** The SQL of tree items and their prerequisites, on the caller's transaction. */
final class TreeTable {
    private TreeTable() {
    }

    /** An item as stored; for phases and objectives, status, progress and dates are the last roll-up. */
    record Row(String id, String processId, ItemType type, String parentId, int position, Translated name, Translated description,
            ItemStatus status, double progress, LocalDate startDate, LocalDate endDate, List<String> problemProfiles,
            String schemaId, String schemaItemId, Instant disabledAt, String disabledBy, String createdBy, Instant createdAt,
            Instant updatedAt) {

        boolean enabled() {
            return disabledBy == null;
        }
    }

    private static final String COLUMNS = "id, process_id, item_type, parent_id, position, name, description, status, progress,"
            + " start_date, end_date, problem_profiles, schema_id, schema_item_id, disabled_at, disabled_by, created_by, created_at, updated_at";

    /** Every item of a process, in tree order within each parent (parents before children is not guaranteed). */
    static List<Row> load(Connection c, String processId) throws SQLException {
        return Sql.query(c, "SELECT " + COLUMNS + " FROM tree_item WHERE process_id = ? ORDER BY position, id", TreeTable::read, processId);
    }

    /** Each item's prerequisites, by item id. */
    static Map<String, List<String>> prerequisites(Connection c, String processId) throws SQLException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Sql.query(c, "SELECT p.item_id, p.prerequisite_id FROM tree_item_prerequisite p JOIN tree_item i ON i.id = p.item_id"
                + " JOIN tree_item q ON q.id = p.prerequisite_id WHERE i.process_id = ? ORDER BY p.item_id, q.position, q.id",
                rs -> out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2)), processId);
        return out;
    }

    static boolean any(Connection c, String processId) throws SQLException {
        return Sql.count(c, "SELECT COUNT(*) FROM tree_item WHERE process_id = ?", processId) > 0;
    }

    static void insert(Connection c, Row r) throws SQLException {
        Sql.update(c, "INSERT INTO tree_item (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.id(), r.processId(), r.type().name().toLowerCase(Locale.ROOT), r.parentId(), r.position(), Json.texts(r.name()),
                Json.texts(r.description()), r.status().label(), r.progress(), Sql.date(r.startDate()), Sql.date(r.endDate()),
                Json.write(r.problemProfiles()), r.schemaId(), r.schemaItemId(), Sql.timestamp(r.disabledAt()), r.disabledBy(),
                r.createdBy(), r.createdAt(), r.updatedAt());
    }

    /** Writes what a client may change: texts, status, dates, problem profiles. */
    static void update(Connection c, Row r) throws SQLException {
        Sql.update(c, "UPDATE tree_item SET name = ?, description = ?, status = ?, start_date = ?, end_date = ?, problem_profiles = ?,"
                + " disabled_at = ?, disabled_by = ?, updated_at = ? WHERE id = ?",
                Json.texts(r.name()), Json.texts(r.description()), r.status().label(), Sql.date(r.startDate()), Sql.date(r.endDate()),
                Json.write(r.problemProfiles()), Sql.timestamp(r.disabledAt()), r.disabledBy(), r.updatedAt(), r.id());
    }

    static void rollup(Connection c, String id, ItemStatus status, double progress, LocalDate start, LocalDate end) throws SQLException {
        Sql.update(c, "UPDATE tree_item SET status = ?, progress = ?, start_date = ?, end_date = ? WHERE id = ?",
                status.label(), progress, Sql.date(start), Sql.date(end), id);
    }

    static void setPrerequisites(Connection c, String itemId, List<String> prerequisites) throws SQLException {
        Sql.update(c, "DELETE FROM tree_item_prerequisite WHERE item_id = ?", itemId);
        for (String p : prerequisites) {
            Sql.update(c, "INSERT INTO tree_item_prerequisite (item_id, prerequisite_id) VALUES (?, ?)", itemId, p);
        }
    }

    /** Deletes an item; its subtree and every prerequisite link to them go with it (foreign keys cascade). */
    static void delete(Connection c, String id) throws SQLException {
        Sql.update(c, "DELETE FROM tree_item WHERE id = ?", id);
    }

    static void deleteAll(Connection c, String processId) throws SQLException {
        // Links first, then children before parents: no reliance on cascades between rows of one statement.
        Sql.update(c, "DELETE FROM tree_item_prerequisite WHERE item_id IN (SELECT id FROM tree_item WHERE process_id = ?)", processId);
        Sql.update(c, "DELETE FROM tree_item WHERE process_id = ? AND item_type = 'task'", processId);
        Sql.update(c, "DELETE FROM tree_item WHERE process_id = ? AND item_type = 'objective'", processId);
        Sql.update(c, "DELETE FROM tree_item WHERE process_id = ?", processId);
    }

    static int nextPosition(Connection c, String processId, String parentId) throws SQLException {
        return parentId == null
                ? Sql.count(c, "SELECT COALESCE(MAX(position) + 1, 0) FROM tree_item WHERE process_id = ? AND parent_id IS NULL", processId)
                : Sql.count(c, "SELECT COALESCE(MAX(position) + 1, 0) FROM tree_item WHERE parent_id = ?", parentId);
    }

    private static Row read(ResultSet rs) throws SQLException {
        return new Row(rs.getString(1), rs.getString(2), ItemType.valueOf(rs.getString(3).toUpperCase(Locale.ROOT)), rs.getString(4),
                rs.getInt(5), Json.texts(rs.getString(6)), Json.texts(rs.getString(7)),
                ItemStatus.of(rs.getString(8)).orElse(ItemStatus.AWAITING), rs.getDouble(9), Sql.date(rs, 10), Sql.date(rs, 11),
                Json.strings(rs.getString(12)), rs.getString(13), rs.getString(14), Sql.instant(rs, 15), rs.getString(16),
                rs.getString(17), Sql.instant(rs, 18), Sql.instant(rs, 19));
    }
}
