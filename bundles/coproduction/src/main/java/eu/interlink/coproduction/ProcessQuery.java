package eu.interlink.coproduction;

import java.util.Optional;

/**
 * A search of processes.
 *
 * @param text   words that must all occur in the name or the description, in any case
 * @param viewer who asks: only the processes they may read are found (public ones, and those they administer or
 *               take part in through a team); empty for anonymous
 * @param mine   only the processes the viewer administers or takes part in
 */
public record ProcessQuery(Optional<ItemStatus> status, Optional<Boolean> isPublic, Optional<String> text, Optional<String> viewer,
        boolean mine, int offset, int limit) {

    /** A search by someone anonymous: public processes only. */
    public ProcessQuery(Optional<ItemStatus> status, Optional<Boolean> isPublic, Optional<String> text, int offset, int limit) {
        this(status, isPublic, text, Optional.empty(), false, offset, limit);
    }
}
