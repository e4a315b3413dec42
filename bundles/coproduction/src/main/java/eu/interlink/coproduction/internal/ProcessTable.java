package eu.interlink.coproduction.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import eu.interlink.coproduction.CoproductionProcess;
import eu.interlink.coproduction.ItemStatus;
import eu.interlink.coproduction.Language;
import eu.interlink.coproduction.ProcessQuery;
import eu.interlink.kernel.service.KernelException;
import eu.interlink.store.Sql;

/** The SQL of processes and their administrators, on the caller's transaction. */
final class ProcessTable {
    private ProcessTable() {
    }

    static final String COLUMNS = "id, name, description, aim, idea, organization_description, challenges, requirements, language,"
            + " logotype, tags, is_public, status, progress, start_date, end_date, created_by, created_at, updated_at";

    static Optional<CoproductionProcess> find(Connection c, String id) throws SQLException {
        List<CoproductionProcess> found = Sql.query(c, "SELECT " + COLUMNS + " FROM coproduction_process WHERE id = ?", rs -> read(c, rs), id);
        return found.stream().findFirst();
    }

    static CoproductionProcess require(Connection c, String id) throws SQLException {
        return find(c, id).orElseThrow(() -> KernelException.notFound("Process", id));
    }

    /**
     * The process, if {@code user} administers it: 404 when there is no such process or the caller may not even
     * read it, 401 for someone anonymous, 403 when not theirs.
     */
    static CoproductionProcess requireAdministrator(Connection c, String id, String user) throws SQLException {
        CoproductionProcess p = requireAdministratorOfAny(c, id, user);
        if (Access.frozen(c, id)) {
            throw new KernelException(409, "process-frozen", "Read-only process",
                    "Process '" + id + "' is frozen (a published story's record) and cannot be changed; clone it to work on a copy");
        }
        return p;
    }

    /** As {@link #requireAdministrator}, a frozen process too: for deleting it. */
    static CoproductionProcess requireAdministratorOfAny(Connection c, String id, String user) throws SQLException {
        CoproductionProcess p = ProcessTable.find(c, id).orElseThrow(() -> KernelException.notFound("Process", id));
        if (!Access.rights(c, p, null, user).read()) throw KernelException.notFound("Process", id);
        Access.require(true, user, "change process '" + id + "'");
        if (!p.administrators().contains(user)) {
            throw new KernelException(403, "not-an-administrator", "Not an administrator",
                    "Only an administrator of process '" + id + "' may change it; '" + Text.clip(user) + "' is not one");
        }
        return p;
    }

    static void insert(Connection c, CoproductionProcess p) throws SQLException {
        Sql.update(c, "INSERT INTO coproduction_process (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                p.id(), p.name(), p.description(), p.aim(), p.idea(), p.organizationDescription(), p.challenges(), p.requirements(),
                p.language().code(), p.logotype().orElse(null), Json.write(p.tags()), p.isPublic(), p.status().label(), p.progress(),
                Sql.date(p.startDate().orElse(null)), Sql.date(p.endDate().orElse(null)), p.createdBy(), p.createdAt(), p.updatedAt());
    }

    static void update(Connection c, CoproductionProcess p) throws SQLException {
        Sql.update(c, "UPDATE coproduction_process SET name = ?, description = ?, aim = ?, idea = ?, organization_description = ?,"
                + " challenges = ?, requirements = ?, language = ?, logotype = ?, tags = ?, is_public = ?, status = ?, updated_at = ? WHERE id = ?",
                p.name(), p.description(), p.aim(), p.idea(), p.organizationDescription(), p.challenges(), p.requirements(),
                p.language().code(), p.logotype().orElse(null), Json.write(p.tags()), p.isPublic(), p.status().label(), p.updatedAt(), p.id());
    }

    /** Writes what the roll-up computed. */
    static void rollup(Connection c, String id, ItemStatus status, double progress, LocalDate start, LocalDate end) throws SQLException {
        Sql.update(c, "UPDATE coproduction_process SET status = ?, progress = ?, start_date = ?, end_date = ? WHERE id = ?",
                status.label(), progress, Sql.date(start), Sql.date(end), id);
    }

    static void delete(Connection c, String id) throws SQLException {
        Sql.update(c, "DELETE FROM coproduction_process WHERE id = ?", id);
    }

    static int count(Connection c, ProcessQuery q) throws SQLException {
        List<Object> params = new ArrayList<>();
        String where = where(q, params);
        return Sql.count(c, "SELECT COUNT(*) FROM coproduction_process" + where, params.toArray());
    }

    static List<CoproductionProcess> page(Connection c, ProcessQuery q) throws SQLException {
        List<Object> params = new ArrayList<>();
        String where = where(q, params);
        params.add(q.offset());
        params.add(q.limit());
        return Sql.query(c, "SELECT " + COLUMNS + " FROM coproduction_process" + where + " ORDER BY created_at DESC, id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                rs -> read(c, rs), params.toArray());
    }

    private static String where(ProcessQuery q, List<Object> params) {
        StringBuilder w = new StringBuilder(" WHERE 1 = 1");
        // Only what the viewer may read: public processes, and those they administer or take part in by a team.
        String viewer = q.viewer().filter(Access::signedIn).orElse(null);
        String theirs = "id IN (SELECT process_id FROM process_administrator WHERE user_name = ?)"
                + " OR id IN (SELECT pp.process_id FROM process_permission pp JOIN team_member tm ON tm.team_id = pp.team_id WHERE tm.user_name = ?)";
        if (q.mine()) {
            if (viewer == null) return " WHERE 1 = 0";
            w.append(" AND (").append(theirs).append(")");
            params.add(viewer);
            params.add(viewer);
        } else if (viewer == null) {
            w.append(" AND is_public = TRUE");
        } else {
            w.append(" AND (is_public = TRUE OR ").append(theirs).append(")");
            params.add(viewer);
            params.add(viewer);
        }
        q.status().ifPresent(s -> { w.append(" AND status = ?"); params.add(s.label()); });
        q.isPublic().ifPresent(p -> { w.append(" AND is_public = ?"); params.add(p); });
        q.text().ifPresent(text -> {
            for (String word : text.toLowerCase(java.util.Locale.ROOT).trim().split("\\s+")) {
                if (word.isEmpty()) continue;
                String like = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                w.append(" AND (LOWER(name) LIKE ? ESCAPE '\\' OR LOWER(description) LIKE ? ESCAPE '\\')");
                params.add(like);
                params.add(like);
            }
        });
        return w.toString();
    }

    static List<String> administrators(Connection c, String id) throws SQLException {
        return Sql.query(c, "SELECT user_name FROM process_administrator WHERE process_id = ? ORDER BY added_at, user_name", rs -> rs.getString(1), id);
    }

    static void addAdministrator(Connection c, String id, String user, String by) throws SQLException {
        Sql.update(c, "INSERT INTO process_administrator (process_id, user_name, added_by, added_at) VALUES (?, ?, ?, ?)", id, user, by, Instant.now());
    }

    static boolean removeAdministrator(Connection c, String id, String user) throws SQLException {
        return Sql.update(c, "DELETE FROM process_administrator WHERE process_id = ? AND user_name = ?", id, user) > 0;
    }

    static void touch(Connection c, String id) throws SQLException {
        Sql.update(c, "UPDATE coproduction_process SET updated_at = ? WHERE id = ?", Instant.now(), id);
    }

    private static CoproductionProcess read(Connection c, ResultSet rs) throws SQLException {
        String id = rs.getString(1);
        List<String> schemas = Sql.query(c, "SELECT DISTINCT schema_id FROM tree_item WHERE process_id = ? AND schema_id IS NOT NULL ORDER BY schema_id",
                r -> r.getString(1), id);
        return new CoproductionProcess(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), Language.of(rs.getString(9)).orElse(Language.FALLBACK), Optional.ofNullable(rs.getString(10)),
                Json.strings(rs.getString(11)), rs.getBoolean(12), ItemStatus.of(rs.getString(13)).orElse(ItemStatus.AWAITING), rs.getDouble(14),
                Optional.ofNullable(Sql.date(rs, 15)), Optional.ofNullable(Sql.date(rs, 16)), schemas, administrators(c, id),
                rs.getString(17), Sql.instant(rs, 18), Sql.instant(rs, 19));
    }
}
