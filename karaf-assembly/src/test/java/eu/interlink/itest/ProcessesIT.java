package eu.interlink.itest;

import static eu.interlink.itest.Problems.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/** Processes over HTTP: every field, administrators, paging and filters, and the problems of bad requests. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ProcessesIT {
    private static final String USER = Http.AS;
    private Http http;

    @Configuration
    public Option[] config() {
        return Platform.options();
    }

    @Before
    public void waitForTheApi() {
        http = Platform.signedIn("tester");
        Platform.awaitReady(http);
        Await.until("the processes endpoint", Duration.ofSeconds(60), () -> http.get("/api/v1/processes"), a -> a.status() == 200);
    }

    @Test
    public void createsAProcessWithEveryFieldAndItsCreatorAsAdministrator() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Greener school routes");
        body.put("description", "Safer and greener ways to walk to school");
        body.put("aim", "Half of the pupils walk or cycle");
        body.put("idea", "Map the routes with the parents");
        body.put("organizationDescription", "The city's mobility department");
        body.put("challenges", "Busy crossings");
        body.put("requirements", "Data on traffic");
        body.put("language", "es");
        body.put("logotype", "https://example.org/logo.png");
        body.put("tags", List.of("mobility", "schools"));
        body.put("public", true);
        Http.Answer created = http.post("/api/v1/processes", body, USER, "ana");
        assertEquals(created.toString(), 201, created.status());
        JsonNode p = created.json();
        String id = p.path("id").asText();
        assertEquals("/api/v1/processes/" + id, created.header("Location"));
        body.forEach((k, v) -> {
            if (!(v instanceof List)) assertEquals(k, String.valueOf(v), p.path(k).asText());
        });
        assertEquals("schools", p.path("tags").path(1).asText());
        assertEquals("awaiting", p.path("status").asText());
        assertEquals(0.0, p.path("progress").asDouble(), 0);
        assertEquals("ana", p.path("createdBy").asText());
        assertEquals(List.of("ana"), List.of(p.path("administrators").path(0).asText()));
        assertTrue(p.path("startDate").isNull());
        assertEquals(p, http.get("/api/v1/processes/" + id).json());

        // Creating a process needs an account: the signed-in caller is its first administrator, nobody else is.
        assertEquals("tester", http.post("/api/v1/processes", Map.of("name", "Named")).json().path("createdBy").asText());
        assertProblem(Platform.http().post("/api/v1/processes", Map.of("name", "Nameless")), 401);
        // The platform-wide activity log is for operators.
        Http operator = Platform.operator();
        Await.until("the creation in the activity log", Duration.ofSeconds(10), () -> operator.get("/api/v1/activity?subjectType=process&subjectId=" + id),
                a -> a.json().path("items").path(0).path("topic").asText().equals("eu/interlink/process/CREATED")
                        && a.json().path("items").path(0).path("actor").asText().equals("ana"));
    }

    @Test
    public void updatesPartlyOrWhollyAndDeletes() {
        // Public: others may read it, so refusing them a change is a 403 (a private one is a 404: PermissionsIT).
        String id = publicProcess("Library hours", "ben");
        Http.Answer patched = http.patch("/api/v1/processes/" + id, Map.of("aim", "Open on Sundays", "status", "in_progress", "logotype", "http://example.org/l.svg"), USER, "ben");
        assertEquals(patched.toString(), 200, patched.status());
        assertEquals("Library hours", patched.json().path("name").asText());
        assertEquals("Open on Sundays", patched.json().path("aim").asText());
        assertEquals("in_progress", patched.json().path("status").asText());
        assertEquals(50.0, patched.json().path("progress").asDouble(), 0);
        assertEquals("", http.patch("/api/v1/processes/" + id, Map.of("logotype", ""), USER, "ben").json().path("logotype").asText(""));

        // A PUT sets every field: it stays public only by saying so.
        Http.Answer put = http.put("/api/v1/processes/" + id, Map.of("name", "Library opening hours", "language", "lv", "public", true), USER, "ben");
        assertEquals(put.toString(), 200, put.status());
        assertEquals("", put.json().path("aim").asText());
        assertEquals("lv", put.json().path("language").asText());
        assertEquals("in_progress", put.json().path("status").asText());
        assertEquals("name", assertProblem(http.put("/api/v1/processes/" + id, Map.of("aim", "x"), USER, "ben"), 400).path("field").asText());

        assertProblem(http.patch("/api/v1/processes/" + id, Map.of("aim", "Not mine"), USER, "eve"), 403);
        assertProblem(http.delete("/api/v1/processes/" + id, USER, "eve"), 403);
        assertEquals(204, http.delete("/api/v1/processes/" + id, USER, "ben").status());
        assertProblem(http.get("/api/v1/processes/" + id), 404);
        assertProblem(http.patch("/api/v1/processes/" + id, Map.of("aim", "x"), USER, "ben"), 404);
        assertProblem(http.delete("/api/v1/processes/" + id, USER, "ben"), 404);
    }

    @Test
    public void administratorsComeAndGoButTheLastStays() {
        String id = publicProcess("Park benches", "cai");
        String admins = "/api/v1/processes/" + id + "/administrators";
        Http.Answer added = http.post(admins, Map.of("user", "dora"), USER, "cai");
        assertEquals(added.toString(), 201, added.status());
        assertEquals(2, added.json().path("items").size());
        assertProblem(http.post(admins, Map.of("user", "dora"), USER, "cai"), 409);
        assertProblem(http.post(admins, Map.of("user", "eve"), USER, "eve"), 403);
        assertEquals("user", assertProblem(http.post(admins, Map.of("user", ""), USER, "cai"), 400).path("field").asText());
        assertEquals("user", assertProblem(http.post(admins, Map.of(), USER, "cai"), 400).path("field").asText());

        // The new administrator may act, the removed one no longer.
        assertEquals(204, http.delete(admins + "/cai", USER, "dora").status());
        assertProblem(http.patch("/api/v1/processes/" + id, Map.of("aim", "x"), USER, "cai"), 403);
        JsonNode last = assertProblem(http.delete(admins + "/dora", USER, "dora"), 409);
        assertTrue(last.toString(), last.path("detail").asText().contains("last administrator"));
        assertProblem(http.delete(admins + "/nobody", USER, "dora"), 404);
        assertEquals(List.of("dora"), List.of(http.get(admins).json().path("items").path(0).asText()));
        assertProblem(http.method("PUT", admins), 405);
        Await.until("the removal in the activity log", Duration.ofSeconds(10), () -> http.get("/api/v1/activity?process=" + id),
                a -> a.body().contains("eu/interlink/process/ADMINISTRATOR_REMOVED"));
    }

    @Test
    public void pagesAndFilters() {
        String tag = "pf" + System.nanoTime();
        String a = Coproduction.createProcess(http, "Alpha " + tag);
        http.post("/api/v1/processes", Map.of("name", "Beta " + tag, "public", true));
        http.post("/api/v1/processes", Map.of("name", "Gamma", "description", "about " + tag.toUpperCase(), "status", "finished"));
        assertEquals(3, http.get("/api/v1/processes?q=" + tag).json().path("total").asInt());
        assertEquals(1, http.get("/api/v1/processes?q=alpha%20" + tag).json().path("total").asInt());
        assertEquals(1, http.get("/api/v1/processes?q=" + tag + "&public=true").json().path("total").asInt());
        assertEquals(2, http.get("/api/v1/processes?q=" + tag + "&public=false").json().path("total").asInt());
        JsonNode finished = http.get("/api/v1/processes?q=" + tag + "&status=finished").json();
        assertEquals(1, finished.path("total").asInt());
        assertEquals("Gamma", finished.path("items").path(0).path("name").asText());
        assertEquals(0, http.get("/api/v1/processes?q=" + tag + "_%25").json().path("total").asInt());

        JsonNode page = http.get("/api/v1/processes?q=" + tag + "&limit=2").json();
        assertEquals(2, page.path("items").size());
        assertEquals(3, page.path("total").asInt());
        JsonNode rest = http.get("/api/v1/processes?q=" + tag + "&limit=2&offset=2").json();
        assertEquals(1, rest.path("items").size());
        // Newest first: the first one created comes last.
        assertEquals(a, rest.path("items").path(0).path("id").asText());
    }

    @Test
    public void badRequestsAreProblemsNamingTheFieldOrParameter() {
        Object[][] bodies = {
            {Map.of(), "name"}, {Map.of("name", " "), "name"}, {Map.of("name", "x".repeat(201)), "name"},
            {Map.of("name", 5), "name"}, {Map.of("name", "n", "language", "fr"), "language"},
            {Map.of("name", "n", "logotype", "ftp://example.org/x.png"), "logotype"}, {Map.of("name", "n", "logotype", "logo.png"), "logotype"},
            {Map.of("name", "n", "tags", "mobility"), "tags"}, {Map.of("name", "n", "tags", List.of("ok", "")), "tags[1]"},
            {Map.of("name", "n", "public", "yes"), "public"}, {Map.of("name", "n", "status", "done"), "status"},
            {Map.of("name", "n", "colour", "red"), "colour"}, {Map.of("name", "n", "aim", "a".repeat(10_001)), "aim"},
        };
        for (Object[] c : bodies) {
            JsonNode p = assertProblem(http.post("/api/v1/processes", c[0]), 400);
            assertEquals(String.valueOf(c[0]).substring(0, Math.min(80, String.valueOf(c[0]).length())), c[1], p.path("field").asText());
        }
        String[][] queries = {{"status=done", "status"}, {"public=maybe", "public"}, {"limit=0", "limit"}, {"offset=-1", "offset"},
            {"q=" + "x".repeat(201), "q"}, {"lang=fr", "lang"}};
        for (String[] q : queries) {
            assertEquals(q[0], q[1], assertProblem(http.get("/api/v1/processes?" + q[0]), 400).path("parameter").asText());
        }
        assertProblem(http.postRaw("/api/v1/processes", "text/plain", "name=x".getBytes(StandardCharsets.UTF_8)), 415);
        assertProblem(http.postRaw("/api/v1/processes", "application/json", "{\"name\":".getBytes(StandardCharsets.UTF_8)), 400);
        // NUL, which PostgreSQL cannot keep in text (a 500 there before), is refused on either store.
        assertEquals("tags[0]", assertProblem(http.post("/api/v1/processes", Map.of("name", "n", "tags", List.of("a\u0000b"))), 400).path("field").asText());
        assertEquals("name", assertProblem(http.post("/api/v1/processes", Map.of("name", "\u0000")), 400).path("field").asText());
        assertEquals("subjectId", assertProblem(http.get("/api/v1/activity?subjectId=%00"), 400).path("parameter").asText());
        assertProblem(http.method("PUT", "/api/v1/processes"), 405);
        assertProblem(http.method("POST", "/api/v1/processes/some-id"), 405);
        assertProblem(http.get("/api/v1/processes/no-such-process"), 404);
        assertProblem(http.get("/api/v1/processes/no-such-process/unknown"), 404);
        assertProblem(http.get("/api/v1/processes//tree"), 404);
    }

    private String publicProcess(String name, String user) {
        Http.Answer a = http.post("/api/v1/processes", Map.of("name", name, "public", true), USER, user);
        assertEquals(a.toString(), 201, a.status());
        return a.json().path("id").asText();
    }
}
