package eu.interlink.identity;

import java.time.Instant;

/** What is known of a session, without its secret. */
public record SessionInfo(String id, Instant createdAt, Instant lastSeenAt, Instant expiresAt, String address, String userAgent) {
}
