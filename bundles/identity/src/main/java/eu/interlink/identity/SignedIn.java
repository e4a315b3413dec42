package eu.interlink.identity;

import java.time.Instant;

/** A new session: the secret for the session cookie (shown only now), its CSRF token, and when it ends at the latest. */
public record SignedIn(Account account, String sessionId, String token, String csrf, Instant expiresAt) {
}
