package eu.interlink.identity;

import java.time.Instant;

/** An API token as listed: never the secret, only its first characters so that its owner recognises it. */
public record ApiToken(String id, String name, String prefix, Instant createdAt, Instant lastUsedAt) {
}
