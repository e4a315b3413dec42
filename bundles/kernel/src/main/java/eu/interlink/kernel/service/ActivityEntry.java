package eu.interlink.kernel.service;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** One line of the activity log: an event the platform posted, as persisted. */
public record ActivityEntry(long id, Instant occurredAt, String topic, Optional<String> actor, String subjectType,
        String subjectId, Optional<String> processId, Map<String, Object> details) {
}
