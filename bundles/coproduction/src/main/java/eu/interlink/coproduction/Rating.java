package eu.interlink.coproduction;

import java.time.Instant;
import java.util.Optional;

/**
 * One user's rating of an Interlinker: a value from 1 to 5 and an optional text. A user has one rating per
 * Interlinker; rating again replaces it.
 *
 * @param replaced whether saving it replaced an earlier rating of the same user (only meaningful when just saved)
 */
public record Rating(String entryId, String user, int value, Optional<String> text, Instant createdAt,
        Instant updatedAt, boolean replaced) {
}
