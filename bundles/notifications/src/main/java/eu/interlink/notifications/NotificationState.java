package eu.interlink.notifications;

import java.util.Locale;
import java.util.Optional;

/** Where a notification stands for its recipient. New ones are unread. */
public enum NotificationState {
    UNREAD, READ, ARCHIVED;

    /** As written in the API and the database. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<NotificationState> of(String label) {
        for (NotificationState s : values()) {
            if (s.label().equals(label)) return Optional.of(s);
        }
        return Optional.empty();
    }
}
