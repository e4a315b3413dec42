package eu.interlink.notifications;

import java.util.Optional;

/** How a notification reaches its recipient. */
public enum NotificationChannel {
    /** Kept in the list under /me/notifications and pushed to the open pages. */
    IN_APP("inApp"),
    EMAIL("email");

    private final String label;

    NotificationChannel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<NotificationChannel> of(String label) {
        for (NotificationChannel c : values()) {
            if (c.label.equals(label)) return Optional.of(c);
        }
        return Optional.empty();
    }
}
