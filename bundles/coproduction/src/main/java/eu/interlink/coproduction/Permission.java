package eu.interlink.coproduction;

import java.time.Instant;
import java.util.Optional;

/**
 * A grant to a team on a whole process ({@code itemId} empty) or on a phase, objective or task and everything
 * below it. Along the path from the process to an item, the deepest level with a grant to one of the caller's
 * teams decides what the caller may do; grants of several of their teams at that level add up.
 */
public record Permission(String id, String processId, Optional<String> itemId, String teamId, boolean access,
        boolean createAssets, boolean deleteAssets, String grantedBy, Instant grantedAt) {
}
