/**
 * Organisations and teams: who belongs together on the platform. An organisation groups teams and says who may
 * create them; a team has members, of whom some are its administrators, and takes applications to join. Other
 * bundles grant permissions to teams ({@link eu.interlink.teams.TeamService#teamIdsOf}) and the JSON API exposes
 * them; nothing here knows about processes.
 */
@Version("1.0.0")
@Export
package eu.interlink.teams;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
