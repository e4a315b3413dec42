package eu.interlink.coproduction;

import java.util.Optional;

/**
 * A search of processes.
 *
 * @param text words that must all occur in the name or the description, in any case
 */
public record ProcessQuery(Optional<ItemStatus> status, Optional<Boolean> isPublic, Optional<String> text, int offset, int limit) {
}
