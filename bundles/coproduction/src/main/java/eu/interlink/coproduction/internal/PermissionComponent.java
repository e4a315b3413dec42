package eu.interlink.coproduction.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

import eu.interlink.coproduction.CoproductionEvents;
import eu.interlink.coproduction.CoproductionProcess;
import eu.interlink.coproduction.FieldException;
import eu.interlink.coproduction.ParticipationRequest;
import eu.interlink.coproduction.Permission;
import eu.interlink.coproduction.PermissionService;
import eu.interlink.coproduction.Rights;
import eu.interlink.kernel.service.KernelException;
import eu.interlink.kernel.service.Page;
import eu.interlink.store.Store;
import eu.interlink.store.Sql;

/** Grants to teams on processes and subtrees, the rights they give, and participation requests. */
@Component(service = PermissionService.class)
public class PermissionComponent implements PermissionService {
    static final int MAX_MESSAGE = 2000;
    private static final String PERMISSION_COLUMNS = "id, process_id, tree_item_id, team_id, access_assets, create_assets, delete_assets, granted_by, granted_at";
    private static final String REQUEST_COLUMNS = "id, process_id, applicant, message, status, team_id, decided_by, created_at, decided_at";

    @Reference
    private Store store;

    @Reference
    private EventAdmin events;

    @Override
    public Rights rights(String processId, Optional<String> itemId, String user) {
        return store.inTransaction(c -> {
            CoproductionProcess p = Access.requireReadable(c, processId, user);
            return Access.rights(c, p, itemId.orElse(null), user);
        });
    }

    @Override
    public List<Permission> list(String processId, String user) {
        return store.inTransaction(c -> {
            administrator(c, processId, user, "see the permissions of process '" + processId + "'");
            return permissions(c, processId);
        });
    }

    @Override
    public Permission grant(String processId, Optional<String> itemId, String teamId, boolean access, boolean createAssets,
            boolean deleteAssets, String user) {
        if (teamId == null || teamId.isBlank()) throw new FieldException("team", "'team' is the id of the team to grant rights to");
        Permission granted = store.inTransaction(c -> {
            administrator(c, processId, user, "grant permissions on process '" + processId + "'");
            if (itemId.isPresent()) Access.path(c, processId, itemId.get());
            if (Sql.count(c, "SELECT COUNT(*) FROM team WHERE id = ?", teamId) == 0) {
                throw new FieldException("team", "There is no team '" + Text.clip(teamId) + "'");
            }
            String where = itemId.isPresent() ? "tree_item_id = ?" : "tree_item_id IS NULL";
            Object[] params = itemId.isPresent() ? new Object[] {processId, teamId, itemId.get()} : new Object[] {processId, teamId};
            if (Sql.count(c, "SELECT COUNT(*) FROM process_permission WHERE process_id = ? AND team_id = ? AND " + where, params) > 0) {
                throw new KernelException(409, "already-granted", "Already granted", "Team '" + Text.clip(teamId) + "' already has a grant "
                        + itemId.map(i -> "on item '" + i + "'").orElse("on the whole process") + "; change or revoke that one");
            }
            String id = UUID.randomUUID().toString();
            Sql.update(c, "INSERT INTO process_permission (" + PERMISSION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, processId,
                    itemId.orElse(null), teamId, access, createAssets, deleteAssets, user, Instant.now());
            ProcessTable.touch(c, processId);
            return permission(c, processId, id);
        });
        post(CoproductionEvents.PERMISSION_GRANTED, granted, user);
        return granted;
    }

    @Override
    public Permission change(String processId, String permissionId, Boolean access, Boolean createAssets, Boolean deleteAssets, String user) {
        Permission changed = store.inTransaction(c -> {
            administrator(c, processId, user, "change permissions on process '" + processId + "'");
            Permission old = permission(c, processId, permissionId);
            Sql.update(c, "UPDATE process_permission SET access_assets = ?, create_assets = ?, delete_assets = ? WHERE id = ?",
                    access == null ? old.access() : access, createAssets == null ? old.createAssets() : createAssets,
                    deleteAssets == null ? old.deleteAssets() : deleteAssets, permissionId);
            ProcessTable.touch(c, processId);
            return permission(c, processId, permissionId);
        });
        post(CoproductionEvents.PERMISSION_CHANGED, changed, user);
        return changed;
    }

    @Override
    public void revoke(String processId, String permissionId, String user) {
        Permission revoked = store.inTransaction(c -> {
            administrator(c, processId, user, "revoke permissions on process '" + processId + "'");
            Permission old = permission(c, processId, permissionId);
            Sql.update(c, "DELETE FROM process_permission WHERE id = ?", permissionId);
            ProcessTable.touch(c, processId);
            return old;
        });
        post(CoproductionEvents.PERMISSION_REVOKED, revoked, user);
    }

    // ---------------------------------------------------------------- participation requests

    @Override
    public ParticipationRequest requestParticipation(String processId, String message, String user) {
        String text = message == null ? "" : message.trim();
        if (text.length() > MAX_MESSAGE) throw new FieldException("message", "'message' is at most " + MAX_MESSAGE + " characters");
        ParticipationRequest created = store.inTransaction(c -> {
            CoproductionProcess p = Access.requireReadable(c, processId, user);
            Access.require(true, user, "ask to take part in a process");
            if (!p.isPublic()) {
                throw new KernelException(409, "not-public", "Process not public", "Only public processes take participation requests");
            }
            Rights r = Access.rights(c, p, null, user);
            if (r.administer() || r.roles().contains("member")) {
                throw new KernelException(409, "already-participating", "Already taking part",
                        "'" + Text.clip(user) + "' already takes part in process '" + processId + "'");
            }
            if (Sql.count(c, "SELECT COUNT(*) FROM participation_request WHERE process_id = ? AND applicant = ? AND status = 'pending'",
                    processId, user) > 0) {
                throw new KernelException(409, "already-requested", "Request pending",
                        "'" + Text.clip(user) + "' already has a pending request for process '" + processId + "'");
            }
            String id = UUID.randomUUID().toString();
            Sql.update(c, "INSERT INTO participation_request (" + REQUEST_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, processId, user,
                    text, ParticipationRequest.Status.PENDING.label(), null, null, Instant.now(), Sql.timestamp(null));
            return request(c, processId, id);
        });
        post(CoproductionEvents.PARTICIPATION_REQUESTED, created, user);
        return created;
    }

    @Override
    public Page<ParticipationRequest> participationRequests(String processId, Optional<ParticipationRequest.Status> status, String user,
            int offset, int limit) {
        return store.inTransaction(c -> {
            CoproductionProcess p = Access.requireReadable(c, processId, user);
            Access.require(true, user, "see participation requests");
            StringBuilder where = new StringBuilder(" WHERE process_id = ?");
            List<Object> params = new java.util.ArrayList<>(List.of(processId));
            if (!p.administrators().contains(user)) {
                where.append(" AND applicant = ?");
                params.add(user);
            }
            status.ifPresent(s -> {
                where.append(" AND status = ?");
                params.add(s.label());
            });
            int total = Sql.count(c, "SELECT COUNT(*) FROM participation_request" + where, params.toArray());
            params.add(offset);
            params.add(limit);
            List<ParticipationRequest> items = Sql.query(c, "SELECT " + REQUEST_COLUMNS + " FROM participation_request" + where
                    + " ORDER BY created_at DESC, id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", PermissionComponent::request, params.toArray());
            return new Page<>(items, total, offset, limit);
        });
    }

    @Override
    public ParticipationRequest accept(String processId, String requestId, String teamId, String user) {
        if (teamId == null || teamId.isBlank()) throw new FieldException("team", "'team' is the team the applicant joins");
        ParticipationRequest accepted = store.inTransaction(c -> {
            administrator(c, processId, user, "decide participation requests of process '" + processId + "'");
            ParticipationRequest r = pending(c, processId, requestId);
            if (Sql.count(c, "SELECT COUNT(*) FROM process_permission WHERE process_id = ? AND team_id = ?", processId, teamId) == 0) {
                throw new FieldException("team", "Team '" + Text.clip(teamId) + "' has no grant on process '" + processId
                        + "'; grant it rights first, or choose one of the process's teams");
            }
            if (Sql.count(c, "SELECT COUNT(*) FROM team_member WHERE team_id = ? AND user_name = ? AND is_administrator = TRUE", teamId, user) == 0) {
                throw new KernelException(403, "forbidden", "Forbidden", "Only an administrator of team '" + Text.clip(teamId)
                        + "' may add members to it; '" + Text.clip(user) + "' is not one");
            }
            if (Sql.count(c, "SELECT COUNT(*) FROM team_member WHERE team_id = ? AND user_name = ?", teamId, r.applicant()) == 0) {
                Sql.update(c, "INSERT INTO team_member (team_id, user_name, is_administrator, added_by, added_at) VALUES (?, ?, FALSE, ?, ?)",
                        teamId, r.applicant(), user, Instant.now());
            }
            decide(c, requestId, ParticipationRequest.Status.ACCEPTED, teamId, user);
            return request(c, processId, requestId);
        });
        post(CoproductionEvents.PARTICIPATION_ACCEPTED, accepted, user);
        return accepted;
    }

    @Override
    public ParticipationRequest decline(String processId, String requestId, String user) {
        ParticipationRequest declined = store.inTransaction(c -> {
            administrator(c, processId, user, "decide participation requests of process '" + processId + "'");
            pending(c, processId, requestId);
            decide(c, requestId, ParticipationRequest.Status.DECLINED, null, user);
            return request(c, processId, requestId);
        });
        post(CoproductionEvents.PARTICIPATION_DECLINED, declined, user);
        return declined;
    }

    // ---------------------------------------------------------------- helpers

    /** 404 unless the caller may read the process, then 401/403 unless they administer it. */
    private static CoproductionProcess administrator(Connection c, String processId, String user, String what) throws SQLException {
        CoproductionProcess p = Access.requireReadable(c, processId, user);
        Access.require(p.administrators().contains(user), user, what);
        return p;
    }

    private static List<Permission> permissions(Connection c, String processId) throws SQLException {
        return Sql.query(c, "SELECT " + PERMISSION_COLUMNS + " FROM process_permission WHERE process_id = ?"
                + " ORDER BY CASE WHEN tree_item_id IS NULL THEN 0 ELSE 1 END, granted_at, id", PermissionComponent::permission, processId);
    }

    private static Permission permission(Connection c, String processId, String id) throws SQLException {
        return Sql.query(c, "SELECT " + PERMISSION_COLUMNS + " FROM process_permission WHERE id = ? AND process_id = ?",
                PermissionComponent::permission, id, processId).stream().findFirst()
                .orElseThrow(() -> new KernelException(404, "not-found", "Permission not found",
                        "Process '" + processId + "' has no permission '" + Text.clip(id) + "'"));
    }

    private static Permission permission(java.sql.ResultSet rs) throws SQLException {
        return new Permission(rs.getString(1), rs.getString(2), Optional.ofNullable(rs.getString(3)), rs.getString(4), rs.getBoolean(5),
                rs.getBoolean(6), rs.getBoolean(7), rs.getString(8), Sql.instant(rs, 9));
    }

    private static ParticipationRequest request(Connection c, String processId, String id) throws SQLException {
        return Sql.query(c, "SELECT " + REQUEST_COLUMNS + " FROM participation_request WHERE id = ? AND process_id = ?",
                PermissionComponent::request, id, processId).stream().findFirst()
                .orElseThrow(() -> new KernelException(404, "not-found", "Request not found",
                        "Process '" + processId + "' has no participation request '" + Text.clip(id) + "'"));
    }

    private static ParticipationRequest request(java.sql.ResultSet rs) throws SQLException {
        return new ParticipationRequest(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                ParticipationRequest.Status.of(rs.getString(5)).orElse(ParticipationRequest.Status.PENDING), Optional.ofNullable(rs.getString(6)),
                Optional.ofNullable(rs.getString(7)), Sql.instant(rs, 8), Optional.ofNullable(Sql.instant(rs, 9)));
    }

    private static ParticipationRequest pending(Connection c, String processId, String requestId) throws SQLException {
        ParticipationRequest r = request(c, processId, requestId);
        if (r.status() != ParticipationRequest.Status.PENDING) {
            throw new KernelException(409, "already-decided", "Already decided", "Request '" + Text.clip(requestId) + "' was " + r.status().label());
        }
        return r;
    }

    private static void decide(Connection c, String requestId, ParticipationRequest.Status status, String teamId, String user) throws SQLException {
        Sql.update(c, "UPDATE participation_request SET status = ?, team_id = ?, decided_by = ?, decided_at = ? WHERE id = ? AND status = 'pending'",
                status.label(), teamId, user, Instant.now(), requestId);
    }

    private void post(String topic, Permission p, String user) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("team", p.teamId());
        p.itemId().ifPresent(i -> details.put("item", i));
        details.put("access", p.access());
        details.put("createAssets", p.createAssets());
        details.put("deleteAssets", p.deleteAssets());
        Poster.post(events, topic, "permission", p.id(), user, p.processId(), details);
    }

    private void post(String topic, ParticipationRequest r, String user) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("applicant", r.applicant());
        r.teamId().ifPresent(t -> details.put("team", t));
        Poster.post(events, topic, "participation", r.id(), user, r.processId(), details);
    }
}
