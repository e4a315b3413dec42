package eu.interlink.notifications;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One notification of one recipient: what happened ({@code type}, about {@code subjectType}/{@code subjectId},
 * in {@code processId} if any), who did it, and the names of the time in {@code parameters} for its texts.
 */
public record Notification(String id, String recipient, NotificationType type, NotificationState state, Optional<String> actor,
        Optional<String> processId, String subjectType, String subjectId, Map<String, String> parameters, Instant createdAt) {
    public Notification {
        parameters = Map.copyOf(parameters);
    }
}
