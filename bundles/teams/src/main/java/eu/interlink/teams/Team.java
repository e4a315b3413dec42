package eu.interlink.teams;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A team, in an organisation or on its own. {@code members} are all its members, administrators included;
 * {@code administrators} those of them who manage it. Names are account names.
 */
public record Team(String id, Optional<String> organisationId, String name, String description, TeamType type,
        List<String> members, List<String> administrators, String createdBy, Instant createdAt, Instant updatedAt) {
}
