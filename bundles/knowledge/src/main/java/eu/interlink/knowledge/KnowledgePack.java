package eu.interlink.knowledge;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One active bundle with an {@code Interlink-Knowledge} header, as the knowledge extender sees it.
 *
 * @param folder       the folder the header names, inside the bundle
 * @param reason       why the pack was refused, for {@link Status#REFUSED}: what its author should fix
 * @param interlinkers the ids of its knowledge Interlinkers in the catalogue, for {@link Status#PUBLISHED}
 * @param since        when it reached its status
 */
public record KnowledgePack(long bundleId, String symbolicName, String version, String folder, Status status,
        Optional<String> reason, List<String> interlinkers, Instant since) {

    public KnowledgePack {
        reason = reason == null ? Optional.empty() : reason;
        interlinkers = List.copyOf(interlinkers);
    }

    public enum Status {
        /** Started; the extender is reading it. */
        READING,
        /** Its Interlinkers are in the catalogue. */
        PUBLISHED,
        /** Malformed, or in conflict with the catalogue: nothing of it is listed. */
        REFUSED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
