package eu.interlink.contributions.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import eu.interlink.contributions.Assignment;
import eu.interlink.contributions.Certificate;
import eu.interlink.contributions.Claim;
import eu.interlink.contributions.ContributionEvents;
import eu.interlink.contributions.ContributionKind;
import eu.interlink.contributions.ContributionService;
import eu.interlink.contributions.Standing;
import eu.interlink.coproduction.CoproductionProcess;
import eu.interlink.coproduction.FieldException;
import eu.interlink.coproduction.ItemType;
import eu.interlink.coproduction.PermissionService;
import eu.interlink.coproduction.ProcessService;
import eu.interlink.coproduction.Rights;
import eu.interlink.coproduction.TreeItem;
import eu.interlink.coproduction.TreeService;
import eu.interlink.kernel.service.Events;
import eu.interlink.kernel.service.KernelException;
import eu.interlink.store.Store;
import eu.interlink.store.Sql;

/**
 * Assignments, claims and their decisions, the leaderboard and certificates. Who may do what is co-production's
 * {@link PermissionService} answer, asked inside this component's transaction (the store joins it), so a check
 * and the change it allows see the same data.
 */
@Component(service = ContributionService.class)
public class ContributionComponent implements ContributionService {
    static final String ANONYMOUS = "anonymous";
    static final int MAX_TEXT = 2000;
    private static final String ASSIGNMENT_COLUMNS = "id, process_id, task_id, assignee, kind, points, description, created_by, created_at";
    private static final String CLAIM_COLUMNS = "id, process_id, assignment_id, task_id, kind, points, claimant, description, asset_id, status,"
            + " decided_by, reason, created_at, decided_at";

    @Reference
    private Store store;

    @Reference
    private EventAdmin events;

    @Reference
    private PermissionService permissions;

    @Reference
    private TreeService trees;

    @Reference
    private ProcessService processes;

    // ---------------------------------------------------------------- assignments

    @Override
    public Assignment assign(String processId, String taskId, Optional<String> assignee, ContributionKind kind, int points, String description,
            String user) {
        if (kind == null) throw new FieldException("kind", "'kind' is one of management, development, exploitation");
        checkPoints(points);
        String text = text(description, "description", false);
        Assignment made = store.inTransaction(c -> {
            administrator(processId, user, "assign contributions in process '" + processId + "'");
            requireTask(processId, taskId, "task");
            if (assignee.isPresent() && Sql.count(c, "SELECT COUNT(*) FROM account WHERE name = ?", assignee.get()) == 0) {
                throw new FieldException("user", "There is no account '" + clip(assignee.get()) + "'");
            }
            Assignment a = new Assignment(UUID.randomUUID().toString(), processId, taskId, assignee, kind, points, text, user, Instant.now());
            Sql.update(c, "INSERT INTO contribution_assignment (" + ASSIGNMENT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", a.id(), processId, taskId,
                    assignee.orElse(null), kind.label(), points, text, user, a.createdAt());
            return assignment(c, processId, a.id());
        });
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("task", taskId);
        details.put("kind", kind.label());
        details.put("points", points);
        assignee.ifPresent(u -> details.put("assignee", u));
        post(ContributionEvents.ASSIGNED, "contribution-assignment", made.id(), user, processId, assignee.map(List::of).orElse(List.of()), details);
        return made;
    }

    @Override
    public List<Assignment> assignments(String processId, Optional<String> taskId, String user) {
        return store.inTransaction(c -> {
            readable(processId, user);
            if (taskId.isPresent()) {
                requireTask(processId, taskId.get(), "task");
                return Sql.query(c, "SELECT " + ASSIGNMENT_COLUMNS + " FROM contribution_assignment WHERE process_id = ? AND task_id = ? ORDER BY created_at, id",
                        ContributionComponent::assignment, processId, taskId.get());
            }
            return Sql.query(c, "SELECT " + ASSIGNMENT_COLUMNS + " FROM contribution_assignment WHERE process_id = ? ORDER BY created_at, id",
                    ContributionComponent::assignment, processId);
        });
    }

    @Override
    public void unassign(String processId, String assignmentId, String user) {
        store.inTransaction(c -> {
            administrator(processId, user, "remove contributions of process '" + processId + "'");
            assignment(c, processId, assignmentId);
            // Its claims go with it (ON DELETE CASCADE).
            Sql.update(c, "DELETE FROM contribution_assignment WHERE id = ?", assignmentId);
            return null;
        });
    }

    // ---------------------------------------------------------------- claims

    @Override
    public Claim claim(String processId, String assignmentId, String description, Optional<String> assetId, String user) {
        String text = text(description, "description", true);
        Claim made = store.inTransaction(c -> {
            signedIn(user, "claim a contribution");
            readable(processId, user);
            Assignment a = assignment(c, processId, assignmentId);
            Rights onTask = permissions.rights(processId, Optional.of(a.taskId()), user);
            if (a.assignee().isPresent() ? !a.assignee().get().equals(user) : !(onTask.access() || onTask.administer())) {
                throw new KernelException(403, "forbidden", "Forbidden", a.assignee().isPresent()
                        ? "This contribution is assigned to someone else"
                        : "'" + clip(user) + "' has no rights to work on the task of this contribution");
            }
            if (assetId.isPresent() && Sql.count(c, "SELECT COUNT(*) FROM asset WHERE id = ? AND process_id = ?", assetId.get(), processId) == 0) {
                throw new FieldException("asset", "Process '" + processId + "' has no asset '" + clip(assetId.get()) + "'");
            }
            if (Sql.count(c, "SELECT COUNT(*) FROM contribution_claim WHERE assignment_id = ? AND claimant = ? AND status <> ?", assignmentId, user,
                    Claim.Status.REJECTED.label()) > 0) {
                throw new KernelException(409, "already-claimed", "Already claimed",
                        "'" + clip(user) + "' has a pending or approved claim of this contribution already");
            }
            String id = UUID.randomUUID().toString();
            Sql.update(c, "INSERT INTO contribution_claim (" + CLAIM_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, processId, assignmentId,
                    a.taskId(), a.kind().label(), a.points(), user, text, assetId.orElse(null), Claim.Status.PENDING.label(), null, null, Instant.now(),
                    Sql.NULL_TIMESTAMP);
            return claim(c, processId, id);
        });
        // Whoever decides claims is told of this one; a process deleted meanwhile has nobody left to tell.
        List<String> deciders = processes.find(processId).map(CoproductionProcess::administrators).orElse(List.of());
        post(ContributionEvents.CLAIMED, made, user, deciders, Map.of());
        return made;
    }

    @Override
    public List<Claim> claims(String processId, Optional<Claim.Status> status, String user) {
        return store.inTransaction(c -> {
            Rights r = readable(processId, user);
            StringBuilder sql = new StringBuilder("SELECT " + CLAIM_COLUMNS + " FROM contribution_claim WHERE process_id = ?");
            List<Object> params = new ArrayList<>(List.of(processId));
            if (!r.administer()) {
                sql.append(" AND claimant = ?");
                params.add(user);
            }
            if (status.isPresent()) {
                sql.append(" AND status = ?");
                params.add(status.get().label());
            }
            sql.append(" ORDER BY created_at DESC, id");
            return Sql.query(c, sql.toString(), ContributionComponent::claim, params.toArray());
        });
    }

    @Override
    public Claim approve(String processId, String claimId, String user) {
        Claim decided = decide(processId, claimId, Claim.Status.APPROVED, null, user);
        post(ContributionEvents.APPROVED, decided, user, List.of(decided.claimant()), Map.of());
        return decided;
    }

    @Override
    public Claim reject(String processId, String claimId, String reason, String user) {
        String why = text(reason, "reason", true);
        Claim decided = decide(processId, claimId, Claim.Status.REJECTED, why, user);
        post(ContributionEvents.REJECTED, decided, user, List.of(decided.claimant()), Map.of("reason", why));
        return decided;
    }

    private Claim decide(String processId, String claimId, Claim.Status to, String reason, String user) {
        return store.inTransaction(c -> {
            administrator(processId, user, "decide claims in process '" + processId + "'");
            Claim claim = claim(c, processId, claimId);
            if (to == Claim.Status.APPROVED && claim.claimant().equals(user)) {
                throw new KernelException(403, "own-claim", "Own claim",
                        "Nobody approves their own claim: another administrator of the process must");
            }
            // The status in the WHERE makes the decision once, even against a concurrent one.
            int changed = Sql.update(c, "UPDATE contribution_claim SET status = ?, decided_by = ?, reason = ?, decided_at = ? WHERE id = ? AND status = ?",
                    to.label(), user, reason, Instant.now(), claimId, Claim.Status.PENDING.label());
            if (changed == 0) {
                throw new KernelException(409, "claim-decided", "Claim already decided",
                        "This claim was " + claim.status().label() + " already; a claim is decided once");
            }
            return claim(c, processId, claimId);
        });
    }

    // ---------------------------------------------------------------- leaderboard

    @Override
    public boolean leaderboardEnabled(String processId, String user) {
        return store.inTransaction(c -> {
            readable(processId, user);
            return leaderboardOn(c, processId);
        });
    }

    @Override
    public void setLeaderboard(String processId, boolean enabled, String user) {
        boolean changed = store.inTransaction(c -> {
            administrator(processId, user, "change the contribution settings of process '" + processId + "'");
            boolean was = leaderboardOn(c, processId);
            if (Sql.update(c, "UPDATE contribution_settings SET leaderboard = ?, updated_by = ?, updated_at = ? WHERE process_id = ?", enabled, user,
                    Instant.now(), processId) == 0) {
                Sql.update(c, "INSERT INTO contribution_settings (process_id, leaderboard, updated_by, updated_at) VALUES (?, ?, ?, ?)", processId, enabled,
                        user, Instant.now());
            }
            return was != enabled;
        });
        if (changed) {
            post(ContributionEvents.SETTINGS_CHANGED, "process", processId, user, processId, List.of(), Map.of("leaderboard", enabled));
        }
    }

    private static boolean leaderboardOn(Connection c, String processId) throws SQLException {
        return Sql.query(c, "SELECT leaderboard FROM contribution_settings WHERE process_id = ?", rs -> rs.getBoolean(1), processId).stream()
                .findFirst().orElse(false);
    }

    @Override
    public List<Standing> leaderboard(String processId, String user) {
        return store.inTransaction(c -> {
            readable(processId, user);
            if (!leaderboardOn(c, processId)) {
                throw new KernelException(404, "leaderboard-off", "No leaderboard",
                        "Process '" + processId + "' shows no leaderboard; its administrators may turn it on in its contribution settings");
            }
            Map<String, Map<ContributionKind, Integer>> byUser = new TreeMap<>();
            for (Object[] row : Sql.query(c, "SELECT claimant, kind, SUM(points) FROM contribution_claim WHERE process_id = ? AND status = ?"
                    + " GROUP BY claimant, kind", rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getInt(3)}, processId, Claim.Status.APPROVED.label())) {
                byUser.computeIfAbsent((String) row[0], u -> zero()).merge(ContributionKind.of((String) row[1]).orElseThrow(), (Integer) row[2], Integer::sum);
            }
            return Ranking.rank(byUser);
        });
    }

    static Map<ContributionKind, Integer> zero() {
        Map<ContributionKind, Integer> points = new EnumMap<>(ContributionKind.class);
        for (ContributionKind k : ContributionKind.values()) points.put(k, 0);
        return points;
    }

    // ---------------------------------------------------------------- certificate

    @Override
    public Certificate certificate(String processId, String of, String user) {
        return store.inTransaction(c -> {
            Rights r = readable(processId, user);
            boolean own = !ANONYMOUS.equals(user) && user.equals(of);
            if (!r.administer() && !own) {
                throw new KernelException(403, "forbidden", "Forbidden",
                        "A contribution certificate is for its user and the process's administrators only");
            }
            CoproductionProcess p = processes.find(processId).orElseThrow(() -> KernelException.notFound("Process", processId));
            List<Claim> approved = Sql.query(c, "SELECT " + CLAIM_COLUMNS + " FROM contribution_claim WHERE process_id = ? AND claimant = ? AND status = ?"
                    + " ORDER BY decided_at, id", ContributionComponent::claim, processId, of, Claim.Status.APPROVED.label());
            Map<ContributionKind, Integer> points = zero();
            List<Certificate.Item> items = new ArrayList<>();
            Map<String, Map<String, String>> taskNames = new LinkedHashMap<>();
            for (Claim claim : approved) {
                points.merge(claim.kind(), claim.points(), Integer::sum);
                Map<String, String> name = taskNames.computeIfAbsent(claim.taskId(),
                        t -> trees.item(processId, t).map(i -> i.name().values()).orElse(Map.of()));
                items.add(new Certificate.Item(claim, name));
            }
            int total = points.values().stream().mapToInt(Integer::intValue).sum();
            Optional<LocalDate> from = approved.stream().map(Claim::createdAt).min(Instant::compareTo).map(ContributionComponent::day);
            Optional<LocalDate> to = approved.stream().flatMap(a -> a.decidedAt().stream()).max(Instant::compareTo).map(ContributionComponent::day);
            return new Certificate(of, p.id(), p.name(), p.startDate(), p.endDate(), items, points, total, from, to, Instant.now());
        });
    }

    private static LocalDate day(Instant t) {
        return t.atZone(ZoneOffset.UTC).toLocalDate();
    }

    // ---------------------------------------------------------------- rules

    private static void checkPoints(int points) {
        if (points < 1 || points > MAX_POINTS) {
            throw new FieldException("points", "'points' is a whole number from 1 to " + MAX_POINTS + ", not " + points);
        }
    }

    private static String text(String value, String field, boolean required) {
        String t = value == null ? "" : value.strip();
        if (required && t.isEmpty()) throw new FieldException(field, "'" + field + "' is required: say what was done");
        if (t.length() > MAX_TEXT) throw new FieldException(field, "'" + field + "' is at most " + MAX_TEXT + " characters");
        return t;
    }

    private static void signedIn(String user, String what) {
        if (user == null || user.isBlank() || ANONYMOUS.equals(user)) {
            throw new KernelException(401, "unauthenticated", "Not signed in", "Sign in to " + what);
        }
    }

    /** The caller's rights on the process; 404 when they may not read it. */
    private Rights readable(String processId, String user) {
        return permissions.rights(processId, Optional.empty(), user);
    }

    /** 401 for someone anonymous, 404 for whoever may not read the process, 403 for readers who do not administer it. */
    private Rights administrator(String processId, String user, String what) {
        signedIn(user, what);
        Rights r = readable(processId, user);
        if (!r.administer()) throw new KernelException(403, "forbidden", "Forbidden", "Only administrators of the process may " + what);
        return r;
    }

    /** A task of the process; 404 for no such item, 400 naming {@code field} for an item that is no task. */
    private TreeItem requireTask(String processId, String taskId, String field) {
        TreeItem item = trees.item(processId, taskId).orElseThrow(() -> new KernelException(404, "not-found", "Task not found",
                "Process '" + processId + "' has no task '" + clip(taskId) + "'"));
        if (item.type() != ItemType.TASK) throw new FieldException(field, "'" + clip(taskId) + "' is a " + item.type().name().toLowerCase() + ", not a task");
        return item;
    }

    private static Assignment assignment(Connection c, String processId, String id) throws SQLException {
        return Sql.query(c, "SELECT " + ASSIGNMENT_COLUMNS + " FROM contribution_assignment WHERE id = ? AND process_id = ?", ContributionComponent::assignment,
                id, processId).stream().findFirst().orElseThrow(() -> new KernelException(404, "not-found", "Assignment not found",
                        "Process '" + processId + "' has no contribution assignment '" + clip(id) + "'"));
    }

    private static Assignment assignment(ResultSet rs) throws SQLException {
        return new Assignment(rs.getString(1), rs.getString(2), rs.getString(3), Optional.ofNullable(rs.getString(4)),
                ContributionKind.of(rs.getString(5)).orElseThrow(), rs.getInt(6), rs.getString(7), rs.getString(8), Sql.instant(rs, 9));
    }

    private static Claim claim(Connection c, String processId, String id) throws SQLException {
        return Sql.query(c, "SELECT " + CLAIM_COLUMNS + " FROM contribution_claim WHERE id = ? AND process_id = ?", ContributionComponent::claim, id, processId)
                .stream().findFirst().orElseThrow(() -> new KernelException(404, "not-found", "Claim not found",
                        "Process '" + processId + "' has no contribution claim '" + clip(id) + "'"));
    }

    private static Claim claim(ResultSet rs) throws SQLException {
        return new Claim(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), ContributionKind.of(rs.getString(5)).orElseThrow(), rs.getInt(6),
                rs.getString(7), rs.getString(8), Optional.ofNullable(rs.getString(9)), Claim.Status.of(rs.getString(10)).orElseThrow(),
                Optional.ofNullable(rs.getString(11)), Optional.ofNullable(rs.getString(12)), Sql.instant(rs, 13), Optional.ofNullable(Sql.instant(rs, 14)));
    }

    static String clip(String s) {
        if (s == null) return "";
        String printable = s.codePoints().map(ch -> Character.isISOControl(ch) ? '?' : ch)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() <= 80 ? printable : printable.substring(0, 80) + "…";
    }

    // ---------------------------------------------------------------- events

    private void post(String topic, Claim claim, String actor, List<String> users, Map<String, Object> more) {
        Map<String, Object> details = new LinkedHashMap<>(more);
        details.put("claimant", claim.claimant());
        details.put("assignment", claim.assignmentId());
        details.put("task", claim.taskId());
        details.put("kind", claim.kind().label());
        details.put("points", claim.points());
        post(topic, "contribution-claim", claim.id(), actor, claim.processId(), users, details);
    }

    private void post(String topic, String subjectType, String subjectId, String actor, String processId, List<String> users, Map<String, Object> details) {
        if (events == null) return;
        Map<String, Object> props = new LinkedHashMap<>(details);
        props.put(Events.SUBJECT_TYPE, subjectType);
        props.put(Events.SUBJECT_ID, subjectId);
        props.put(Events.ACTOR, actor);
        props.put(Events.PROCESS_ID, processId);
        props.put(ContributionEvents.USERS, List.copyOf(users));
        events.postEvent(new Event(topic, props));
    }
}
