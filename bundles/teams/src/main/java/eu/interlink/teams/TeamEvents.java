package eu.interlink.teams;

/**
 * The Event Admin topics of changes to organisations and teams, posted after each change commits, with the
 * properties of {@link eu.interlink.kernel.service.Events} (subject type {@code organisation}, {@code team} or
 * {@code team-application}, its id, the actor), so the activity log records them.
 */
public final class TeamEvents {
    private TeamEvents() {
    }

    public static final String ORGANISATION_CREATED = "eu/interlink/teams/ORGANISATION_CREATED";
    /** With {@code fields}: the names of what changed. */
    public static final String ORGANISATION_UPDATED = "eu/interlink/teams/ORGANISATION_UPDATED";
    public static final String ORGANISATION_DELETED = "eu/interlink/teams/ORGANISATION_DELETED";
    public static final String ORGANISATION_ADMINISTRATOR_ADDED = "eu/interlink/teams/ORGANISATION_ADMINISTRATOR_ADDED";
    public static final String ORGANISATION_ADMINISTRATOR_REMOVED = "eu/interlink/teams/ORGANISATION_ADMINISTRATOR_REMOVED";

    public static final String TEAM_CREATED = "eu/interlink/teams/TEAM_CREATED";
    /** With {@code fields}: the names of what changed. */
    public static final String TEAM_UPDATED = "eu/interlink/teams/TEAM_UPDATED";
    public static final String TEAM_DELETED = "eu/interlink/teams/TEAM_DELETED";
    /** With {@code member}. */
    public static final String MEMBER_ADDED = "eu/interlink/teams/MEMBER_ADDED";
    public static final String MEMBER_REMOVED = "eu/interlink/teams/MEMBER_REMOVED";
    /** With {@code administrator}. */
    public static final String ADMINISTRATOR_ADDED = "eu/interlink/teams/ADMINISTRATOR_ADDED";
    public static final String ADMINISTRATOR_REMOVED = "eu/interlink/teams/ADMINISTRATOR_REMOVED";

    /** Subject: the application; with {@code team}. */
    public static final String APPLICATION_CREATED = "eu/interlink/teams/APPLICATION_CREATED";
    public static final String APPLICATION_ACCEPTED = "eu/interlink/teams/APPLICATION_ACCEPTED";
    public static final String APPLICATION_DECLINED = "eu/interlink/teams/APPLICATION_DECLINED";
}
