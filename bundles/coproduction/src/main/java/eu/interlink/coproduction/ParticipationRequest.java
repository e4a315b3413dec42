package eu.interlink.coproduction;

import java.time.Instant;
import java.util.Optional;

/** A signed-in account's request to take part in a public process, and what its administrators decided. */
public record ParticipationRequest(String id, String processId, String applicant, String message, Status status,
        Optional<String> teamId, Optional<String> decidedBy, Instant createdAt, Optional<Instant> decidedAt) {

    public enum Status {
        PENDING, ACCEPTED, DECLINED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Optional<Status> of(String label) {
            for (Status s : values()) if (s.label().equals(label)) return Optional.of(s);
            return Optional.empty();
        }
    }
}
