package eu.interlink.itest;

import static eu.interlink.itest.Problems.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.time.Duration;
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
 * Permissions of teams on processes and subtrees over real HTTP: private processes do not leak (404 to anyone
 * without a right, in lists too), grants merge along the tree with the deepest level winning, rights decide task
 * assets (adding, opening in the Interlinker's own page, removing), participation requests, the audit log, and
 * CORS limited to the configured origin.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PermissionsIT {
    private static final String AS = Http.AS;
    private static final String ALLOWED_ORIGIN = "https://pa.example.org";
    private Http http;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return Platform.options(editConfigurationFilePut("etc/eu.interlink.cors.cfg", "allowed.origins", ALLOWED_ORIGIN + ", not-an-origin"));
    }

    @Before
    public void importTheSchemas() throws Exception {
        http = Platform.http();
        Platform.awaitReady(http);
        Await.until("the checklist Interlinker", Duration.ofSeconds(60), () -> http.get("/api/v1/interlinkers/checklist"), a -> a.status() == 200);
        Coproduction.Report report = Coproduction.importSchemas(context, Platform.seedCatalogue());
        assertEquals(report.issues().toString(), 0, report.issues().size());
    }

    /** A process of {@code owner} with the default schema's tree. */
    private JsonNode process(String owner, String name, boolean isPublic) {
        Http.Answer created = http.post("/api/v1/processes", Map.of("name", name, "public", isPublic), AS, owner);
        assertEquals(created.toString(), 201, created.status());
        String id = created.json().path("id").asText();
        Http.Answer tree = http.post("/api/v1/processes/" + id + "/schema", Map.of("schema", "default"), AS, owner);
        assertEquals(tree.toString(), 201, tree.status());
        return tree.json();
    }

    private String team(String owner, String name, String... members) {
        Http.Answer t = http.post("/api/v1/teams", Map.of("name", name, "type", "citizen"), AS, owner);
        assertEquals(t.toString(), 201, t.status());
        String id = t.json().path("id").asText();
        for (String m : members) {
            http.tokenOf(m);
            Http.Answer added = http.post("/api/v1/teams/" + id + "/members", Map.of("user", m), AS, owner);
            assertEquals(added.toString(), 201, added.status());
        }
        return id;
    }

    private String grant(String process, String owner, Map<String, Object> grant) {
        Http.Answer g = http.post("/api/v1/processes/" + process + "/permissions", grant, AS, owner);
        assertEquals(g.toString(), 201, g.status());
        return g.json().path("id").asText();
    }

    private JsonNode rights(String process, String item, String user) {
        Http.Answer r = http.get("/api/v1/processes/" + process + (item == null ? "" : "/items/" + item) + "/rights", AS, user);
        assertEquals(r.toString(), 200, r.status());
        return r.json();
    }

    private static String id(JsonNode tree, String schemaItem) {
        return Coproduction.find(tree, schemaItem).path("id").asText();
    }

    @Test
    public void aPrivateProcessDoesNotLeakToAnyoneWithoutARight() {
        JsonNode tree = process("ada", "Private plans", false);
        String p = tree.path("process").asText();
        String task = id(tree, "task-understand_the_different_types_of_stakeholders");
        http.tokenOf("sam");
        Http anonymous = Platform.http();
        for (String path : List.of("", "/tree", "/administrators", "/rights", "/permissions", "/participation-requests", "/items/" + task,
                "/items/" + task + "/rights", "/tasks/" + task + "/assets", "/tasks/" + task + "/recommendations")) {
            String url = "/api/v1/processes/" + p + path;
            assertProblem(anonymous.get(url), 404);
            assertProblem(http.get(url, AS, "sam"), 404);
            assertEquals(url, 200, http.get(url, AS, "ada").status());
        }
        // Changes: 401 without an account (the same for any id), 404 to a stranger, never 403 that would tell.
        assertProblem(anonymous.patch("/api/v1/processes/" + p, Map.of("aim", "x")), 401);
        assertProblem(http.patch("/api/v1/processes/" + p, Map.of("aim", "x"), AS, "sam"), 404);
        assertProblem(http.delete("/api/v1/processes/" + p, AS, "sam"), 404);
        assertProblem(http.post("/api/v1/processes/" + p + "/items", Map.of("type", "phase", "name", "x"), AS, "sam"), 404);
        assertProblem(http.post("/api/v1/processes/" + p + "/tasks/" + task + "/assets", Map.of("kind", "external", "name", "x", "uri", "https://example.org"), AS, "sam"), 404);
        assertProblem(http.post("/api/v1/processes/" + p + "/participation-requests", Map.of(), AS, "sam"), 404);
        // Lists show what the caller may read; mine=true what they take part in.
        assertFalse(listed(anonymous.get("/api/v1/processes?limit=100"), p));
        assertFalse(listed(http.get("/api/v1/processes?limit=100", AS, "sam"), p));
        assertTrue(listed(http.get("/api/v1/processes?limit=100", AS, "ada"), p));
        assertTrue(listed(http.get("/api/v1/processes?mine=true&limit=100", AS, "ada"), p));
        assertFalse(listed(http.get("/api/v1/processes?mine=true&limit=100", AS, "sam"), p));
        assertProblem(anonymous.get("/api/v1/processes?mine=true"), 401);
        assertEquals("mine", assertProblem(http.get("/api/v1/processes?mine=yes", AS, "ada"), 400).path("parameter").asText());
        // A public one is readable by all, changeable by its administrators only.
        JsonNode open = process("ada", "Open plans", true);
        String o = open.path("process").asText();
        assertEquals(200, anonymous.get("/api/v1/processes/" + o + "/tree").status());
        assertTrue(listed(anonymous.get("/api/v1/processes?limit=100"), o));
        JsonNode pub = rights(o, null, "sam");
        assertTrue(pub.path("read").asBoolean());
        assertFalse(pub.path("access").asBoolean());
        assertEquals("public", pub.path("roles").get(0).asText());
        assertProblem(http.patch("/api/v1/processes/" + o, Map.of("aim", "x"), AS, "sam"), 403);
        assertProblem(http.get("/api/v1/processes/" + o + "/permissions", AS, "sam"), 403);
        assertTrue(rights(o, null, "ada").path("administer").asBoolean());
    }

    private static boolean listed(Http.Answer list, String id) {
        assertEquals(list.toString(), 200, list.status());
        for (JsonNode item : list.json().path("items")) if (item.path("id").asText().equals(id)) return true;
        return false;
    }

    @Test
    public void grantsMergeAlongTheTreeAndTheDeepestWins() {
        JsonNode tree = process("bea", "Harbour works", false);
        String p = tree.path("process").asText();
        String phase = id(tree, "phase-engage");
        String inPhase = id(tree, "task-understand_the_different_types_of_stakeholders");
        String otherPhaseTask = Coproduction.find(tree, "phase-design").path("children").get(0).path("children").get(0).path("id").asText();
        String readers = team("bea", "Readers", "mia");
        String builders = team("bea", "Builders", "mia");
        // Whole process: access only.
        grant(p, "bea", Map.of("team", readers, "access", true));
        JsonNode r = rights(p, otherPhaseTask, "mia");
        assertTrue(r.path("read").asBoolean());
        assertTrue(r.path("access").asBoolean());
        assertFalse(r.path("createAssets").asBoolean());
        assertEquals(List.of(readers), List.of(r.path("teams").get(0).asText()));
        String assets = "/api/v1/processes/" + p + "/tasks/" + inPhase + "/assets";
        Map<String, Object> checklist = Map.of("kind", "internal", "interlinker", "checklist", "params", Map.of("title", "Who", "items", List.of("A")));
        assertEquals("urn:interlink:problem:forbidden", assertProblem(http.post(assets, checklist, AS, "mia"), 403).path("type").asText());
        // A phase grant is deeper than the process one: inside the phase it decides, even with fewer flags elsewhere.
        grant(p, "bea", Map.of("team", readers, "item", phase, "access", true, "createAssets", true));
        assertTrue(rights(p, inPhase, "mia").path("createAssets").asBoolean());
        assertFalse(rights(p, otherPhaseTask, "mia").path("createAssets").asBoolean());
        // Two teams' grants at the same (deepest) level add up.
        grant(p, "bea", Map.of("team", builders, "item", phase, "deleteAssets", true));
        JsonNode both = rights(p, inPhase, "mia");
        assertTrue(both.path("createAssets").asBoolean());
        assertTrue(both.path("deleteAssets").asBoolean());
        assertEquals(2, both.path("teams").size());
        Http.Answer made = http.post(assets, checklist, AS, "mia");
        assertEquals(made.toString(), 201, made.status());
        String asset = made.json().path("id").asText();
        // The asset's own page follows access; a stranger cannot tell it exists.
        http.tokenOf("ned");
        assertEquals(200, http.get("/interlinkers/checklist/assets/" + asset + "/items", AS, "mia").status());
        assertEquals(404, http.get("/interlinkers/checklist/assets/" + asset + "/items", AS, "ned").status());
        assertEquals(404, Platform.http().get("/interlinkers/checklist/assets/" + asset + "/items").status());
        assertProblem(http.get("/api/v1/assets/" + asset, AS, "ned"), 404);
        assertEquals(200, http.get("/api/v1/assets/" + asset, AS, "mia").status());
        // Process assets are listed per task, never in the list of loose assets.
        for (JsonNode a : http.get("/api/v1/assets?limit=100", AS, "mia").json().path("items")) assertFalse(asset.equals(a.path("id").asText()));
        // A task grant without access is deeper still: it takes access away there, and only there.
        String deny = grant(p, "bea", Map.of("team", readers, "item", inPhase));
        JsonNode denied = rights(p, inPhase, "mia");
        assertTrue(denied.path("read").asBoolean());
        assertFalse(denied.path("access").asBoolean());
        assertFalse(denied.path("createAssets").asBoolean());
        assertEquals(404, http.get("/interlinkers/checklist/assets/" + asset + "/items", AS, "mia").status());
        assertProblem(http.delete("/api/v1/assets/" + asset, AS, "mia"), 403);
        // Changing it gives delete back; then mia may remove the asset.
        Http.Answer changed = http.patch("/api/v1/processes/" + p + "/permissions/" + deny, Map.of("deleteAssets", true, "access", true), AS, "bea");
        assertEquals(changed.toString(), 200, changed.status());
        assertTrue(changed.json().path("deleteAssets").asBoolean());
        assertEquals(204, http.delete("/api/v1/assets/" + asset, AS, "mia").status());
        // Only administrators see and change grants; mistakes are named.
        assertProblem(http.get("/api/v1/processes/" + p + "/permissions", AS, "mia"), 403);
        assertProblem(http.post("/api/v1/processes/" + p + "/permissions", Map.of("team", readers, "access", true), AS, "mia"), 403);
        JsonNode listed = http.get("/api/v1/processes/" + p + "/permissions", AS, "bea").json().path("items");
        assertEquals(4, listed.size());
        assertTrue(listed.get(0).path("item").isNull());
        assertEquals(409, assertProblem(http.post("/api/v1/processes/" + p + "/permissions", Map.of("team", readers, "access", true), AS, "bea"), 409).path("status").asInt());
        assertEquals("team", assertProblem(http.post("/api/v1/processes/" + p + "/permissions", Map.of("team", "no-such-team"), AS, "bea"), 400).path("field").asText());
        assertEquals("access", assertProblem(http.post("/api/v1/processes/" + p + "/permissions", Map.of("team", readers, "access", "yes"), AS, "bea"), 400).path("field").asText());
        assertProblem(http.post("/api/v1/processes/" + p + "/permissions", Map.of("team", readers, "item", "not-an-item"), AS, "bea"), 404);
        assertProblem(http.get("/api/v1/processes/" + p + "/items/not-an-item/rights", AS, "bea"), 404);
        // Revoking every grant of her teams makes the private process vanish for mia.
        for (JsonNode g : listed) assertEquals(204, http.delete("/api/v1/processes/" + p + "/permissions/" + g.path("id").asText(), AS, "bea").status());
        assertProblem(http.get("/api/v1/processes/" + p, AS, "mia"), 404);
        assertProblem(http.delete("/api/v1/processes/" + p + "/permissions/" + deny, AS, "bea"), 404);
        // Grant changes are security events (filed from the events posted after each change commits).
        Http operator = Platform.operator();
        Await.until("grant events in the audit log", Duration.ofSeconds(20), () -> operator.get("/api/v1/admin/audit?limit=200"),
                a -> a.status() == 200 && a.body().contains("process-permission-granted") && a.body().contains("process-permission-revoked"));
    }

    @Test
    public void participationRequestsToPublicProcesses() {
        JsonNode tree = process("cai", "Open square", true);
        String p = tree.path("process").asText();
        String requests = "/api/v1/processes/" + p + "/participation-requests";
        String helpers = team("cai", "Helpers");
        grant(p, "cai", Map.of("team", helpers, "access", true, "createAssets", true));
        http.tokenOf("pia");
        http.tokenOf("quin");
        assertProblem(Platform.http().post(requests, Map.of()), 401);
        Http.Answer asked = http.post(requests, Map.of("message", "I live on the square"), AS, "pia");
        assertEquals(asked.toString(), 201, asked.status());
        String request = asked.json().path("id").asText();
        assertEquals("pending", asked.json().path("status").asText());
        assertProblem(http.post(requests, Map.of(), AS, "pia"), 409);
        assertProblem(http.post(requests, Map.of(), AS, "cai"), 409);
        assertEquals("message", assertProblem(http.post(requests, Map.of("message", "x".repeat(2001)), AS, "quin"), 400).path("field").asText());
        // The administrator sees every request, the applicant their own, anyone else none.
        assertEquals(1, http.get(requests, AS, "cai").json().path("total").asInt());
        assertEquals(1, http.get(requests, AS, "pia").json().path("total").asInt());
        assertEquals(0, http.get(requests, AS, "quin").json().path("total").asInt());
        assertEquals("status", assertProblem(http.get(requests + "?status=maybe", AS, "cai"), 400).path("parameter").asText());
        // Only an administrator decides; the team must hold a grant here.
        assertProblem(http.post(requests + "/" + request + "/accept", Map.of("team", helpers), AS, "pia"), 403);
        String idle = team("cai", "Idle");
        assertEquals("team", assertProblem(http.post(requests + "/" + request + "/accept", Map.of("team", idle), AS, "cai"), 400).path("field").asText());
        Http.Answer accepted = http.post(requests + "/" + request + "/accept", Map.of("team", helpers), AS, "cai");
        assertEquals(accepted.toString(), 200, accepted.status());
        assertEquals("accepted", accepted.json().path("status").asText());
        assertEquals(helpers, accepted.json().path("team").asText());
        assertProblem(http.post(requests + "/" + request + "/decline", Map.of(), AS, "cai"), 409);
        JsonNode r = rights(p, null, "pia");
        assertEquals("member", r.path("roles").get(0).asText());
        assertTrue(r.path("createAssets").asBoolean());
        // Declined requests change nothing.
        String other = http.post(requests, Map.of(), AS, "quin").json().path("id").asText();
        Http.Answer declined = http.post(requests + "/" + other + "/decline", Map.of(), AS, "cai");
        assertEquals(declined.toString(), 200, declined.status());
        assertNull(declined.json().path("team").textValue());
        assertFalse(rights(p, null, "quin").path("createAssets").asBoolean());
        assertEquals(1, http.get(requests + "?status=declined", AS, "cai").json().path("total").asInt());
        // A private process takes no requests (and does not say it exists).
        String closed = process("cai", "Closed", false).path("process").asText();
        assertProblem(http.post("/api/v1/processes/" + closed + "/participation-requests", Map.of(), AS, "quin"), 404);
    }

    @Test
    public void corsAnswersOnlyTheConfiguredOrigin() {
        Http.Answer allowed = http.method("OPTIONS", "/api/v1/processes", "Origin", ALLOWED_ORIGIN, "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "content-type,x-csrf-token");
        assertEquals(allowed.toString(), ALLOWED_ORIGIN, allowed.header("Access-Control-Allow-Origin"));
        assertEquals("true", allowed.header("Access-Control-Allow-Credentials"));
        assertTrue(allowed.toString(), allowed.header("Access-Control-Allow-Methods").contains("POST"));
        Http.Answer simple = http.get("/api/v1/health", "Origin", ALLOWED_ORIGIN);
        assertEquals(ALLOWED_ORIGIN, simple.header("Access-Control-Allow-Origin"));
        for (String origin : List.of("https://evil.example.org", "null", "https://pa.example.org.evil.example", "not-an-origin")) {
            Http.Answer refused = http.method("OPTIONS", "/api/v1/processes", "Origin", origin, "Access-Control-Request-Method", "POST");
            assertNull(origin, refused.header("Access-Control-Allow-Origin"));
            assertNull(origin, http.get("/api/v1/health", "Origin", origin).header("Access-Control-Allow-Origin"));
        }
    }
}
