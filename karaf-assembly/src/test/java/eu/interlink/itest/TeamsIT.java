package eu.interlink.itest;

import static eu.interlink.itest.Problems.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Organisations and teams over real HTTP: creation and each team creation policy, translated names, what each
 * caller may see (private ones do not exist for others, operators see all), 401/403 on writes, members and
 * administrators with the last-administrator rule, applications to join, deletion, the GDPR export and erasure.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TeamsIT {

    @Configuration
    public Option[] config() {
        return Platform.options();
    }

    private static String organisation(Http http, Map<String, Object> fields) {
        Http.Answer a = http.post("/api/v1/organisations", fields);
        assertEquals(a.toString(), 201, a.status());
        return a.json().path("id").asText();
    }

    private static String team(Http http, Map<String, Object> fields) {
        Http.Answer a = http.post("/api/v1/teams", fields);
        assertEquals(a.toString(), 201, a.status());
        return a.json().path("id").asText();
    }

    private static List<String> ids(JsonNode items) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.path("id").asText()));
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(i -> out.add(i.asText()));
        return out;
    }

    @Test
    public void organisationsHaveTranslatedNamesAndValidatedFields() {
        Http ana = Platform.signedIn("ana");
        Http.Answer made = ana.post("/api/v1/organisations", Map.of("name", Map.of("en", "City of Riga", "lv", "Rīgas pilsēta"),
                "description", Map.of("es", "Una ciudad"), "public", true, "defaultTeamType", "public_administration", "teamCreation", "members"));
        assertEquals(made.toString(), 201, made.status());
        JsonNode o = made.json();
        assertEquals("/api/v1/organisations/" + o.path("id").asText(), made.header("Location"));
        assertEquals("Rīgas pilsēta", o.path("name").path("lv").asText());
        assertEquals("City of Riga", o.path("name").path("en").asText());
        assertEquals("Una ciudad", o.path("description").path("es").asText());
        assertTrue(o.path("public").asBoolean());
        assertEquals("public_administration", o.path("defaultTeamType").asText());
        assertEquals("members", o.path("teamCreation").asText());
        assertEquals(List.of("ana"), texts(o.path("administrators")));
        assertEquals("ana", o.path("createdBy").asText());

        // Defaults: private, citizen teams, created by administrators.
        JsonNode plain = ana.post("/api/v1/organisations", Map.of("name", Map.of("it", "Comune"))).json();
        assertFalse(plain.path("public").asBoolean());
        assertEquals("citizen", plain.path("defaultTeamType").asText());
        assertEquals("administrators", plain.path("teamCreation").asText());

        assertEquals("name", assertProblem(ana.post("/api/v1/organisations", Map.of("description", Map.of("en", "x"))), 400).path("field").asText());
        assertEquals("name", assertProblem(ana.post("/api/v1/organisations", Map.of("name", Map.of("en", "  "))), 400).path("field").asText());
        assertEquals("name.fr", assertProblem(ana.post("/api/v1/organisations", Map.of("name", Map.of("fr", "Ville"))), 400).path("field").asText());
        assertEquals("name", assertProblem(ana.post("/api/v1/organisations", Map.of("name", "Not per language")), 400).path("field").asText());
        JsonNode unknown = assertProblem(ana.post("/api/v1/organisations", Map.of("name", Map.of("en", "x"), "colour", "red")), 400);
        assertEquals("colour", unknown.path("field").asText());
        assertTrue(unknown.toString(), unknown.path("detail").asText().contains("colour"));
        JsonNode badType = assertProblem(ana.post("/api/v1/organisations", Map.of("name", Map.of("en", "x"), "defaultTeamType", "company")), 400);
        assertEquals("defaultTeamType", badType.path("field").asText());
        assertTrue(badType.toString(), badType.path("detail").asText().contains("citizen, public_administration, nonprofit_organization, forprofit_organization"));
        JsonNode badPolicy = assertProblem(ana.post("/api/v1/organisations", Map.of("name", Map.of("en", "x"), "teamCreation", "everybody")), 400);
        assertTrue(badPolicy.toString(), badPolicy.path("detail").asText().contains("administrators, members, anyone"));

        // Changes: administrators only.
        String id = o.path("id").asText();
        Http.Answer patched = ana.patch("/api/v1/organisations/" + id, Map.of("name", Map.of("en", "Riga", "es", "Riga"), "teamCreation", "anyone"));
        assertEquals(patched.toString(), 200, patched.status());
        assertEquals("Riga", patched.json().path("name").path("es").asText());
        assertTrue(patched.json().path("name").path("lv").isMissingNode());
        assertEquals("anyone", patched.json().path("teamCreation").asText());
        assertProblem(Platform.http().patch("/api/v1/organisations/" + id, Map.of("public", false)), 401);
        assertProblem(Platform.signedIn("bea").patch("/api/v1/organisations/" + id, Map.of("public", false)), 403);
        assertProblem(Platform.signedIn("bea").delete("/api/v1/organisations/" + id), 403);
        assertProblem(Platform.http().post("/api/v1/organisations", Map.of("name", Map.of("en", "x"))), 401);
    }

    @Test
    public void teamCreationFollowsTheOrganisationsPolicy() {
        Http admin = Platform.signedIn("olga");
        Http member = Platform.signedIn("max");
        Http stranger = Platform.signedIn("sven");
        String byAdmins = organisation(admin, Map.of("name", Map.of("en", "Admins only"), "public", true, "defaultTeamType", "nonprofit_organization"));
        String byMembers = organisation(admin, Map.of("name", Map.of("en", "Members too"), "public", true, "teamCreation", "members"));
        String byAnyone = organisation(admin, Map.of("name", Map.of("en", "Anyone"), "public", true, "teamCreation", "anyone"));

        // Administrators only: the team takes the organisation's default type unless it says otherwise.
        Http.Answer first = admin.post("/api/v1/teams", Map.of("organisation", byAdmins, "name", "Board"));
        assertEquals(first.toString(), 201, first.status());
        assertEquals("nonprofit_organization", first.json().path("type").asText());
        assertEquals(byAdmins, first.json().path("organisation").asText());
        assertEquals(List.of("olga"), texts(first.json().path("members")));
        assertEquals(List.of("olga"), texts(first.json().path("administrators")));
        assertEquals("forprofit_organization", admin.post("/api/v1/teams", Map.of("organisation", byAdmins, "name", "Sponsors",
                "type", "forprofit_organization")).json().path("type").asText());
        assertProblem(member.post("/api/v1/teams", Map.of("organisation", byAdmins, "name", "Mine")), 403);

        // Members: the members of any of its teams may, others not.
        String core = team(admin, Map.of("organisation", byMembers, "name", "Core"));
        assertProblem(member.post("/api/v1/teams", Map.of("organisation", byMembers, "name", "Mine")), 403);
        assertEquals(201, admin.post("/api/v1/teams/" + core + "/members", Map.of("user", "max")).status());
        Http.Answer mine = member.post("/api/v1/teams", Map.of("organisation", byMembers, "name", "Mine"));
        assertEquals(mine.toString(), 201, mine.status());
        assertEquals("citizen", mine.json().path("type").asText());
        assertProblem(stranger.post("/api/v1/teams", Map.of("organisation", byMembers, "name", "Not mine")), 403);

        // Anyone signed in.
        assertEquals(201, stranger.post("/api/v1/teams", Map.of("organisation", byAnyone, "name", "Open")).status());
        assertProblem(Platform.http().post("/api/v1/teams", Map.of("organisation", byAnyone, "name", "Anonymous")), 401);

        // Without an organisation: anyone signed in; an unknown organisation does not exist.
        Http.Answer alone = stranger.post("/api/v1/teams", Map.of("name", "On our own", "description", "Neighbours"));
        assertEquals(alone.toString(), 201, alone.status());
        assertTrue(alone.json().path("organisation").isNull());
        assertEquals("citizen", alone.json().path("type").asText());
        assertProblem(stranger.post("/api/v1/teams", Map.of("organisation", "no-such-organisation", "name", "x")), 404);
        assertEquals("name", assertProblem(stranger.post("/api/v1/teams", Map.of("description", "no name")), 400).path("field").asText());
        assertEquals("type", assertProblem(stranger.post("/api/v1/teams", Map.of("name", "x", "type", "pirates")), 400).path("field").asText());
        assertEquals("size", assertProblem(stranger.post("/api/v1/teams", Map.of("name", "x", "size", 3)), 400).path("field").asText());

        // The organisation's teams, paged.
        JsonNode listed = Platform.http().get("/api/v1/teams?organisation=" + byAdmins + "&limit=1").json();
        assertEquals(2, listed.path("total").asInt());
        assertEquals(1, listed.path("items").size());
        assertEquals("Sponsors", listed.path("items").get(0).path("name").asText());
    }

    @Test
    public void privateOrganisationsAndTeamsDoNotExistForOthers() {
        Http owner = Platform.signedIn("pia");
        Http other = Platform.signedIn("paul");
        Http anonymous = Platform.http();
        String org = organisation(owner, Map.of("name", Map.of("en", "Hidden council")));
        String inside = team(owner, Map.of("organisation", org, "name", "Hidden team"));
        String alone = team(owner, Map.of("name", "Hidden on its own"));
        String publicOrg = organisation(owner, Map.of("name", Map.of("en", "Open council"), "public", true));
        String publicTeam = team(owner, Map.of("organisation", publicOrg, "name", "Open team"));

        for (Http outsider : List.of(anonymous, other)) {
            assertProblem(outsider.get("/api/v1/organisations/" + org), 404);
            assertProblem(outsider.get("/api/v1/organisations/" + org + "/administrators"), 404);
            assertProblem(outsider.get("/api/v1/teams/" + inside), 404);
            assertProblem(outsider.get("/api/v1/teams/" + alone), 404);
            assertProblem(outsider.get("/api/v1/teams/" + alone + "/members"), 404);
            assertProblem(outsider.get("/api/v1/teams?organisation=" + org), 404);
            List<String> orgs = ids(outsider.get("/api/v1/organisations?limit=100").json().path("items"));
            assertFalse(orgs.contains(org));
            assertTrue(orgs.contains(publicOrg));
            List<String> teams = ids(outsider.get("/api/v1/teams?limit=100").json().path("items"));
            assertFalse(teams.contains(inside));
            assertFalse(teams.contains(alone));
            assertTrue(teams.contains(publicTeam));
            assertEquals(200, outsider.get("/api/v1/teams/" + publicTeam).status());
            assertEquals(200, outsider.get("/api/v1/organisations/" + publicOrg).status());
        }
        // Writes to what one may not see are 404 too, never 403.
        assertProblem(other.patch("/api/v1/teams/" + alone, Map.of("name", "Mine now")), 404);
        assertProblem(other.delete("/api/v1/organisations/" + org), 404);
        assertProblem(other.post("/api/v1/teams/" + alone + "/applications", Map.of()), 404);
        assertProblem(other.post("/api/v1/teams", Map.of("organisation", org, "name", "x")), 404);
        assertProblem(anonymous.patch("/api/v1/teams/" + alone, Map.of("name", "x")), 401);

        // A member of one of its teams sees the private organisation, and that team, but not other teams of it.
        String second = team(owner, Map.of("organisation", org, "name", "Second hidden team"));
        assertEquals(201, owner.post("/api/v1/teams/" + inside + "/members", Map.of("user", "paul")).status());
        assertEquals(200, other.get("/api/v1/organisations/" + org).status());
        assertEquals(200, other.get("/api/v1/teams/" + inside).status());
        assertProblem(other.get("/api/v1/teams/" + second), 404);
        assertEquals(List.of(inside), ids(other.get("/api/v1/teams?organisation=" + org).json().path("items")));
        // A plain member may read but not change it.
        assertProblem(other.patch("/api/v1/teams/" + inside, Map.of("name", "x")), 403);
        assertProblem(other.post("/api/v1/teams/" + inside + "/members", Map.of("user", "pia")), 403);

        // Operators see everything.
        Http operator = Platform.operator();
        assertEquals(200, operator.get("/api/v1/organisations/" + org).status());
        assertEquals(200, operator.get("/api/v1/teams/" + alone).status());
        assertEquals(200, operator.get("/api/v1/teams/" + second).status());
        List<String> all = ids(operator.get("/api/v1/teams?limit=100").json().path("items"));
        assertTrue(all.toString(), all.containsAll(List.of(inside, alone, second, publicTeam)));
        assertTrue(ids(operator.get("/api/v1/organisations?limit=100").json().path("items")).contains(org));
        // But change only what they administer.
        assertProblem(operator.patch("/api/v1/teams/" + alone, Map.of("name", "x")), 403);
    }

    @Test
    public void membersAndAdministratorsKeepAtLeastOneAdministrator() {
        Http rosa = Platform.signedIn("rosa");
        Http rudi = Platform.signedIn("rudi");
        String org = organisation(rosa, Map.of("name", Map.of("en", "Club"), "public", true));
        String id = team(rosa, Map.of("organisation", org, "name", "Choir"));

        assertProblem(rosa.delete("/api/v1/teams/" + id + "/administrators/rosa"), 409);
        assertProblem(rosa.delete("/api/v1/teams/" + id + "/members/rosa"), 409);
        assertEquals("user", assertProblem(rosa.post("/api/v1/teams/" + id + "/members", Map.of("user", "nobody-has-this-name")), 400)
                .path("field").asText());
        assertEquals("user", assertProblem(rosa.post("/api/v1/teams/" + id + "/members", Map.of()), 400).path("field").asText());
        assertProblem(Platform.http().post("/api/v1/teams/" + id + "/members", Map.of("user", "rudi")), 401);
        assertProblem(rudi.post("/api/v1/teams/" + id + "/members", Map.of("user", "rudi")), 403);

        Http.Answer added = rosa.post("/api/v1/teams/" + id + "/members", Map.of("user", "rudi"));
        assertEquals(added.toString(), 201, added.status());
        assertEquals(List.of("rosa", "rudi"), texts(added.json().path("members")));
        assertProblem(rosa.post("/api/v1/teams/" + id + "/members", Map.of("user", "rudi")), 409);
        assertEquals(List.of("rosa", "rudi"), texts(Platform.http().get("/api/v1/teams/" + id + "/members").json().path("items")));
        assertTrue(texts(rudi.get("/api/v1/me/teams").json().path("items").get(0).path("members")).contains("rudi"));

        // Rudi becomes an administrator; then Rosa may step down and stays a member.
        JsonNode promoted = rosa.post("/api/v1/teams/" + id + "/administrators", Map.of("user", "rudi")).json();
        assertEquals(List.of("rosa", "rudi"), texts(promoted.path("administrators")));
        assertProblem(rosa.post("/api/v1/teams/" + id + "/administrators", Map.of("user", "rudi")), 409);
        assertEquals(204, rosa.delete("/api/v1/teams/" + id + "/administrators/rosa").status());
        JsonNode after = Platform.http().get("/api/v1/teams/" + id).json();
        assertEquals(List.of("rudi"), texts(after.path("administrators")));
        assertEquals(List.of("rosa", "rudi"), texts(after.path("members")));
        // Rosa still administers the organisation, and so the team.
        assertEquals(200, rosa.patch("/api/v1/teams/" + id, Map.of("description", "We sing")).status());
        assertProblem(rudi.delete("/api/v1/teams/" + id + "/administrators/rudi"), 409);
        // A member may leave.
        assertEquals(204, rosa.delete("/api/v1/teams/" + id + "/members/rosa").status());
        assertEquals(List.of("rudi"), texts(Platform.http().get("/api/v1/teams/" + id + "/members").json().path("items")));
        assertProblem(rudi.delete("/api/v1/teams/" + id + "/members/nobody"), 404);

        // Organisation administrators: the same rule.
        assertProblem(rosa.delete("/api/v1/organisations/" + org + "/administrators/rosa"), 409);
        assertProblem(rudi.post("/api/v1/organisations/" + org + "/administrators", Map.of("user", "rudi")), 403);
        Http.Answer orgAdmins = rosa.post("/api/v1/organisations/" + org + "/administrators", Map.of("user", "rudi"));
        assertEquals(orgAdmins.toString(), 201, orgAdmins.status());
        assertEquals(List.of("rosa", "rudi"), texts(orgAdmins.json().path("items")));
        assertEquals(204, rudi.delete("/api/v1/organisations/" + org + "/administrators/rosa").status());
        assertEquals(List.of("rudi"), texts(Platform.http().get("/api/v1/organisations/" + org + "/administrators").json().path("items")));
        assertProblem(rosa.patch("/api/v1/organisations/" + org, Map.of("public", false)), 403);

        // The changes are in the activity log (the platform-wide one is for operators).
        Http operator = Platform.operator();
        Await.until("the team's events in the activity log", Duration.ofSeconds(20),
                () -> operator.get("/api/v1/activity?subjectType=team&subjectId=" + id + "&limit=100").json().path("items"),
                items -> {
                    List<String> topics = new ArrayList<>();
                    items.forEach(e -> topics.add(e.path("topic").asText()));
                    return topics.containsAll(List.of("eu/interlink/teams/TEAM_CREATED", "eu/interlink/teams/MEMBER_ADDED",
                            "eu/interlink/teams/ADMINISTRATOR_ADDED", "eu/interlink/teams/ADMINISTRATOR_REMOVED", "eu/interlink/teams/MEMBER_REMOVED",
                            "eu/interlink/teams/TEAM_UPDATED"));
                });
    }

    @Test
    public void applicationsAreAcceptedOrDeclined() {
        Http lead = Platform.signedIn("lea");
        Http applicant = Platform.signedIn("ali");
        Http another = Platform.signedIn("ari");
        String org = organisation(lead, Map.of("name", Map.of("en", "Volunteers"), "public", true));
        String id = team(lead, Map.of("organisation", org, "name", "Gardeners"));

        assertProblem(Platform.http().post("/api/v1/teams/" + id + "/applications", Map.of("message", "hi")), 401);
        assertProblem(lead.post("/api/v1/teams/" + id + "/applications", Map.of()), 409);
        Http.Answer applied = applicant.post("/api/v1/teams/" + id + "/applications", Map.of("message", "I have a spade"));
        assertEquals(applied.toString(), 201, applied.status());
        JsonNode application = applied.json();
        assertEquals("pending", application.path("status").asText());
        assertEquals("ali", application.path("applicant").asText());
        String appId = application.path("id").asText();
        assertProblem(applicant.post("/api/v1/teams/" + id + "/applications", Map.of("message", "again")), 409);
        assertEquals("note", assertProblem(applicant.post("/api/v1/teams/" + id + "/applications", Map.of("note", "x")), 400).path("field").asText());

        // The administrators see all of them; the applicant its own; others none of them.
        String other = another.post("/api/v1/teams/" + id + "/applications", Map.of("message", "Me too")).json().path("id").asText();
        assertEquals(2, lead.get("/api/v1/teams/" + id + "/applications?status=pending").json().path("items").size());
        assertEquals(List.of(appId), ids(applicant.get("/api/v1/teams/" + id + "/applications").json().path("items")));
        assertEquals(List.of(appId), ids(applicant.get("/api/v1/me/applications").json().path("items")));
        assertEquals(200, applicant.get("/api/v1/teams/" + id + "/applications/" + appId).status());
        assertProblem(applicant.get("/api/v1/teams/" + id + "/applications/" + other), 404);
        assertProblem(Platform.http().get("/api/v1/teams/" + id + "/applications"), 401);
        assertProblem(lead.get("/api/v1/teams/" + id + "/applications?status=maybe"), 400);

        // Only administrators decide.
        assertProblem(applicant.post("/api/v1/teams/" + id + "/applications/" + appId + "/accept", Map.of()), 403);
        Http.Answer accepted = lead.post("/api/v1/teams/" + id + "/applications/" + appId + "/accept", Map.of());
        assertEquals(accepted.toString(), 200, accepted.status());
        assertEquals("accepted", accepted.json().path("status").asText());
        assertEquals("lea", accepted.json().path("decidedBy").asText());
        assertProblem(lead.post("/api/v1/teams/" + id + "/applications/" + appId + "/decline", Map.of()), 409);
        assertTrue(texts(Platform.http().get("/api/v1/teams/" + id).json().path("members")).contains("ali"));
        assertEquals(List.of(id), ids(applicant.get("/api/v1/me/teams").json().path("items")));
        assertProblem(applicant.post("/api/v1/teams/" + id + "/applications", Map.of()), 409);

        Http.Answer declined = lead.post("/api/v1/teams/" + id + "/applications/" + other + "/decline", Map.of());
        assertEquals("declined", declined.json().path("status").asText());
        assertFalse(texts(Platform.http().get("/api/v1/teams/" + id).json().path("members")).contains("ari"));
        assertEquals("declined", another.get("/api/v1/me/applications").json().path("items").get(0).path("status").asText());
        // Declined, one may apply again.
        assertEquals(201, another.post("/api/v1/teams/" + id + "/applications", Map.of("message", "Please")).status());
        assertProblem(lead.post("/api/v1/teams/" + id + "/applications/no-such-application/accept", Map.of()), 404);
    }

    @Test
    public void deletingTeamsAndOrganisations() {
        Http owner = Platform.signedIn("dora");
        Http member = Platform.signedIn("dino");
        String org = organisation(owner, Map.of("name", Map.of("en", "Short-lived"), "public", true));
        String first = team(owner, Map.of("organisation", org, "name", "First"));
        String second = team(owner, Map.of("organisation", org, "name", "Second"));
        owner.post("/api/v1/teams/" + first + "/members", Map.of("user", "dino"));
        member.post("/api/v1/teams/" + second + "/applications", Map.of());

        assertProblem(member.delete("/api/v1/teams/" + first), 403);
        assertProblem(Platform.http().delete("/api/v1/teams/" + first), 401);
        assertEquals(204, owner.delete("/api/v1/teams/" + first).status());
        assertProblem(owner.get("/api/v1/teams/" + first), 404);
        assertTrue(member.get("/api/v1/me/teams").json().path("items").isEmpty());

        assertEquals(204, owner.delete("/api/v1/organisations/" + org).status());
        assertProblem(owner.get("/api/v1/organisations/" + org), 404);
        assertProblem(owner.get("/api/v1/teams/" + second), 404);
        assertTrue(member.get("/api/v1/me/applications").json().path("items").isEmpty());
    }

    @Test
    public void exportHoldsTeamsAndErasurePseudonymisesMembers() {
        Http owner = Platform.signedIn("erik");
        Http leaving = Platform.signedIn("emma");
        String org = organisation(owner, Map.of("name", Map.of("en", "Archive"), "public", true));
        String id = team(owner, Map.of("organisation", org, "name", "Keepers"));
        String other = team(owner, Map.of("organisation", org, "name", "Others"));
        assertEquals(201, owner.post("/api/v1/teams/" + id + "/administrators", Map.of("user", "emma")).status());
        String applied = leaving.post("/api/v1/teams/" + other + "/applications", Map.of("message", "hello")).json().path("id").asText();
        String own = team(leaving, Map.of("name", "Emma's own"));

        JsonNode export = leaving.get("/api/v1/me/export").json();
        List<String> teams = ids(export.path("teams"));
        assertTrue(export.toString(), teams.containsAll(List.of(id, own)));
        assertEquals(2, teams.size());
        assertEquals(List.of(applied), ids(export.path("teamApplications")));
        // Others appear only as who changed emma's rights (the audit log's actor), never with data of their own.
        JsonNode withoutAudit = export.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) withoutAudit).remove("audit");
        assertFalse(withoutAudit.toString(), withoutAudit.toString().contains("\"erik\""));

        Http.Answer erased = leaving.delete("/api/v1/me");
        assertEquals(erased.toString(), 200, erased.status());
        String pseudonym = erased.json().path("pseudonym").asText();
        JsonNode team = Platform.http().get("/api/v1/teams/" + id).json();
        assertEquals(List.of("erik", pseudonym), texts(team.path("members")));
        assertEquals(List.of("erik", pseudonym), texts(team.path("administrators")));
        assertFalse(team.toString(), team.toString().contains("emma"));
        JsonNode applications = owner.get("/api/v1/teams/" + other + "/applications").json().path("items");
        assertEquals(pseudonym, applications.get(0).path("applicant").asText());
        JsonNode ownTeam = Platform.operator().get("/api/v1/teams/" + own).json();
        assertEquals(pseudonym, ownTeam.path("createdBy").asText());
        assertEquals(List.of(pseudonym), texts(ownTeam.path("members")));
    }

    @Test
    public void theApiCountsTheNewServlets() {
        Http http = Platform.http();
        Platform.awaitReady(http);
        JsonNode api = http.get("/api/v1/health").json().path("components").path("api");
        assertEquals(api.toString(), "UP", api.path("status").asText());
        // 21 before organisations and teams.
        assertTrue(api.toString(), api.path("servlets").asInt() >= 23);
        Map<String, Object> none = new HashMap<>();
        assertEquals(200, http.get("/api/v1/organisations").status());
        assertEquals(200, http.get("/api/v1/teams").status());
        assertProblem(http.get("/api/v1/me/teams"), 401);
        assertProblem(http.post("/api/v1/teams", none), 401);
        assertProblem(Platform.signedIn("hugo").put("/api/v1/teams", none), 405);
    }
}
