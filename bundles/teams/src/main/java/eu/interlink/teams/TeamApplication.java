package eu.interlink.teams;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** An account's request to join a team, pending until an administrator of the team accepts or declines it. */
public record TeamApplication(String id, String teamId, String applicant, String message, Status status, Optional<String> decidedBy,
        Instant createdAt, Optional<Instant> decidedAt) {

    public enum Status {
        PENDING, ACCEPTED, DECLINED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Status> of(String label) {
            for (Status s : values()) if (s.label().equals(label)) return Optional.of(s);
            return Optional.empty();
        }
    }
}
