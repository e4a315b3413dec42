package eu.interlink.contributions;

import java.time.Instant;
import java.util.Optional;

/**
 * A participant's statement that they made an assigned contribution. Kind and points are the assignment's as
 * they were when claimed; they count for the claimant only once the claim is {@link Status#APPROVED}.
 *
 * @param assetId an asset of the process the contribution produced, if the claimant named one
 * @param reason  why it was rejected (or an approver's note)
 */
public record Claim(String id, String processId, String assignmentId, String taskId, ContributionKind kind, int points, String claimant,
        String description, Optional<String> assetId, Status status, Optional<String> decidedBy, Optional<String> reason, Instant createdAt,
        Optional<Instant> decidedAt) {

    /** A claim is decided once; a rejected claim may be followed by a new claim of the same assignment. */
    public enum Status {
        PENDING, APPROVED, REJECTED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Optional<Status> of(String label) {
            if (label == null) return Optional.empty();
            for (Status s : values()) {
                if (s.label().equals(label.trim().toLowerCase(java.util.Locale.ROOT))) return Optional.of(s);
            }
            return Optional.empty();
        }
    }
}
