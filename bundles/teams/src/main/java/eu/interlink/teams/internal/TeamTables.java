package eu.interlink.teams.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import eu.interlink.kernel.service.KernelException;
import eu.interlink.teams.InvalidFieldException;
import eu.interlink.teams.Organisation;
import eu.interlink.teams.Team;
import eu.interlink.teams.TeamApplication;
import eu.interlink.teams.TeamCreation;
import eu.interlink.teams.TeamType;
import eu.interlink.store.Sql;

/**
 * The SQL of organisations, teams, members and applications, and who may read and change them, on the caller's
 * transaction. Portable between H2 and PostgreSQL.
 */
final class TeamTables {
    private TeamTables() {
    }

    /** The role of platform operators (eu.interlink.identity.Account.OPERATOR), kept by bundles/identity in account_role. */
    static final String OPERATOR_ROLE = "operator";

    // ------------------------------------------------------------------ who

    static boolean isOperator(Connection c, String user) throws SQLException {
        if (Rules.anonymous(user)) return false;
        return !Sql.query(c, "SELECT 1 FROM account a JOIN account_role r ON r.account_id = a.id WHERE a.name = ? AND r.role = ?",
                rs -> 1, user, OPERATOR_ROLE).isEmpty();
    }

    static boolean accountExists(Connection c, String name) throws SQLException {
        return !Sql.query(c, "SELECT 1 FROM account WHERE name = ?", rs -> 1, name).isEmpty();
    }

    /** The account exists, or a 400 naming {@code field}. */
    static void requireAccount(Connection c, String name, String field) throws SQLException {
        if (!accountExists(c, name)) throw new InvalidFieldException(field, "There is no account '" + Rules.clip(name) + "'");
    }

    /** Whether {@code user} is a member of any team of the organisation. */
    static boolean isMemberOfOrganisation(Connection c, String organisationId, String user) throws SQLException {
        return !Sql.query(c, "SELECT 1 FROM team_member m JOIN team t ON t.id = m.team_id WHERE t.organisation_id = ? AND m.user_name = ?",
                rs -> 1, organisationId, user).isEmpty();
    }

    static boolean mayRead(Connection c, Organisation o, String viewer) throws SQLException {
        if (o.isPublic()) return true;
        if (Rules.anonymous(viewer)) return false;
        return o.administrators().contains(viewer) || isMemberOfOrganisation(c, o.id(), viewer) || isOperator(c, viewer);
    }

    static boolean mayRead(Connection c, Team t, Optional<Organisation> o, String viewer) throws SQLException {
        if (o.isPresent() && o.get().isPublic()) return true;
        if (Rules.anonymous(viewer)) return false;
        return t.members().contains(viewer) || (o.isPresent() && o.get().administrators().contains(viewer)) || isOperator(c, viewer);
    }

    static boolean mayManage(Team t, Optional<Organisation> o, String user) {
        return t.administrators().contains(user) || (o.isPresent() && o.get().administrators().contains(user));
    }

    // ------------------------------------------------------------------ organisations

    private static final String ORGANISATION_COLUMNS = "id, name, description, is_public, default_team_type, team_creation, created_by, created_at, updated_at";

    static Optional<Organisation> findOrganisation(Connection c, String id) throws SQLException {
        return Sql.query(c, "SELECT " + ORGANISATION_COLUMNS + " FROM organisation WHERE id = ?", rs -> organisation(c, rs), id).stream().findFirst();
    }

    /** The organisation if {@code viewer} may read it; 404 as if it did not exist otherwise. */
    static Organisation readableOrganisation(Connection c, String id, String viewer) throws SQLException {
        Optional<Organisation> o = findOrganisation(c, id);
        if (o.isEmpty() || !mayRead(c, o.get(), viewer)) throw KernelException.notFound("Organisation", Rules.clip(id));
        return o.get();
    }

    /** The organisation if {@code user} administers it: 404 when it may not read it, 403 when it may read only. */
    static Organisation administeredOrganisation(Connection c, String id, String user) throws SQLException {
        Organisation o = readableOrganisation(c, id, user);
        if (!o.administrators().contains(user)) {
            throw new KernelException(403, "not-an-administrator", "Not an administrator",
                    "Only an administrator of organisation '" + id + "' may change it; '" + Rules.clip(user) + "' is not one");
        }
        return o;
    }

    static void insertOrganisation(Connection c, Organisation o) throws SQLException {
        Sql.update(c, "INSERT INTO organisation (" + ORGANISATION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", o.id(), Json.write(o.name()),
                Json.write(o.description()), o.isPublic(), o.defaultTeamType().name(), o.teamCreation().name(), o.createdBy(), o.createdAt(), o.updatedAt());
    }

    static void updateOrganisation(Connection c, Organisation o) throws SQLException {
        Sql.update(c, "UPDATE organisation SET name = ?, description = ?, is_public = ?, default_team_type = ?, team_creation = ?, updated_at = ? WHERE id = ?",
                Json.write(o.name()), Json.write(o.description()), o.isPublic(), o.defaultTeamType().name(), o.teamCreation().name(), o.updatedAt(), o.id());
    }

    static void deleteOrganisation(Connection c, String id) throws SQLException {
        Sql.update(c, "DELETE FROM organisation WHERE id = ?", id);
    }

    static void touchOrganisation(Connection c, String id) throws SQLException {
        Sql.update(c, "UPDATE organisation SET updated_at = ? WHERE id = ?", Instant.now(), id);
    }

    static void addOrganisationAdministrator(Connection c, String id, String user, String by) throws SQLException {
        Sql.update(c, "INSERT INTO organisation_administrator (organisation_id, user_name, added_by, added_at) VALUES (?, ?, ?, ?)", id, user, by, Instant.now());
    }

    static void removeOrganisationAdministrator(Connection c, String id, String user) throws SQLException {
        Sql.update(c, "DELETE FROM organisation_administrator WHERE organisation_id = ? AND user_name = ?", id, user);
    }

    /** The condition on {@code o} under which {@code viewer} may read an organisation; adds its parameters. */
    private static String organisationVisible(Connection c, String viewer, List<Object> params) throws SQLException {
        if (Rules.anonymous(viewer)) return "o.is_public = TRUE";
        if (isOperator(c, viewer)) return "1 = 1";
        params.add(viewer);
        params.add(viewer);
        return "(o.is_public = TRUE OR EXISTS (SELECT 1 FROM organisation_administrator a WHERE a.organisation_id = o.id AND a.user_name = ?)"
                + " OR EXISTS (SELECT 1 FROM team t JOIN team_member m ON m.team_id = t.id WHERE t.organisation_id = o.id AND m.user_name = ?))";
    }

    static int countOrganisations(Connection c, String viewer) throws SQLException {
        List<Object> params = new ArrayList<>();
        String where = organisationVisible(c, viewer, params);
        return Sql.count(c, "SELECT COUNT(*) FROM organisation o WHERE " + where, params.toArray());
    }

    static List<Organisation> organisations(Connection c, String viewer, int offset, int limit) throws SQLException {
        List<Object> params = new ArrayList<>();
        String where = organisationVisible(c, viewer, params);
        params.add(offset);
        params.add(limit);
        return Sql.query(c, "SELECT " + prefixed("o.", ORGANISATION_COLUMNS) + " FROM organisation o WHERE " + where
                + " ORDER BY o.created_at DESC, o.id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", rs -> organisation(c, rs), params.toArray());
    }

    private static Organisation organisation(Connection c, ResultSet rs) throws SQLException {
        String id = rs.getString(1);
        List<String> administrators = Sql.query(c, "SELECT user_name FROM organisation_administrator WHERE organisation_id = ? ORDER BY added_at, user_name",
                r -> r.getString(1), id);
        return new Organisation(id, Json.texts(rs.getString(2)), Json.texts(rs.getString(3)), rs.getBoolean(4), TeamType.valueOf(rs.getString(5)),
                TeamCreation.valueOf(rs.getString(6)), administrators, rs.getString(7), Sql.instant(rs, 8), Sql.instant(rs, 9));
    }

    // ------------------------------------------------------------------ teams

    private static final String TEAM_COLUMNS = "id, organisation_id, name, description, team_type, created_by, created_at, updated_at";

    static Optional<Team> findTeam(Connection c, String id) throws SQLException {
        return Sql.query(c, "SELECT " + TEAM_COLUMNS + " FROM team WHERE id = ?", rs -> team(c, rs), id).stream().findFirst();
    }

    /** A team and its organisation, as read together for every check. */
    record Scoped(Team team, Optional<Organisation> organisation) {
    }

    /** The team if {@code viewer} may read it; 404 as if it did not exist otherwise. */
    static Scoped readableTeam(Connection c, String id, String viewer) throws SQLException {
        Optional<Team> t = findTeam(c, id);
        if (t.isPresent()) {
            Optional<Organisation> o = t.get().organisationId().isPresent() ? findOrganisation(c, t.get().organisationId().get()) : Optional.empty();
            if (mayRead(c, t.get(), o, viewer)) return new Scoped(t.get(), o);
        }
        throw KernelException.notFound("Team", Rules.clip(id));
    }

    /** The team if {@code user} may manage it (its administrators and its organisation's): 404 or 403 otherwise. */
    static Scoped managedTeam(Connection c, String id, String user) throws SQLException {
        Scoped s = readableTeam(c, id, user);
        if (!mayManage(s.team(), s.organisation(), user)) {
            throw new KernelException(403, "not-an-administrator", "Not an administrator",
                    "Only an administrator of team '" + id + "' or of its organisation may do this; '" + Rules.clip(user) + "' is not one");
        }
        return s;
    }

    static void insertTeam(Connection c, Team t) throws SQLException {
        Sql.update(c, "INSERT INTO team (" + TEAM_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)", t.id(), t.organisationId().orElse(null), t.name(),
                t.description(), t.type().name(), t.createdBy(), t.createdAt(), t.updatedAt());
    }

    static void updateTeam(Connection c, Team t) throws SQLException {
        Sql.update(c, "UPDATE team SET name = ?, description = ?, team_type = ?, updated_at = ? WHERE id = ?", t.name(), t.description(),
                t.type().name(), t.updatedAt(), t.id());
    }

    static void deleteTeam(Connection c, String id) throws SQLException {
        Sql.update(c, "DELETE FROM team WHERE id = ?", id);
    }

    static void touchTeam(Connection c, String id) throws SQLException {
        Sql.update(c, "UPDATE team SET updated_at = ? WHERE id = ?", Instant.now(), id);
    }

    static void addMember(Connection c, String teamId, String user, boolean administrator, String by) throws SQLException {
        Sql.update(c, "INSERT INTO team_member (team_id, user_name, is_administrator, added_by, added_at) VALUES (?, ?, ?, ?, ?)",
                teamId, user, administrator, by, Instant.now());
    }

    static void setAdministrator(Connection c, String teamId, String user, boolean administrator) throws SQLException {
        Sql.update(c, "UPDATE team_member SET is_administrator = ? WHERE team_id = ? AND user_name = ?", administrator, teamId, user);
    }

    static void removeMember(Connection c, String teamId, String user) throws SQLException {
        Sql.update(c, "DELETE FROM team_member WHERE team_id = ? AND user_name = ?", teamId, user);
    }

    static List<String> teamIdsOf(Connection c, String user) throws SQLException {
        return Sql.query(c, "SELECT team_id FROM team_member WHERE user_name = ?", rs -> rs.getString(1), user);
    }

    static List<Team> teamsOf(Connection c, String user) throws SQLException {
        return Sql.query(c, "SELECT " + prefixed("t.", TEAM_COLUMNS) + " FROM team t JOIN team_member m ON m.team_id = t.id WHERE m.user_name = ?"
                + " ORDER BY m.added_at, t.id", rs -> team(c, rs), user);
    }

    /** The condition on {@code t} (joined to its organisation as {@code o}) under which {@code viewer} may read a team. */
    private static String teamVisible(Connection c, String viewer, List<Object> params) throws SQLException {
        if (Rules.anonymous(viewer)) return "o.is_public = TRUE";
        if (isOperator(c, viewer)) return "1 = 1";
        params.add(viewer);
        params.add(viewer);
        return "(o.is_public = TRUE OR EXISTS (SELECT 1 FROM team_member m WHERE m.team_id = t.id AND m.user_name = ?)"
                + " OR EXISTS (SELECT 1 FROM organisation_administrator a WHERE a.organisation_id = t.organisation_id AND a.user_name = ?))";
    }

    private static String teamWhere(Connection c, Optional<String> organisationId, String viewer, List<Object> params) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE ");
        if (organisationId.isPresent()) {
            where.append("t.organisation_id = ? AND ");
            params.add(organisationId.get());
        }
        return where.append(teamVisible(c, viewer, params)).toString();
    }

    static int countTeams(Connection c, Optional<String> organisationId, String viewer) throws SQLException {
        List<Object> params = new ArrayList<>();
        String where = teamWhere(c, organisationId, viewer, params);
        return Sql.count(c, "SELECT COUNT(*) FROM team t LEFT JOIN organisation o ON o.id = t.organisation_id" + where, params.toArray());
    }

    static List<Team> teams(Connection c, Optional<String> organisationId, String viewer, int offset, int limit) throws SQLException {
        List<Object> params = new ArrayList<>();
        String where = teamWhere(c, organisationId, viewer, params);
        params.add(offset);
        params.add(limit);
        return Sql.query(c, "SELECT " + prefixed("t.", TEAM_COLUMNS) + " FROM team t LEFT JOIN organisation o ON o.id = t.organisation_id" + where
                + " ORDER BY t.created_at DESC, t.id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", rs -> team(c, rs), params.toArray());
    }

    private static Team team(Connection c, ResultSet rs) throws SQLException {
        String id = rs.getString(1);
        List<String> members = new ArrayList<>();
        List<String> administrators = new ArrayList<>();
        for (Object[] m : Sql.query(c, "SELECT user_name, is_administrator FROM team_member WHERE team_id = ? ORDER BY added_at, user_name",
                r -> new Object[] {r.getString(1), r.getBoolean(2)}, id)) {
            members.add((String) m[0]);
            if ((Boolean) m[1]) administrators.add((String) m[0]);
        }
        return new Team(id, Optional.ofNullable(rs.getString(2)), rs.getString(3), rs.getString(4), TeamType.valueOf(rs.getString(5)),
                List.copyOf(members), List.copyOf(administrators), rs.getString(6), Sql.instant(rs, 7), Sql.instant(rs, 8));
    }

    // ------------------------------------------------------------------ applications

    private static final String APPLICATION_COLUMNS = "id, team_id, applicant, message, status, decided_by, created_at, decided_at";

    static void insertApplication(Connection c, TeamApplication a) throws SQLException {
        Sql.update(c, "INSERT INTO team_application (" + APPLICATION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)", a.id(), a.teamId(), a.applicant(),
                a.message(), a.status().name(), a.decidedBy().orElse(null), a.createdAt(), Sql.timestamp(a.decidedAt().orElse(null)));
    }

    static void decideApplication(Connection c, String id, TeamApplication.Status status, String by, Instant at) throws SQLException {
        Sql.update(c, "UPDATE team_application SET status = ?, decided_by = ?, decided_at = ? WHERE id = ?", status.name(), by, at, id);
    }

    static Optional<TeamApplication> findApplication(Connection c, String teamId, String id) throws SQLException {
        return Sql.query(c, "SELECT " + APPLICATION_COLUMNS + " FROM team_application WHERE id = ? AND team_id = ?", TeamTables::application, id, teamId)
                .stream().findFirst();
    }

    static boolean hasPending(Connection c, String teamId, String applicant) throws SQLException {
        return !Sql.query(c, "SELECT 1 FROM team_application WHERE team_id = ? AND applicant = ? AND status = ?", rs -> 1, teamId, applicant,
                TeamApplication.Status.PENDING.name()).isEmpty();
    }

    /** The team's applications, of one applicant and of one status when given, oldest first. */
    static List<TeamApplication> applications(Connection c, String teamId, Optional<String> applicant, Optional<TeamApplication.Status> status)
            throws SQLException {
        List<Object> params = new ArrayList<>(List.of(teamId));
        StringBuilder where = new StringBuilder(" WHERE team_id = ?");
        applicant.ifPresent(a -> { where.append(" AND applicant = ?"); params.add(a); });
        status.ifPresent(s -> { where.append(" AND status = ?"); params.add(s.name()); });
        return Sql.query(c, "SELECT " + APPLICATION_COLUMNS + " FROM team_application" + where + " ORDER BY created_at, id", TeamTables::application,
                params.toArray());
    }

    static List<TeamApplication> applicationsOf(Connection c, String applicant) throws SQLException {
        return Sql.query(c, "SELECT " + APPLICATION_COLUMNS + " FROM team_application WHERE applicant = ? ORDER BY created_at DESC, id",
                TeamTables::application, applicant);
    }

    private static TeamApplication application(ResultSet rs) throws SQLException {
        return new TeamApplication(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), TeamApplication.Status.valueOf(rs.getString(5)),
                Optional.ofNullable(rs.getString(6)), Sql.instant(rs, 7), Optional.ofNullable(Sql.instant(rs, 8)));
    }

    private static String prefixed(String prefix, String columns) {
        return prefix + columns.replace(", ", ", " + prefix);
    }
}
