package eu.interlink.contributions;

/**
 * The Event Admin topics of contribution changes, posted after each change commits, with the properties of
 * {@code eu.interlink.kernel.service.Events} (subject type {@code contribution-assignment} or
 * {@code contribution-claim}, its id, the actor, the process id), so the activity log records them, and
 * {@link #USERS}: the accounts the change concerns, for notifications.
 */
public final class ContributionEvents {
    private ContributionEvents() {
    }

    /** A {@code java.util.List<String>} of account names. */
    public static final String USERS = "users";

    /** With {@code task}, {@code kind}, {@code points} and {@code assignee} (absent when open to anyone). */
    public static final String ASSIGNED = "eu/interlink/contributions/ASSIGNED";
    /** With {@code claimant}, {@code assignment}, {@code task}, {@code kind}, {@code points}; users: the process's administrators. */
    public static final String CLAIMED = "eu/interlink/contributions/CLAIMED";
    /** As {@link #CLAIMED}; users: the claimant. */
    public static final String APPROVED = "eu/interlink/contributions/APPROVED";
    /** As {@link #CLAIMED} with {@code reason}; users: the claimant. */
    public static final String REJECTED = "eu/interlink/contributions/REJECTED";
    /** With {@code leaderboard} ({@code true} or {@code false}). */
    public static final String SETTINGS_CHANGED = "eu/interlink/contributions/SETTINGS_CHANGED";
}
