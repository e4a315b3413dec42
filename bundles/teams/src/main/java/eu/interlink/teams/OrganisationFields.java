package eu.interlink.teams;

import java.util.Map;

/**
 * What a client sets of an organisation; null means "not given" (unchanged on update, the default on create:
 * no description, private, citizen teams, teams created by administrators). A name is required on create.
 */
public record OrganisationFields(Map<String, String> name, Map<String, String> description, Boolean isPublic, TeamType defaultTeamType,
        TeamCreation teamCreation) {
}
