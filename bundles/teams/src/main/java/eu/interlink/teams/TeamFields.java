package eu.interlink.teams;

/**
 * What a client sets of a team; null means "not given". {@code organisationId} is read on create only (a team
 * does not move); {@code type} defaults to the organisation's default team type, or citizen without one.
 */
public record TeamFields(String organisationId, String name, String description, TeamType type) {
}
