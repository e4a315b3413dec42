package eu.interlink.notifications;

import java.util.Locale;
import java.util.Optional;

/** What preferences are set for: each notification type belongs to one category. */
public enum NotificationCategory {
    /** Assets and tree items added to or removed from a process one takes part in. */
    CONTENT,
    /** One was added to a process or team, or a team of one's was given rights on a process. */
    MEMBERSHIP,
    /** Requests to take part in a process: to its administrators, and their answers to the applicant. */
    PARTICIPATION;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<NotificationCategory> of(String label) {
        for (NotificationCategory c : values()) {
            if (c.label().equals(label)) return Optional.of(c);
        }
        return Optional.empty();
    }
}
