package eu.interlink.itest;

import static eu.interlink.itest.Problems.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Contributions and rewards over HTTP: an administrator assigns task contributions, participants claim them,
 * administrators approve or reject the claims (never their own approval), approved points rank users on the
 * process's leaderboard once it is turned on, and each user gets a certificate as a printable page.
 * Every refusal is a problem; a private process stays invisible to strangers; the changes reach the activity log
 * with the users they concern; erasing an account leaves its points under the pseudonym.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ContributionsIT {
    private static final String AS = Http.AS;
    private Http http;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return Platform.options();
    }

    @Before
    public void importTheSchemas() throws Exception {
        http = Platform.http();
        Platform.awaitReady(http);
        Coproduction.Report report = Coproduction.importSchemas(context, Platform.seedCatalogue());
        assertEquals(report.issues().toString(), 0, report.issues().size());
    }

    private JsonNode ok(Http.Answer a, int status) {
        assertEquals(a.toString(), status, a.status());
        return a.body().isEmpty() ? null : a.json();
    }

    private String team(String owner, String name, String... members) {
        String id = ok(http.post("/api/v1/teams", Map.of("name", name, "type", "citizen"), AS, owner), 201).path("id").asText();
        for (String m : members) {
            http.tokenOf(m);
            ok(http.post("/api/v1/teams/" + id + "/members", Map.of("user", m), AS, owner), 201);
        }
        return id;
    }

    private static Map<String, Object> assignment(String task, String user, String kind, Object points) {
        Map<String, Object> body = new HashMap<>(Map.of("task", task, "kind", kind, "points", points, "description", "Expected work"));
        if (user != null) body.put("user", user);
        return body;
    }

    @Test
    public void assignClaimDecideRankAndCertify() throws Exception {
        // ada administers a private process; bo too. meg and max work on it (access), rita only reads, sam is a stranger.
        String p = ok(http.post("/api/v1/processes", Map.of("name", "Park renewal", "public", false), AS, "ada"), 201).path("id").asText();
        JsonNode tree = ok(http.post("/api/v1/processes/" + p + "/schema", Map.of("schema", "default"), AS, "ada"), 201);
        String task = Coproduction.find(tree, "task-understand_the_different_types_of_stakeholders").path("id").asText();
        String phase = Coproduction.find(tree, "phase-engage").path("id").asText();
        http.tokenOf("bo");
        ok(http.post("/api/v1/processes/" + p + "/administrators", Map.of("user", "bo"), AS, "ada"), 201);
        String workers = team("ada", "Park workers", "meg", "max");
        String readers = team("ada", "Park readers", "rita");
        ok(http.post("/api/v1/processes/" + p + "/permissions", Map.of("team", workers, "access", true), AS, "ada"), 201);
        ok(http.post("/api/v1/processes/" + p + "/permissions", Map.of("team", readers, "access", false), AS, "ada"), 201);
        http.tokenOf("sam");
        Http anonymous = Platform.http();
        String base = "/api/v1/contributions/" + p;

        // Leaderboard is opt-in: off until an administrator turns it on.
        assertFalse(ok(http.get(base + "/settings", AS, "meg"), 200).path("leaderboard").asBoolean());
        assertEquals("urn:interlink:problem:leaderboard-off", assertProblem(http.get(base + "/leaderboard", AS, "ada"), 404).path("type").asText());

        // Assignments: one for meg, three open to whoever may work on the task.
        String forMeg = ok(http.post(base + "/assignments", assignment(task, "meg", "development", 30), AS, "ada"), 201).path("id").asText();
        String open = ok(http.post(base + "/assignments", assignment(task, null, "management", 10), AS, "ada"), 201).path("id").asText();
        String small = ok(http.post(base + "/assignments", assignment(task, null, "exploitation", 10), AS, "ada"), 201).path("id").asText();
        String tie = ok(http.post(base + "/assignments", assignment(task, null, "development", 10), AS, "bo"), 201).path("id").asText();
        JsonNode listed = ok(http.get(base + "/assignments?task=" + task, AS, "rita"), 200).path("items");
        assertEquals(4, listed.size());
        assertEquals("meg", listed.path(0).path("user").asText());
        assertTrue(listed.path(1).path("user").isNull());
        assertEquals("development", listed.path(0).path("kind").asText());
        assertEquals(30, listed.path(0).path("points").asInt());

        // Bad input is a problem naming the field.
        assertEquals("kind", assertProblem(http.post(base + "/assignments", assignment(task, null, "marketing", 5), AS, "ada"), 400).path("field").asText());
        assertEquals("points", assertProblem(http.post(base + "/assignments", assignment(task, null, "management", -5), AS, "ada"), 400).path("field").asText());
        assertEquals("points", assertProblem(http.post(base + "/assignments", assignment(task, null, "management", 0), AS, "ada"), 400).path("field").asText());
        assertEquals("points", assertProblem(http.post(base + "/assignments", assignment(task, null, "management", 1.5), AS, "ada"), 400).path("field").asText());
        assertEquals("points", assertProblem(http.post(base + "/assignments", assignment(task, null, "management", "7"), AS, "ada"), 400).path("field").asText());
        assertEquals("task", assertProblem(http.post(base + "/assignments", assignment(phase, null, "management", 5), AS, "ada"), 400).path("field").asText());
        assertEquals("user", assertProblem(http.post(base + "/assignments", assignment(task, "nobody-here", "management", 5), AS, "ada"), 400).path("field").asText());
        assertProblem(http.post(base + "/assignments", assignment("no-such-task", null, "management", 5), AS, "ada"), 404);
        assertProblem(http.post(base + "/assignments", Map.of("task", task, "kind", "management", "points", 5, "colour", "red"), AS, "ada"), 400);
        // Who may assign: administrators; a member is refused, a stranger and someone anonymous learn nothing.
        assertProblem(http.post(base + "/assignments", assignment(task, null, "management", 5), AS, "meg"), 403);
        assertProblem(http.post(base + "/assignments", assignment(task, null, "management", 5), AS, "sam"), 404);
        assertProblem(anonymous.post(base + "/assignments", assignment(task, null, "management", 5)), 401);
        assertProblem(http.get(base + "/assignments", AS, "sam"), 404);
        assertProblem(anonymous.get(base + "/assignments"), 404);

        // Claims: by the assignee, or for open ones by anyone with rights to work on the task.
        String asset = ok(http.post("/api/v1/processes/" + p + "/tasks/" + task + "/assets",
                Map.of("kind", "external", "name", "Stakeholder map", "uri", "https://example.org/map"), AS, "ada"), 201).path("id").asText();
        JsonNode megClaim = ok(http.post(base + "/assignments/" + forMeg + "/claims", Map.of("description", "Mapped the stakeholders", "asset", asset),
                AS, "meg"), 201);
        assertEquals("pending", megClaim.path("status").asText());
        assertEquals(asset, megClaim.path("asset").asText());
        assertEquals(30, megClaim.path("points").asInt());
        assertEquals("already-claimed", type(assertProblem(http.post(base + "/assignments/" + forMeg + "/claims", Map.of("description", "Again"), AS, "meg"), 409)));
        assertProblem(http.post(base + "/assignments/" + forMeg + "/claims", Map.of("description", "Mine"), AS, "max"), 403);
        assertProblem(http.post(base + "/assignments/" + open + "/claims", Map.of("description", "I read it"), AS, "rita"), 403);
        assertProblem(http.post(base + "/assignments/" + open + "/claims", Map.of("description", "Me"), AS, "sam"), 404);
        assertProblem(anonymous.post(base + "/assignments/" + open + "/claims", Map.of("description", "Me")), 401);
        assertEquals("description", assertProblem(http.post(base + "/assignments/" + open + "/claims", Map.of(), AS, "max"), 400).path("field").asText());
        assertEquals("asset", assertProblem(http.post(base + "/assignments/" + open + "/claims", Map.of("description", "x", "asset", "nope"), AS, "max"), 400)
                .path("field").asText());
        assertProblem(http.post(base + "/assignments/no-such/claims", Map.of("description", "x"), AS, "max"), 404);
        String maxOpen = ok(http.post(base + "/assignments/" + open + "/claims", Map.of("description", "Ran the meeting"), AS, "max"), 201).path("id").asText();
        String megOpen = ok(http.post(base + "/assignments/" + open + "/claims", Map.of("description", "Kept the minutes"), AS, "meg"), 201).path("id").asText();
        String adaSmall = ok(http.post(base + "/assignments/" + small + "/claims", Map.of("description", "Told the press"), AS, "ada"), 201).path("id").asText();
        String maxTie = ok(http.post(base + "/assignments/" + tie + "/claims", Map.of("description", "Built the page"), AS, "max"), 201).path("id").asText();

        // Decisions: administrators only, once, never approving their own claim.
        String megFirst = megClaim.path("id").asText();
        assertProblem(http.post(base + "/claims/" + megFirst + "/approve", Map.of(), AS, "rita"), 403);
        assertProblem(http.post(base + "/claims/" + megFirst + "/approve", Map.of(), AS, "meg"), 403);
        assertProblem(http.post(base + "/claims/" + megFirst + "/approve", Map.of(), AS, "sam"), 404);
        assertProblem(anonymous.post(base + "/claims/" + megFirst + "/approve", Map.of()), 401);
        JsonNode approved = ok(http.post(base + "/claims/" + megFirst + "/approve", Map.of(), AS, "ada"), 200);
        assertEquals("approved", approved.path("status").asText());
        assertEquals("ada", approved.path("decidedBy").asText());
        assertEquals("claim-decided", type(assertProblem(http.post(base + "/claims/" + megFirst + "/approve", Map.of(), AS, "bo"), 409)));
        assertEquals("reason", assertProblem(http.post(base + "/claims/" + maxOpen + "/reject", Map.of(), AS, "ada"), 400).path("field").asText());
        JsonNode rejected = ok(http.post(base + "/claims/" + maxOpen + "/reject", Map.of("reason", "meg ran it"), AS, "ada"), 200);
        assertEquals("rejected", rejected.path("status").asText());
        assertEquals("meg ran it", rejected.path("reason").asText());
        assertEquals("claim-decided", type(assertProblem(http.post(base + "/claims/" + maxOpen + "/approve", Map.of(), AS, "ada"), 409)));
        assertEquals("claim-decided", type(assertProblem(http.post(base + "/claims/" + maxOpen + "/reject", Map.of("reason", "x"), AS, "ada"), 409)));
        assertEquals("own-claim", type(assertProblem(http.post(base + "/claims/" + adaSmall + "/approve", Map.of(), AS, "ada"), 403)));
        ok(http.post(base + "/claims/" + adaSmall + "/approve", Map.of(), AS, "bo"), 200);
        ok(http.post(base + "/claims/" + megOpen + "/approve", Map.of(), AS, "bo"), 200);
        ok(http.post(base + "/claims/" + maxTie + "/approve", Map.of(), AS, "ada"), 200);
        assertProblem(http.post(base + "/claims/no-such/approve", Map.of(), AS, "ada"), 404);
        // After a rejection the same contribution may be claimed again; a pending claim earns nothing.
        ok(http.post(base + "/assignments/" + open + "/claims", Map.of("description", "Ran the second meeting"), AS, "max"), 201);

        // Claims lists: administrators see all, others their own.
        assertEquals(6, ok(http.get(base + "/claims", AS, "bo"), 200).path("items").size());
        assertEquals(2, ok(http.get(base + "/claims", AS, "meg"), 200).path("items").size());
        assertEquals(1, ok(http.get(base + "/claims?status=rejected", AS, "ada"), 200).path("items").size());
        assertEquals(0, ok(http.get(base + "/claims", AS, "rita"), 200).path("items").size());
        assertEquals("status", assertProblem(http.get(base + "/claims?status=maybe", AS, "ada"), 400).path("parameter").asText());
        assertProblem(http.get(base + "/claims", AS, "sam"), 404);

        // The leaderboard, once turned on: meg 40 (30 development + 10 management); ada and max tie on 10, listed by name.
        assertProblem(http.put(base + "/settings", Map.of("leaderboard", true), AS, "meg"), 403);
        assertProblem(http.put(base + "/settings", Map.of("leaderboard", true), AS, "sam"), 404);
        assertEquals("leaderboard", assertProblem(http.put(base + "/settings", Map.of("leaderboard", "yes"), AS, "ada"), 400).path("field").asText());
        assertTrue(ok(http.put(base + "/settings", Map.of("leaderboard", true), AS, "ada"), 200).path("leaderboard").asBoolean());
        JsonNode board = ok(http.get(base + "/leaderboard", AS, "rita"), 200).path("items");
        assertEquals(board.toString(), 3, board.size());
        assertEquals(List.of("meg", "ada", "max"), List.of(board.path(0).path("user").asText(), board.path(1).path("user").asText(), board.path(2).path("user").asText()));
        assertEquals(List.of(1, 2, 2), List.of(board.path(0).path("rank").asInt(), board.path(1).path("rank").asInt(), board.path(2).path("rank").asInt()));
        assertEquals(40, board.path(0).path("total").asInt());
        assertEquals(30, board.path(0).path("points").path("development").asInt());
        assertEquals(10, board.path(0).path("points").path("management").asInt());
        assertEquals(0, board.path(0).path("points").path("exploitation").asInt());
        assertEquals(10, board.path(1).path("points").path("exploitation").asInt());
        assertEquals(board, ok(http.get(base + "/leaderboard", AS, "max"), 200).path("items"));
        assertProblem(http.get(base + "/leaderboard", AS, "sam"), 404);
        assertProblem(anonymous.get(base + "/leaderboard"), 404);

        // The certificate: the user themself and administrators; HTML in the asked language, and its data as JSON.
        Http.Answer page = http.get(base + "/certificates/meg?lang=es", AS, "meg");
        assertEquals(page.toString(), 200, page.status());
        assertTrue(page.header("Content-Type"), page.header("Content-Type").startsWith("text/html"));
        assertEquals("es", page.header("Content-Language"));
        assertTrue(page.body(), page.body().contains("Certificado de contribución") && page.body().contains("id=\"total\">40<")
                && page.body().contains("Park renewal") && page.body().contains("Mapped the stakeholders") && page.body().contains("@media print"));
        assertFalse(page.body(), page.body().contains("Ran the meeting"));
        Http.Answer italian = http.get(base + "/certificates/meg", AS, "ada", "Accept-Language", "it");
        assertTrue(italian.body(), italian.body().contains("Certificato di contributo") && italian.body().contains("id=\"total\">40<"));
        JsonNode data = ok(http.get(base + "/certificates/meg?format=json", AS, "bo"), 200);
        assertEquals(40, data.path("total").asInt());
        assertEquals(2, data.path("items").size());
        // The certificate of someone without approved points says so, in their language.
        assertTrue(http.get(base + "/certificates/rita?lang=lv", AS, "bo").body().contains("Vēl nav apstiprinātu ieguldījumu."));
        assertProblem(http.get(base + "/certificates/meg", AS, "max"), 403);
        assertProblem(http.get(base + "/certificates/meg", AS, "rita"), 403);
        assertProblem(http.get(base + "/certificates/meg", AS, "sam"), 404);
        assertProblem(anonymous.get(base + "/certificates/meg"), 404);
        assertEquals("format", assertProblem(http.get(base + "/certificates/meg?format=xml", AS, "meg"), 400).path("parameter").asText());
        assertEquals("lang", assertProblem(http.get(base + "/certificates/meg?lang=fr", AS, "meg"), 400).path("parameter").asText());

        // Claimed, approved and rejected reach Event Admin, hence the activity log, with the users they concern.
        JsonNode activity = Await.until("the decisions in the activity log", Duration.ofSeconds(20),
                () -> http.get("/api/v1/activity?process=" + p + "&limit=200", AS, "ada"),
                a -> a.body().contains("eu/interlink/contributions/REJECTED") && a.body().contains("eu/interlink/contributions/APPROVED")
                        && a.body().contains("eu/interlink/contributions/CLAIMED")).json();
        List<String> seen = new ArrayList<>();
        for (JsonNode e : activity.path("items")) {
            String topic = e.path("topic").asText();
            if (!topic.startsWith("eu/interlink/contributions/")) continue;
            seen.add(topic);
            assertEquals(p, e.path("process").asText());
            String users = e.path("details").path("users").asText();
            if (topic.endsWith("/REJECTED")) {
                assertEquals("[max]", users);
                assertEquals("meg ran it", e.path("details").path("reason").asText());
            }
            if (topic.endsWith("/CLAIMED")) assertTrue(users, users.contains("ada") && users.contains("bo"));
            if (topic.endsWith("/APPROVED") && e.path("subjectId").asText().equals(megFirst)) assertEquals("[meg]", users);
        }
        assertTrue(seen.toString(), seen.contains("eu/interlink/contributions/ASSIGNED") && seen.contains("eu/interlink/contributions/SETTINGS_CHANGED"));

        // A user's data export lists their claims.
        JsonNode export = ok(http.get("/api/v1/me/export", AS, "meg"), 200).path("contributionClaims");
        assertEquals(export.toString(), 2, export.size());
        assertEquals("approved", export.path(0).path("status").asText());

        // Erasure: max's points stay on the board under the pseudonym; the name is gone from every contribution table.
        String pseudonym = ok(http.delete("/api/v1/me", AS, "max"), 200).path("pseudonym").asText();
        JsonNode after = ok(http.get(base + "/leaderboard", AS, "ada"), 200).path("items");
        assertEquals(pseudonym, after.path(2).path("user").asText());
        assertFalse(after.toString(), after.toString().contains("\"max\""));
        assertFalse(http.get(base + "/claims", AS, "ada").body().contains("\"max\""));

        // Removing an assignment takes its claims and their points with it; the board can be turned off again.
        assertProblem(http.delete(base + "/assignments/" + small, AS, "meg"), 403);
        ok(http.delete(base + "/assignments/" + small, AS, "ada"), 204);
        assertEquals(List.of(), textsOf(ok(http.get(base + "/leaderboard", AS, "ada"), 200).path("items"), "ada"));
        ok(http.put(base + "/settings", Map.of("leaderboard", false), AS, "bo"), 200);
        assertProblem(http.get(base + "/leaderboard", AS, "ada"), 404);
    }

    private static String type(JsonNode problem) {
        return problem.path("type").asText().substring("urn:interlink:problem:".length());
    }

    private static List<String> textsOf(JsonNode items, String user) {
        List<String> out = new ArrayList<>();
        for (JsonNode i : items) if (i.path("user").asText().equals(user)) out.add(i.toString());
        return out;
    }
}
