package eu.interlink.teams.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

import eu.interlink.kernel.service.KernelException;
import eu.interlink.kernel.service.Page;
import eu.interlink.store.Store;
import eu.interlink.teams.InvalidFieldException;
import eu.interlink.teams.Organisation;
import eu.interlink.teams.Team;
import eu.interlink.teams.TeamApplication;
import eu.interlink.teams.TeamEvents;
import eu.interlink.teams.TeamFields;
import eu.interlink.teams.TeamService;
import eu.interlink.teams.TeamType;

/** Teams, their members and administrators, and applications to join. */
@Component(service = TeamService.class)
public class TeamComponent implements TeamService {

    @Reference
    private Store store;

    @Reference
    private EventAdmin events;

    @Override
    public Set<String> teamIdsOf(String accountName) {
        if (Rules.anonymous(accountName)) return Set.of();
        return Set.copyOf(store.inTransaction(c -> TeamTables.teamIdsOf(c, accountName)));
    }

    @Override
    public Optional<Team> find(String teamId) {
        return store.inTransaction(c -> TeamTables.findTeam(c, teamId));
    }

    @Override
    public Optional<Team> read(String teamId, String viewer) {
        return store.inTransaction(c -> {
            try {
                return Optional.of(TeamTables.readableTeam(c, teamId, viewer).team());
            } catch (KernelException notReadable) {
                return Optional.<Team>empty();
            }
        });
    }

    @Override
    public Page<Team> list(Optional<String> organisationId, String viewer, int offset, int limit) {
        return store.inTransaction(c -> {
            if (organisationId.isPresent()) TeamTables.readableOrganisation(c, organisationId.get(), viewer);
            return new Page<>(TeamTables.teams(c, organisationId, viewer, offset, limit), TeamTables.countTeams(c, organisationId, viewer), offset, limit);
        });
    }

    @Override
    public List<Team> teamsOf(String user) {
        return store.inTransaction(c -> TeamTables.teamsOf(c, user));
    }

    @Override
    public Team create(TeamFields f, String user) {
        String name = Rules.name(f.name());
        String description = Rules.text(f.description(), "description", Rules.MAX_TEXT);
        Instant now = Instant.now();
        Team created = store.inTransaction(c -> {
            TeamType type = f.type() == null ? TeamType.CITIZEN : f.type();
            if (f.organisationId() != null) {
                Organisation o = TeamTables.readableOrganisation(c, f.organisationId(), user);
                if (!mayCreateIn(c, o, user)) {
                    throw new KernelException(403, "team-creation-refused", "Team creation refused", switch (o.teamCreation()) {
                        case ADMINISTRATORS -> "Only administrators of organisation '" + o.id() + "' may create teams in it";
                        default -> "Only administrators of organisation '" + o.id() + "' and members of its teams may create teams in it";
                    });
                }
                if (f.type() == null) type = o.defaultTeamType();
            }
            Team t = new Team(UUID.randomUUID().toString(), Optional.ofNullable(f.organisationId()), name, description, type, List.of(user),
                    List.of(user), user, now, now);
            TeamTables.insertTeam(c, t);
            TeamTables.addMember(c, t.id(), user, true, user);
            return TeamTables.findTeam(c, t.id()).orElseThrow();
        });
        post(TeamEvents.TEAM_CREATED, created.id(), user, created.organisationId().map(o -> Map.<String, Object>of("organisation", o)).orElse(Map.of()));
        return created;
    }

    private static boolean mayCreateIn(java.sql.Connection c, Organisation o, String user) throws java.sql.SQLException {
        if (o.administrators().contains(user)) return true;
        return switch (o.teamCreation()) {
            case ADMINISTRATORS -> false;
            case MEMBERS -> TeamTables.isMemberOfOrganisation(c, o.id(), user);
            case ANYONE -> true;
        };
    }

    @Override
    public Team update(String teamId, TeamFields f, String user) {
        if (f.organisationId() != null) throw new InvalidFieldException("organisation", "A team stays in the organisation it was created in");
        String name = f.name() == null ? null : Rules.name(f.name());
        String description = f.description() == null ? null : Rules.text(f.description(), "description", Rules.MAX_TEXT);
        List<String> changed = new ArrayList<>();
        Team updated = store.inTransaction(c -> {
            Team old = TeamTables.managedTeam(c, teamId, user).team();
            Team t = new Team(teamId, old.organisationId(), pick(name, old.name(), "name", changed), pick(description, old.description(), "description", changed),
                    pick(f.type(), old.type(), "type", changed), old.members(), old.administrators(), old.createdBy(), old.createdAt(), Instant.now());
            if (changed.isEmpty()) return old;
            TeamTables.updateTeam(c, t);
            return TeamTables.findTeam(c, teamId).orElseThrow();
        });
        if (!changed.isEmpty()) post(TeamEvents.TEAM_UPDATED, teamId, user, Map.of("fields", String.join(",", changed)));
        return updated;
    }

    private static <T> T pick(T given, T old, String field, List<String> changed) {
        if (given == null || given.equals(old)) return old;
        changed.add(field);
        return given;
    }

    @Override
    public void delete(String teamId, String user) {
        store.inTransaction(c -> {
            TeamTables.managedTeam(c, teamId, user);
            // Members and applications go with it (ON DELETE CASCADE), and so do permissions granted to it.
            TeamTables.deleteTeam(c, teamId);
            return null;
        });
        post(TeamEvents.TEAM_DELETED, teamId, user, Map.of());
    }

    @Override
    public Team addMember(String teamId, String member, String user) {
        String name = Rules.userName(member, "user");
        Team t = store.inTransaction(c -> {
            Team old = TeamTables.managedTeam(c, teamId, user).team();
            if (old.members().contains(name)) {
                throw new KernelException(409, "already-a-member", "Already a member", "'" + Rules.clip(name) + "' is already a member of team '" + teamId + "'");
            }
            TeamTables.requireAccount(c, name, "user");
            TeamTables.addMember(c, teamId, name, false, user);
            TeamTables.touchTeam(c, teamId);
            return TeamTables.findTeam(c, teamId).orElseThrow();
        });
        post(TeamEvents.MEMBER_ADDED, teamId, user, Map.of("member", name));
        return t;
    }

    @Override
    public Team removeMember(String teamId, String member, String user) {
        Team t = store.inTransaction(c -> {
            TeamTables.Scoped s = TeamTables.readableTeam(c, teamId, user);
            Team old = s.team();
            // A member may leave; anyone else needs to manage the team.
            if (!member.equals(user) && !TeamTables.mayManage(old, s.organisation(), user)) {
                throw new KernelException(403, "not-an-administrator", "Not an administrator",
                        "Only an administrator of team '" + teamId + "' or of its organisation may remove its members; '" + Rules.clip(user) + "' is not one");
            }
            if (!old.members().contains(member)) {
                throw new KernelException(404, "not-found", "Member not found", "'" + Rules.clip(member) + "' is not a member of team '" + teamId + "'");
            }
            lastAdministrator(old, member);
            TeamTables.removeMember(c, teamId, member);
            TeamTables.touchTeam(c, teamId);
            return TeamTables.findTeam(c, teamId).orElseThrow();
        });
        post(TeamEvents.MEMBER_REMOVED, teamId, user, Map.of("member", member));
        return t;
    }

    private static void lastAdministrator(Team t, String administrator) {
        if (t.administrators().size() == 1 && t.administrators().contains(administrator)) {
            throw new KernelException(409, "last-administrator", "Last administrator",
                    "'" + Rules.clip(administrator) + "' is the last administrator of team '" + t.id() + "'; add another one first");
        }
    }

    @Override
    public Team addAdministrator(String teamId, String administrator, String user) {
        String name = Rules.userName(administrator, "user");
        Team t = store.inTransaction(c -> {
            Team old = TeamTables.managedTeam(c, teamId, user).team();
            if (old.administrators().contains(name)) {
                throw new KernelException(409, "already-an-administrator", "Already an administrator",
                        "'" + Rules.clip(name) + "' already administers team '" + teamId + "'");
            }
            if (old.members().contains(name)) {
                TeamTables.setAdministrator(c, teamId, name, true);
            } else {
                TeamTables.requireAccount(c, name, "user");
                TeamTables.addMember(c, teamId, name, true, user);
            }
            TeamTables.touchTeam(c, teamId);
            return TeamTables.findTeam(c, teamId).orElseThrow();
        });
        post(TeamEvents.ADMINISTRATOR_ADDED, teamId, user, Map.of("administrator", name));
        return t;
    }

    @Override
    public Team removeAdministrator(String teamId, String administrator, String user) {
        Team t = store.inTransaction(c -> {
            Team old = TeamTables.managedTeam(c, teamId, user).team();
            if (!old.administrators().contains(administrator)) {
                throw new KernelException(404, "not-found", "Administrator not found",
                        "'" + Rules.clip(administrator) + "' is not an administrator of team '" + teamId + "'");
            }
            lastAdministrator(old, administrator);
            // The former administrator stays a member.
            TeamTables.setAdministrator(c, teamId, administrator, false);
            TeamTables.touchTeam(c, teamId);
            return TeamTables.findTeam(c, teamId).orElseThrow();
        });
        post(TeamEvents.ADMINISTRATOR_REMOVED, teamId, user, Map.of("administrator", administrator));
        return t;
    }

    @Override
    public TeamApplication apply(String teamId, String message, String user) {
        String text = Rules.text(message, "message", Rules.MAX_MESSAGE);
        TeamApplication a = store.inTransaction(c -> {
            Team team = TeamTables.readableTeam(c, teamId, user).team();
            if (team.members().contains(user)) {
                throw new KernelException(409, "already-a-member", "Already a member", "'" + Rules.clip(user) + "' is already a member of team '" + teamId + "'");
            }
            if (TeamTables.hasPending(c, teamId, user)) {
                throw new KernelException(409, "application-pending", "Application pending",
                        "'" + Rules.clip(user) + "' has already applied to team '" + teamId + "'; wait for its administrators to decide");
            }
            TeamApplication made = new TeamApplication(UUID.randomUUID().toString(), teamId, user, text, TeamApplication.Status.PENDING,
                    Optional.empty(), Instant.now(), Optional.empty());
            TeamTables.insertApplication(c, made);
            return made;
        });
        Poster.post(events, TeamEvents.APPLICATION_CREATED, "team-application", a.id(), user, Map.of("team", teamId));
        return a;
    }

    @Override
    public List<TeamApplication> applications(String teamId, Optional<TeamApplication.Status> status, String user) {
        return store.inTransaction(c -> {
            TeamTables.Scoped s = TeamTables.readableTeam(c, teamId, user);
            Optional<String> only = TeamTables.mayManage(s.team(), s.organisation(), user) ? Optional.empty() : Optional.of(user);
            return TeamTables.applications(c, teamId, only, status);
        });
    }

    @Override
    public TeamApplication application(String teamId, String applicationId, String user) {
        return store.inTransaction(c -> {
            TeamTables.Scoped s = TeamTables.readableTeam(c, teamId, user);
            Optional<TeamApplication> a = TeamTables.findApplication(c, teamId, applicationId);
            if (a.isEmpty() || !(a.get().applicant().equals(user) || TeamTables.mayManage(s.team(), s.organisation(), user))) {
                throw KernelException.notFound("Application", Rules.clip(applicationId));
            }
            return a.get();
        });
    }

    @Override
    public TeamApplication decide(String teamId, String applicationId, boolean accept, String user) {
        boolean[] joined = {false};
        TeamApplication decided = store.inTransaction(c -> {
            TeamTables.Scoped s = TeamTables.readableTeam(c, teamId, user);
            Optional<TeamApplication> found = TeamTables.findApplication(c, teamId, applicationId);
            boolean manages = TeamTables.mayManage(s.team(), s.organisation(), user);
            if (found.isEmpty() || !(manages || found.get().applicant().equals(user))) {
                throw KernelException.notFound("Application", Rules.clip(applicationId));
            }
            if (!manages) {
                throw new KernelException(403, "not-an-administrator", "Not an administrator",
                        "Only an administrator of team '" + teamId + "' or of its organisation may decide on applications to it");
            }
            TeamApplication a = found.get();
            if (a.status() != TeamApplication.Status.PENDING) {
                throw new KernelException(409, "already-decided", "Already decided", "Application '" + applicationId + "' is already " + a.status().label());
            }
            Instant now = Instant.now();
            TeamApplication.Status status = accept ? TeamApplication.Status.ACCEPTED : TeamApplication.Status.DECLINED;
            TeamTables.decideApplication(c, applicationId, status, user, now);
            if (accept && !s.team().members().contains(a.applicant())) {
                TeamTables.addMember(c, teamId, a.applicant(), false, user);
                TeamTables.touchTeam(c, teamId);
                joined[0] = true;
            }
            return new TeamApplication(a.id(), a.teamId(), a.applicant(), a.message(), status, Optional.of(user), a.createdAt(), Optional.of(now));
        });
        Poster.post(events, accept ? TeamEvents.APPLICATION_ACCEPTED : TeamEvents.APPLICATION_DECLINED, "team-application", applicationId, user,
                Map.of("team", teamId));
        if (joined[0]) post(TeamEvents.MEMBER_ADDED, teamId, user, Map.of("member", decided.applicant()));
        return decided;
    }

    @Override
    public List<TeamApplication> applicationsOf(String user) {
        return store.inTransaction(c -> TeamTables.applicationsOf(c, user));
    }

    private void post(String topic, String id, String user, Map<String, Object> details) {
        Poster.post(events, topic, "team", id, user, details);
    }
}
