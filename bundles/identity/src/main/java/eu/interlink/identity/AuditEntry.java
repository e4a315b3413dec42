package eu.interlink.identity;

import java.time.Instant;
import java.util.Map;

/** One security event: who it is about, who caused it, from where. */
public record AuditEntry(long id, Instant occurredAt, String event, String accountName, String actor, String address,
        Map<String, Object> details) {
}
