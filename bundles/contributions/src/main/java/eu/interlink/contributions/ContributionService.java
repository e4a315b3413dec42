package eu.interlink.contributions;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Contributions on the tasks of a process. {@code user} is the caller's account name, or {@code anonymous}.
 * As everywhere in a process: a process (or task) the caller may not read is a 404, a change without an account
 * a 401, and one the caller may read but has no right to make a 403. Bad input is a
 * {@link eu.interlink.coproduction.FieldException} naming the field.
 */
@ProviderType
public interface ContributionService {

    int MAX_POINTS = 10_000;

    /** Administrators: expects a contribution on a task, from {@code assignee} (an account) or from anyone with rights on the task. */
    Assignment assign(String processId, String taskId, Optional<String> assignee, ContributionKind kind, int points, String description, String user);

    /** Everyone who may read the process sees its assignments, oldest first; {@code taskId} narrows to one task. */
    List<Assignment> assignments(String processId, Optional<String> taskId, String user);

    /** Administrators: removes an assignment and its claims (decided ones too: their points stop counting). */
    void unassign(String processId, String assignmentId, String user);

    /**
     * Claims an assignment: its assignee, or for an open one anyone who may work on the task's assets (or an
     * administrator). 409 while the caller has a pending or approved claim of it.
     */
    Claim claim(String processId, String assignmentId, String description, Optional<String> assetId, String user);

    /** Administrators see every claim, anyone else who may read the process only their own; newest first. */
    List<Claim> claims(String processId, Optional<Claim.Status> status, String user);

    /**
     * Administrators approve a pending claim (409 once decided). Nobody approves their own claim (403): another
     * administrator of the process must, so that points are always granted by a second person.
     */
    Claim approve(String processId, String claimId, String user);

    /** Administrators reject a pending claim with a reason (409 once decided); rejecting one's own claim withdraws it. */
    Claim reject(String processId, String claimId, String reason, String user);

    /** Whether the process shows a leaderboard (off by default); for anyone who may read the process. */
    boolean leaderboardEnabled(String processId, String user);

    /** Administrators turn the process's leaderboard on or off. */
    void setLeaderboard(String processId, boolean enabled, String user);

    /**
     * Users by approved points, most first; equal totals share a rank and are listed by name, so the order is
     * the same on every call. 404 ({@code leaderboard-off}) while the process has not opted in.
     */
    List<Standing> leaderboard(String processId, String user);

    /** The certificate of {@code of} for the process: for that user and the process's administrators (403 otherwise). */
    Certificate certificate(String processId, String of, String user);
}
