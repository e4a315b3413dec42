package eu.interlink.notifications;

import java.util.Optional;

/** The kinds of notification, each with its code (as in the API and the database) and its category. */
public enum NotificationType {
    ASSET_ADDED("asset.added", NotificationCategory.CONTENT),
    ASSET_REMOVED("asset.removed", NotificationCategory.CONTENT),
    ITEM_ADDED("item.added", NotificationCategory.CONTENT),
    ITEM_REMOVED("item.removed", NotificationCategory.CONTENT),
    /** The recipient was made an administrator of a process. */
    PROCESS_ADMINISTRATOR_ADDED("process.administrator-added", NotificationCategory.MEMBERSHIP),
    /** A team was given rights on a process: to the team's members and the process's administrators. */
    PROCESS_TEAM_ADDED("process.team-added", NotificationCategory.MEMBERSHIP),
    /** The recipient was added to a team. */
    TEAM_MEMBER_ADDED("team.member-added", NotificationCategory.MEMBERSHIP),
    PARTICIPATION_REQUESTED("participation.requested", NotificationCategory.PARTICIPATION),
    PARTICIPATION_ACCEPTED("participation.accepted", NotificationCategory.PARTICIPATION),
    PARTICIPATION_DECLINED("participation.declined", NotificationCategory.PARTICIPATION),
    /** Someone claims a contribution: to the process's administrators, who decide. */
    CONTRIBUTION_CLAIMED("contribution.claimed", NotificationCategory.PARTICIPATION),
    /** The recipient's claim was approved: its points count. */
    CONTRIBUTION_APPROVED("contribution.approved", NotificationCategory.PARTICIPATION),
    CONTRIBUTION_REJECTED("contribution.rejected", NotificationCategory.PARTICIPATION);

    private final String code;
    private final NotificationCategory category;

    NotificationType(String code, NotificationCategory category) {
        this.code = code;
        this.category = category;
    }

    public String code() {
        return code;
    }

    public NotificationCategory category() {
        return category;
    }

    public static Optional<NotificationType> of(String code) {
        for (NotificationType t : values()) {
            if (t.code.equals(code)) return Optional.of(t);
        }
        return Optional.empty();
    }
}
