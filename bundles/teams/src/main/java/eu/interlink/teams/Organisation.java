package eu.interlink.teams;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An organisation: translated name and description (language code → text, of en, es, it, lv), whether anyone may
 * see it, the type its new teams take unless they say otherwise, who may create teams in it, and its
 * administrators (account names), who administer every team of it too.
 */
public record Organisation(String id, Map<String, String> name, Map<String, String> description, boolean isPublic, TeamType defaultTeamType,
        TeamCreation teamCreation, List<String> administrators, String createdBy, Instant createdAt, Instant updatedAt) {
}
