package eu.interlink.itest;

import static eu.interlink.itest.Problems.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

/**
 * The SPI end to end with the shipped checklist Interlinker: the kernel's asset operations over the API, and
 * the Interlinker's own pages reaching the same data through the kernel's store. Runs on H2; PostgresIT runs
 * it again on PostgreSQL.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AssetsIT {
    protected Http http;

    @Configuration
    public Option[] config() {
        return Platform.options();
    }

    @Before
    public void waitForTheChecklist() {
        http = Platform.http();
        // Each resource registers on its own as the platform boots: wait for the ones these tests use.
        Platform.awaitReady(http);
        Await.until("the checklist Interlinker", Duration.ofSeconds(60), () -> http.get("/api/v1/interlinkers/checklist"), a -> a.status() == 200);
    }

    private String createChecklist(String title, String... items) {
        Http.Answer created = http.post("/api/v1/assets", Map.of("interlinker", "checklist", "params", Map.of("title", title, "items", List.of(items))));
        assertEquals(created.toString(), 201, created.status());
        String id = created.json().path("id").asText();
        assertEquals("/api/v1/assets/" + id, created.header("Location"));
        return id;
    }

    @Test
    public void createsAnAssetThroughItsInterlinkerAndShowsIt() {
        String id = createChecklist("Plan the neighbourhood workshop", "Book the library hall", "Invite residents");
        JsonNode asset = http.get("/api/v1/assets/" + id).json();
        assertEquals("checklist", asset.path("interlinker").asText());
        assertEquals("Plan the neighbourhood workshop", asset.path("name").asText());
        assertEquals("available", asset.path("status").asText());
        assertEquals("/interlinkers/checklist/assets/" + id, asset.path("links").path("page").asText());

        JsonNode items = http.get("/interlinkers/checklist/assets/" + id + "/items").json();
        assertEquals(2, items.path("items").size());
        assertEquals("Book the library hall", items.path("items").path(0).path("text").asText());

        Http.Answer page = http.get("/interlinkers/checklist/assets/" + id + "?lang=es");
        assertEquals(200, page.status());
        assertTrue(page.header("Content-Type"), page.header("Content-Type").startsWith("text/html"));
        assertTrue(page.body(), page.body().contains("lang=\"es\"") && page.body().contains("Plan the neighbourhood workshop"));

        JsonNode listed = http.get("/api/v1/assets?interlinker=checklist&limit=100").json();
        assertTrue(listed.toString(), CatalogueIT.count(listed, id) == 1);
    }

    @Test
    public void editsThroughTheInterlinkersPagesAndRefusesAStaleWrite() {
        String id = createChecklist("Consultation", "Draft questions");
        String items = "/interlinkers/checklist/assets/" + id + "/items";
        Http.Answer added = http.post(items, Map.of("text", "Publish the survey", "assignee", "Ona"));
        assertEquals(added.toString(), 201, added.status());
        long version = http.get(items).json().path("version").asLong();
        String first = http.get(items).json().path("items").path(0).path("id").asText();

        Http.Answer done = http.patch(items + "/" + first, Map.of("done", true), "If-Match", String.valueOf(version));
        assertEquals(done.toString(), 200, done.status());
        Http.Answer stale = http.patch(items + "/" + first, Map.of("done", false), "If-Match", String.valueOf(version));
        assertEquals(stale.toString(), 412, stale.status());
        assertTrue(http.get(items).json().path("items").path(0).path("done").asBoolean());

        String markdown = http.get("/api/v1/assets/" + id + "/download").body();
        assertTrue(markdown, markdown.contains("- [x] Draft questions") && markdown.contains("- [ ] Publish the survey"));
        assertTrue(http.get("/api/v1/assets/" + id + "/download").header("Content-Disposition").startsWith("attachment"));
    }

    @Test
    public void copiesAndDeletesWithTheData() {
        String id = createChecklist("Original", "One", "Two");
        Http.Answer copied = http.post("/api/v1/assets/" + id + "/copy", Map.of());
        assertEquals(copied.toString(), 201, copied.status());
        String copy = copied.json().path("id").asText();
        assertNotEquals(id, copy);
        http.post("/interlinkers/checklist/assets/" + copy + "/items", Map.of("text", "Only in the copy"));
        assertEquals(2, http.get("/interlinkers/checklist/assets/" + id + "/items").json().path("items").size());
        assertEquals(3, http.get("/interlinkers/checklist/assets/" + copy + "/items").json().path("items").size());

        assertEquals(204, http.delete("/api/v1/assets/" + id).status());
        assertProblem(http.get("/api/v1/assets/" + id), 404);
        assertEquals(404, http.get("/interlinkers/checklist/assets/" + id + "/items").status());
        assertProblem(http.delete("/api/v1/assets/" + id), 404);
        assertEquals(3, http.get("/interlinkers/checklist/assets/" + copy + "/items").json().path("items").size());
        Http operator = Platform.operator();
        Await.until("the deletion in the activity log", Duration.ofSeconds(10),
                () -> operator.get("/api/v1/activity?subjectType=asset&subjectId=" + id),
                // Any entry: events of different requests reach the log in no guaranteed order.
                a -> a.json().path("items").findValuesAsText("topic").contains("eu/interlink/asset/DELETED"));
    }

    @Test
    public void badInputIsRefusedWithProblems() {
        assertProblem(http.postRaw("/api/v1/assets", "text/plain", "hello".getBytes(StandardCharsets.UTF_8)), 415);
        assertProblem(http.postRaw("/api/v1/assets", "application/json", "{\"interlinker\":".getBytes(StandardCharsets.UTF_8)), 400);
        assertProblem(http.postRaw("/api/v1/assets", "application/json", "[1,2]".getBytes(StandardCharsets.UTF_8)), 400);
        assertProblem(http.postRaw("/api/v1/assets", "application/json", "{} {}".getBytes(StandardCharsets.UTF_8)), 400);
        assertProblem(http.postRaw("/api/v1/assets", "application/json", new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}), 400);
        assertProblem(http.postRaw("/api/v1/assets", "application/json", ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8)), 400);
        assertProblem(http.postRaw("/api/v1/assets", "application/json", ("{\"x\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8)), 413);
        assertEquals("interlinker", assertProblem(http.post("/api/v1/assets", Map.of("params", Map.of())), 400).path("field").asText());
        assertEquals("params", assertProblem(http.post("/api/v1/assets", Map.of("interlinker", "checklist", "params", "x")), 400).path("field").asText());
        assertProblem(http.post("/api/v1/assets", Map.of("interlinker", "no-such-interlinker")), 404);
        JsonNode noTitle = assertProblem(http.post("/api/v1/assets", Map.of("interlinker", "checklist", "params", Map.of())), 400);
        assertTrue(noTitle.toString(), noTitle.path("detail").asText().toLowerCase().contains("title"));
        assertProblem(http.get("/api/v1/assets?interlinker=../../etc"), 400);
        assertProblem(http.get("/api/v1/assets/" + "x".repeat(300)), 404);
        assertProblem(http.get("/api/v1/assets/no-such-asset/download"), 404);
        assertProblem(http.method("PUT", "/api/v1/assets"), 405);
    }
}
