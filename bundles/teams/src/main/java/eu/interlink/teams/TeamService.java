package eu.interlink.teams;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

import eu.interlink.kernel.service.Page;

/**
 * Teams, their members and administrators, and applications to join them.
 *
 * <p>{@code user} is the acting account's name; callers make sure it is signed in. {@code viewer} is the account
 * that reads, or null (or {@code anonymous}) for nobody signed in: what it may not read is answered as if it did
 * not exist. A team of a public organisation is readable by anyone; any other team by its members, the
 * administrators of its organisation and the platform's operators. Refusals are
 * {@link eu.interlink.kernel.service.KernelException}s: 404 (may not read), 403 (may read, not change), 409
 * (conflict, such as removing the last administrator) and {@link InvalidFieldException} (400).
 */
@ProviderType
public interface TeamService {
    /** Ids of the teams the account is a member of (administrators of a team are members too). Hot path: one indexed query. */
    Set<String> teamIdsOf(String accountName);

    /** The team, whoever may read it (for other bundles; never answer a client with it unchecked). */
    Optional<Team> find(String teamId);

    /** The team if {@code viewer} may read it. */
    Optional<Team> read(String teamId, String viewer);

    /** The teams {@code viewer} may read, newest first; of one organisation when {@code organisationId} is given. */
    Page<Team> list(Optional<String> organisationId, String viewer, int offset, int limit);

    /** The teams {@code user} is a member of, oldest membership first. */
    List<Team> teamsOf(String user);

    /** A new team: {@code user} becomes its administrator and member; in an organisation as its team creation allows. */
    Team create(TeamFields fields, String user);

    /** Changes name, description or type: team and organisation administrators. */
    Team update(String teamId, TeamFields fields, String user);

    /** Deletes the team with its members and applications: team and organisation administrators. */
    void delete(String teamId, String user);

    /** Adds an account as a member: team and organisation administrators. 409 if a member already. */
    Team addMember(String teamId, String member, String user);

    /**
     * Removes a member (an administrator too): team and organisation administrators, or the member themselves
     * (leaving). 409 for the last administrator.
     */
    Team removeMember(String teamId, String member, String user);

    /** Makes an account (a member or not yet) an administrator: team and organisation administrators. */
    Team addAdministrator(String teamId, String administrator, String user);

    /** Makes an administrator a plain member again; 409 for the last one. */
    Team removeAdministrator(String teamId, String administrator, String user);

    /** {@code user} asks to join a team it may read; 409 if a member already or with an application pending. */
    TeamApplication apply(String teamId, String message, String user);

    /** The team's applications: all of them for its administrators, the caller's own for anyone else who may read it. */
    List<TeamApplication> applications(String teamId, Optional<TeamApplication.Status> status, String user);

    /** One application: for the team's administrators and the applicant. */
    TeamApplication application(String teamId, String applicationId, String user);

    /** Accepts (the applicant becomes a member) or declines a pending application: team and organisation administrators. */
    TeamApplication decide(String teamId, String applicationId, boolean accept, String user);

    /** {@code user}'s own applications, newest first. */
    List<TeamApplication> applicationsOf(String user);
}
