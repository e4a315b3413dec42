package eu.interlink.web.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import eu.interlink.teams.Organisation;
import eu.interlink.teams.Team;
import eu.interlink.teams.TeamApplication;

/** Organisations, teams and applications as the API answers them (camelCase, enums in lower case). */
final class TeamViews {
    private TeamViews() {
    }

    static Map<String, Object> organisation(Organisation o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.id());
        m.put("name", o.name());
        m.put("description", o.description());
        m.put("public", o.isPublic());
        m.put("defaultTeamType", o.defaultTeamType().label());
        m.put("teamCreation", o.teamCreation().label());
        m.put("administrators", o.administrators());
        m.put("createdBy", o.createdBy());
        m.put("createdAt", o.createdAt().toString());
        m.put("updatedAt", o.updatedAt().toString());
        return m;
    }

    static Map<String, Object> team(Team t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("organisation", t.organisationId().orElse(null));
        m.put("name", t.name());
        m.put("description", t.description());
        m.put("type", t.type().label());
        m.put("members", t.members());
        m.put("administrators", t.administrators());
        m.put("createdBy", t.createdBy());
        m.put("createdAt", t.createdAt().toString());
        m.put("updatedAt", t.updatedAt().toString());
        return m;
    }

    static Map<String, Object> application(TeamApplication a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("team", a.teamId());
        m.put("applicant", a.applicant());
        m.put("message", a.message());
        m.put("status", a.status().label());
        m.put("decidedBy", a.decidedBy().orElse(null));
        m.put("createdAt", a.createdAt().toString());
        m.put("decidedAt", a.decidedAt().map(Object::toString).orElse(null));
        return m;
    }
}
