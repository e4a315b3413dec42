package eu.interlink.contributions;

import java.time.Instant;
import java.util.Optional;

/**
 * A contribution an administrator of the process expects on a task.
 *
 * @param assignee the one user who may claim it; empty: anyone with rights to work on the task may
 * @param points   what an approved claim of it earns, at least 1
 */
public record Assignment(String id, String processId, String taskId, Optional<String> assignee, ContributionKind kind, int points,
        String description, String createdBy, Instant createdAt) {
}
