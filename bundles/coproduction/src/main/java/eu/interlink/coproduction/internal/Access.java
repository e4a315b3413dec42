package eu.interlink.coproduction.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import eu.interlink.coproduction.CoproductionProcess;
import eu.interlink.coproduction.Rights;
import eu.interlink.kernel.service.KernelException;
import eu.interlink.store.Sql;

/**
 * Decides what a caller may do on a process or an item, inside the caller's transaction so that the decision
 * and the change it allows see the same data. Team membership is read from the teams bundle's
 * {@code team_member} table: one indexed join, on the hot path of every request about a process.
 */
final class Access {
    static final String ANONYMOUS = "anonymous";

    private Access() {
    }

    /** One team's grant in a process: on the whole process ({@code itemId} null) or on an item of it. */
    record Grant(String itemId, String teamId, boolean access, boolean create, boolean delete) {
    }

    static boolean signedIn(String user) {
        return user != null && !user.isBlank() && !ANONYMOUS.equals(user);
    }

    /** The process, or a 404 that also stands for "exists, but not for you". */
    static CoproductionProcess requireReadable(Connection c, String processId, String user) throws SQLException {
        CoproductionProcess p = ProcessTable.find(c, processId).orElseThrow(() -> KernelException.notFound("Process", processId));
        if (!rights(c, p, null, user).read()) throw KernelException.notFound("Process", processId);
        return p;
    }

    /** Rights on the process ({@code itemId} null) or on an item of it, which must exist (404). */
    static Rights rights(Connection c, CoproductionProcess p, String itemId, String user) throws SQLException {
        List<String> path = itemId == null ? List.of() : path(c, p.id(), itemId);
        if (frozen(c, p.id())) return FROZEN_READER;
        if (!signedIn(user)) return p.isPublic() ? publicReader() : Rights.NONE;
        if (p.administrators().contains(user)) return Rights.administrator();
        List<Grant> grants = Sql.query(c, "SELECT pp.tree_item_id, pp.team_id, pp.access_assets, pp.create_assets, pp.delete_assets"
                + " FROM process_permission pp JOIN team_member tm ON tm.team_id = pp.team_id WHERE pp.process_id = ? AND tm.user_name = ?",
                rs -> new Grant(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4), rs.getBoolean(5)), p.id(), user);
        if (grants.isEmpty()) return p.isPublic() ? publicReader() : Rights.NONE;
        return merge(grants, path);
    }

    /**
     * A member's rights from their teams' grants in the process: the deepest level holding a grant decides (the item
     * itself, then each ancestor in {@code path}, deepest first, then the whole process), and there the teams'
     * grants add up.
     */
    static Rights merge(List<Grant> grants, List<String> path) {
        for (int depth = 0; depth <= path.size(); depth++) {
            String level = depth < path.size() ? path.get(depth) : null;
            boolean access = false;
            boolean create = false;
            boolean delete = false;
            TreeSet<String> teams = null;
            for (Grant g : grants) {
                if (java.util.Objects.equals(g.itemId(), level)) {
                    access |= g.access();
                    create |= g.create();
                    delete |= g.delete();
                    if (teams == null) teams = new TreeSet<>();
                    teams.add(g.teamId());
                }
            }
            if (teams != null) return new Rights(true, false, access, create, delete, MEMBER, List.copyOf(teams));
        }
        return new Rights(true, false, false, false, false, MEMBER, List.of());
    }

    private static final List<String> MEMBER = List.of("member");

    /** What everyone, its former administrators too, may do on a frozen process: read it. */
    private static final Rights FROZEN_READER = new Rights(true, false, false, false, false, List.of("public", "frozen"), List.of());

    static boolean frozen(Connection c, String processId) throws SQLException {
        return Sql.query(c, "SELECT frozen FROM coproduction_process WHERE id = ?", rs -> rs.getBoolean(1), processId)
                .stream().findFirst().orElse(false);
    }

    private static Rights publicReader() {
        return new Rights(true, false, false, false, false, List.of("public"), List.of());
    }

    /** The item and its ancestors, deepest first; 404 when the process has no such item. */
    static List<String> path(Connection c, String processId, String itemId) throws SQLException {
        List<String> path = new ArrayList<>(3);
        String at = itemId;
        while (at != null && path.size() < 8) {
            String current = at;
            Optional<String> parent = Sql.query(c, "SELECT parent_id FROM tree_item WHERE id = ? AND process_id = ?",
                    rs -> Optional.ofNullable(rs.getString(1)), current, processId).stream().findFirst()
                    .orElseThrow(() -> new KernelException(404, "not-found", "Item not found",
                            "Process '" + processId + "' has no item '" + Text.clip(current) + "'"));
            path.add(current);
            at = parent.orElse(null);
        }
        return path;
    }

    /** 401 for someone anonymous, then 403 unless {@code allowed}. */
    static void require(boolean allowed, String user, String what) {
        if (!signedIn(user)) {
            throw new KernelException(401, "unauthenticated", "Not signed in", "Sign in to " + what);
        }
        if (!allowed) {
            throw new KernelException(403, "forbidden", "Forbidden", "'" + Text.clip(user) + "' may not " + what);
        }
    }
}
