package eu.interlink.itest;

import static eu.interlink.itest.Problems.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
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
 * Stories over real HTTP: a finished process published as a frozen public copy with its story (tree and assets
 * copied, readable by anyone, changeable by nobody, the original untouched), the public catalogue with search,
 * keyword facet and ratings, owners' changes and unpublishing, and refusals with problems.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StoriesIT {
    private static final String AS = Http.AS;
    private static final String TASK = "task-understand_the_different_types_of_stakeholders";
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
        Await.until("the checklist Interlinker", Duration.ofSeconds(60), () -> http.get("/api/v1/interlinkers/checklist"), a -> a.status() == 200);
        Coproduction.Report report = Coproduction.importSchemas(context, Platform.seedCatalogue());
        assertEquals(report.issues().toString(), 0, report.issues().size());
        Await.until("the stories endpoint", Duration.ofSeconds(60), () -> http.get("/api/v1/stories"), a -> a.status() == 200);
    }

    /** A private process of {@code owner} on the default schema, with a checklist on one task. */
    private JsonNode process(String owner, String name) {
        Http.Answer created = http.post("/api/v1/processes", Map.of("name", name, "public", false), AS, owner);
        assertEquals(created.toString(), 201, created.status());
        String id = created.json().path("id").asText();
        Http.Answer tree = http.post("/api/v1/processes/" + id + "/schema", Map.of("schema", "default"), AS, owner);
        assertEquals(tree.toString(), 201, tree.status());
        String task = Coproduction.find(tree.json(), TASK).path("id").asText();
        Http.Answer asset = http.post("/api/v1/processes/" + id + "/tasks/" + task + "/assets", Map.of("kind", "internal",
                "interlinker", "checklist", "params", Map.of("title", "Who is affected", "items", List.of("Residents", "Shops"))), AS, owner);
        assertEquals(asset.toString(), 201, asset.status());
        return http.get("/api/v1/processes/" + id + "/tree", AS, owner).json();
    }

    private static List<JsonNode> tasks(JsonNode tree) {
        List<JsonNode> out = new ArrayList<>();
        List<JsonNode> todo = new ArrayList<>();
        tree.path("phases").forEach(todo::add);
        while (!todo.isEmpty()) {
            JsonNode n = todo.remove(0);
            if ("task".equals(n.path("type").asText())) out.add(n);
            n.path("children").forEach(todo::add);
        }
        return out;
    }

    private void finish(String process, JsonNode tree, String owner) {
        for (JsonNode t : tasks(tree)) {
            Http.Answer a = http.patch("/api/v1/processes/" + process + "/items/" + t.path("id").asText(), Map.of("status", "finished"), AS, owner);
            assertEquals(a.toString(), 200, a.status());
        }
        assertEquals("finished", http.get("/api/v1/processes/" + process, AS, owner).json().path("status").asText());
    }

    private Http.Answer publish(String process, String owner, Map<String, Object> story) {
        Map<String, Object> body = new java.util.HashMap<>(story);
        body.put("process", process);
        return http.post("/api/v1/stories", body, AS, owner);
    }

    @Test
    public void aFinishedProcessIsPublishedAsAFrozenPublicCopyThatAnyoneReadsAndNobodyChanges() {
        JsonNode tree = process("ines", "Parks plan");
        String original = tree.path("process").asText();
        assertProblem(publish(original, "ines", Map.of("title", "Too early", "summary", "Not finished")), 409);
        finish(original, tree, "ines");

        Http.Answer published = publish(original, "ines", Map.of("title", "How we redesigned the parks",
                "summary", "Residents and shops mapped who is affected, then voted.", "keywords", List.of("Parks", "participation"),
                "materials", List.of(Map.of("title", "Final report", "url", "https://example.org/parks.pdf")), "owners", List.of("marta")));
        assertEquals(published.toString(), 201, published.status());
        JsonNode story = published.json();
        String copy = story.path("process").asText();
        assertNotEquals(original, copy);
        assertEquals(original, story.path("sourceProcess").asText());
        assertEquals(List.of("ines", "marta"), List.of(story.path("owners").get(0).asText(), story.path("owners").get(1).asText()));
        assertEquals(List.of("parks", "participation"), List.of(story.path("keywords").get(0).asText(), story.path("keywords").get(1).asText()));
        assertEquals(1, story.path("copy").path("assets").asInt());
        assertEquals("/api/v1/stories/" + story.path("id").asText(), published.header("Location"));

        // Anyone reads the copy, its tree and its assets; the original stays private.
        Http anonymous = Platform.http();
        assertEquals(200, anonymous.get("/api/v1/stories/" + story.path("id").asText()).status());
        JsonNode copied = anonymous.get("/api/v1/processes/" + copy).json();
        assertEquals("finished", copied.path("status").asText());
        JsonNode copiedTree = anonymous.get("/api/v1/processes/" + copy + "/tree").json();
        assertEquals(tasks(tree).size(), tasks(copiedTree).size());
        assertProblem(anonymous.get("/api/v1/processes/" + original), 404);
        JsonNode rights = http.get("/api/v1/processes/" + copy + "/rights", AS, "ines").json();
        assertTrue(rights.toString(), rights.path("read").asBoolean());
        assertFalse(rights.toString(), rights.path("administer").asBoolean());

        // Nobody changes it, its publisher neither; the original is still theirs to change.
        assertEquals("urn:interlink:problem:process-frozen",
                assertProblem(http.patch("/api/v1/processes/" + copy, Map.of("name", "Renamed"), AS, "ines"), 409).path("type").asText());
        String task = Coproduction.find(copiedTree, TASK).path("id").asText();
        assertTrue(http.patch("/api/v1/processes/" + copy + "/items/" + task, Map.of("status", "awaiting"), AS, "ines").status() >= 400);
        assertTrue(http.post("/api/v1/processes/" + copy + "/tasks/" + task + "/assets", Map.of("kind", "internal",
                "interlinker", "checklist", "params", Map.of("title", "More")), AS, "ines").status() >= 400);
        assertEquals(200, http.patch("/api/v1/processes/" + original, Map.of("name", "Parks plan, phase 2"), AS, "ines").status());
        assertEquals("Parks plan", anonymous.get("/api/v1/processes/" + copy).json().path("name").asText());

        // The story is found from either process: the one it was published from and its frozen copy.
        assertEquals(story.path("id").asText(), anonymous.get("/api/v1/stories?process=" + copy).json().path("items").get(0).path("id").asText());
        assertEquals(1, http.get("/api/v1/stories?process=" + original, AS, "ines").json().path("total").asInt());

        // A copy cannot be published again.
        assertProblem(publish(copy, "ines", Map.of("title", "Again", "summary", "Again")), 409);
    }

    @Test
    public void theCatalogueSearchesFacetsAndRatesAndOwnersChangeAndUnpublish() {
        JsonNode first = process("olga", "Library hours");
        finish(first.path("process").asText(), first, "olga");
        JsonNode second = process("olga", "Bus stops");
        finish(second.path("process").asText(), second, "olga");
        String library = publish(first.path("process").asText(), "olga", Map.of("title", "Longer library hours",
                "summary", "Students asked for evenings.", "keywords", List.of("culture", "youth"))).json().path("id").asText();
        String bus = publish(second.path("process").asText(), "olga", Map.of("title", "Safer bus stops",
                "summary", "Lighting chosen with residents.", "keywords", List.of("mobility", "youth"))).json().path("id").asText();

        Http anonymous = Platform.http();
        JsonNode found = anonymous.get("/api/v1/stories?q=EVENINGS").json();
        assertEquals(1, found.path("total").asInt());
        assertEquals(library, found.path("items").get(0).path("id").asText());
        assertEquals(2, anonymous.get("/api/v1/stories?keyword=youth").json().path("total").asInt());
        assertEquals(0, anonymous.get("/api/v1/stories?q=evenings+lighting").json().path("total").asInt());
        JsonNode facets = anonymous.get("/api/v1/stories").json().path("facets").path("keywords");
        assertEquals(facets.toString(), "youth", facets.get(0).path("keyword").asText());
        assertEquals(facets.toString(), 2, facets.get(0).path("stories").asInt());

        // Ratings: signed in only, one per person (changed, not added), the average in the story.
        assertProblem(anonymous.put("/api/v1/stories/" + bus + "/rating", Map.of("stars", 5)), 401);
        assertEquals(200, http.put("/api/v1/stories/" + bus + "/rating", Map.of("stars", 2), AS, "pau").status());
        assertEquals(200, http.put("/api/v1/stories/" + bus + "/rating", Map.of("stars", 4, "comment", "Well lit now"), AS, "pau").status());
        JsonNode rated = http.put("/api/v1/stories/" + bus + "/rating", Map.of("stars", 5), AS, "rita").json();
        assertEquals(2, rated.path("ratings").asInt());
        assertEquals(4.5, rated.path("rating").asDouble(), 0.001);
        JsonNode ratings = anonymous.get("/api/v1/stories/" + bus + "/ratings").json();
        assertEquals(2, ratings.path("total").asInt());
        assertEquals("Well lit now", ratings.path("items").get(1).path("comment").asText());
        JsonNode best = anonymous.get("/api/v1/stories?keyword=youth&sort=rating").json();
        assertEquals(bus, best.path("items").get(0).path("id").asText());
        assertEquals("stars", assertProblem(http.put("/api/v1/stories/" + bus + "/rating", Map.of("stars", 6), AS, "pau"), 400).path("field").asText());

        // Owners change and unpublish; others may not.
        assertProblem(http.patch("/api/v1/stories/" + library, Map.of("title", "Mine now"), AS, "pau"), 403);
        JsonNode changed = http.patch("/api/v1/stories/" + library, Map.of("summary", "Students and workers asked for evenings."), AS, "olga").json();
        assertEquals("Longer library hours", changed.path("title").asText());
        assertTrue(changed.path("summary").asText().contains("workers"));
        assertProblem(http.delete("/api/v1/stories/" + library, AS, "pau"), 403);
        String copy = changed.path("process").asText();
        assertEquals(204, http.delete("/api/v1/stories/" + library, AS, "olga").status());
        assertProblem(anonymous.get("/api/v1/stories/" + library), 404);
        assertProblem(anonymous.get("/api/v1/processes/" + copy), 404);
        assertEquals(200, http.get("/api/v1/processes/" + first.path("process").asText(), AS, "olga").status());
    }

    @Test
    public void badInputAndStrangersGetProblems() {
        JsonNode tree = process("uma", "Private plan");
        String process = tree.path("process").asText();
        finish(process, tree, "uma");
        assertProblem(Platform.http().post("/api/v1/stories", Map.of("process", process, "title", "t", "summary", "s")), 401);
        assertProblem(publish(process, "stranger", Map.of("title", "Not mine", "summary", "s")), 404);
        assertProblem(publish("no-such-process", "uma", Map.of("title", "t", "summary", "s")), 404);
        assertEquals("process", assertProblem(http.post("/api/v1/stories", Map.of("title", "t", "summary", "s"), AS, "uma"), 400).path("field").asText());
        assertEquals("title", assertProblem(publish(process, "uma", Map.of("title", " ", "summary", "s")), 400).path("field").asText());
        assertEquals("materials[0].url", assertProblem(publish(process, "uma", Map.of("title", "t", "summary", "s",
                "materials", List.of(Map.of("title", "Bad", "url", "javascript:alert(1)")))), 400).path("field").asText());
        assertEquals("colour", assertProblem(publish(process, "uma", Map.of("title", "t", "summary", "s", "colour", "red")), 400).path("field").asText());
        assertEquals("sort", assertProblem(http.get("/api/v1/stories?sort=loudest"), 400).path("field").asText());
        assertProblem(http.get("/api/v1/stories/nope"), 404);
        // Nothing was published by the refusals: no story, no copy.
        assertEquals(0, http.get("/api/v1/stories?q=Not+mine").json().path("total").asInt());
        assertEquals(1, http.get("/api/v1/processes?mine=true", AS, "uma").json().path("total").asInt());
    }
}
