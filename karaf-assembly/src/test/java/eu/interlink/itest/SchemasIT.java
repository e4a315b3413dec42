package eu.interlink.itest;

import static eu.interlink.itest.Problems.assertProblem;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
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

/** Schemas: the seed import of the real shared data, and the API (CRUD, validation naming the field, languages). */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SchemasIT {
    private Http http;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return Platform.options();
    }

    @Before
    public void waitForTheApi() {
        http = Platform.operator();
        Platform.awaitReady(http);
        Await.until("the schemas endpoint", Duration.ofSeconds(60), () -> http.get("/api/v1/schemas"), a -> a.status() == 200);
    }

    private static JsonNode file(String path) throws Exception {
        return Http.JSON.readTree(new File(Platform.seedCatalogue(), path));
    }

    @Test
    public void importsTheRealSchemasOnceAndInPrerequisiteOrder() throws Exception {
        Coproduction.Report first = Coproduction.importSchemas(context, Platform.seedCatalogue());
        assertEquals(first.issues().toString(), List.of(), first.issues());
        int[] counts = first.counts().get("schema");
        // Two schema folders in the data; a rerun changes nothing.
        assertTrue(counts[0] + counts[2] == 2);
        Coproduction.Report second = Coproduction.importSchemas(context, Platform.seedCatalogue());
        assertArrayEquals(new int[] {0, 0, 2}, second.counts().get("schema"));

        JsonNode schema = http.get("/api/v1/schemas/default").json();
        assertEquals(4, schema.path("counts").path("phases").asInt());
        assertEquals(17, schema.path("counts").path("objectives").asInt());
        assertEquals(51, schema.path("counts").path("tasks").asInt());
        List<String> order = List.of("phase-engage", "phase-design", "phase-build", "phase-sustain");
        for (int i = 0; i < 4; i++) assertEquals(order.get(i), schema.path("phases").path(i).path("id").asText());
        assertEquals("phase-engage", schema.path("phases").path(1).path("prerequisites").path(0).asText());

        // Texts and links as the files have them, in the language asked for.
        JsonNode design = file("schemas/default/phases/design.json");
        JsonNode firstObjective = design.path("objectives").path(0);
        JsonNode designEs = http.get("/api/v1/schemas/default?lang=es").json().path("phases").path(1);
        assertEquals(design.path("name_translations").path("es").asText(), designEs.path("name").asText());
        JsonNode objective = designEs.path("children").path(0);
        assertEquals(firstObjective.path("id").asText(), objective.path("id").asText());
        assertEquals(firstObjective.path("tasks").size(), objective.path("children").size());
        JsonNode secondTask = objective.path("children").path(1);
        assertEquals(firstObjective.path("tasks").path(0).path("id").asText(), secondTask.path("prerequisites").path(0).asText());
        assertEquals(firstObjective.path("tasks").path(0).path("problemprofiles").path(0).asText(),
                objective.path("children").path(0).path("problemProfiles").path(0).asText());
        JsonNode lv = http.get("/api/v1/schemas/default", "Accept-Language", "lv").json();
        assertEquals(file("schemas/default/metadata.json").path("name_translations").path("lv").asText(), lv.path("name").asText());

        JsonNode list = http.get("/api/v1/schemas").json();
        assertTrue(list.toString(), list.path("total").asInt() >= 2);
        assertEquals(1, http.get("/api/v1/schemas?limit=1").json().path("items").size());
    }

    private static Map<String, Object> small(String id) {
        return Map.of("id", id, "name", Map.of("en", "Pilot walk", "es", "Paseo piloto"), "description", "A short test template",
                "phases", List.of(
                        Map.of("id", "look", "name", "Look around", "children", List.of(
                                Map.of("id", "o-look", "name", "Walk the street", "children", List.of(
                                        Map.of("id", "t-walk", "name", "Walk", "problemProfiles", List.of("ORG_PROBLEM_2")),
                                        Map.of("id", "t-notes", "name", "Take notes", "prerequisites", List.of("t-walk")))))),
                        Map.of("id", "tell", "name", "Tell others", "prerequisites", List.of("look"), "children", List.of(
                                Map.of("id", "o-tell", "name", "Share", "children", List.of(Map.of("id", "t-share", "name", "Share notes")))))));
    }

    @Test
    public void createsReadsReplacesAndDeletesASchema() {
        // Schemas are the platform's templates: only operators change them.
        assertProblem(Platform.http().post("/api/v1/schemas", small("pilot-walk")), 401);
        assertProblem(Platform.signedIn("sid").post("/api/v1/schemas", small("pilot-walk")), 403);
        assertProblem(Platform.signedIn("sid").delete("/api/v1/schemas/default"), 403);
        Http.Answer created = http.post("/api/v1/schemas", small("pilot-walk"));
        assertEquals(created.toString(), 201, created.status());
        assertEquals("/api/v1/schemas/pilot-walk", created.header("Location"));
        assertEquals(3, created.json().path("counts").path("tasks").asInt());
        assertProblem(http.post("/api/v1/schemas", small("pilot-walk")), 409);

        Map<String, Object> renamed = new java.util.HashMap<>(small("pilot-walk"));
        renamed.put("name", Map.of("en", "Pilot stroll"));
        Http.Answer put = http.put("/api/v1/schemas/pilot-walk", renamed);
        assertEquals(put.toString(), 200, put.status());
        assertEquals("Pilot stroll", http.get("/api/v1/schemas/pilot-walk").json().path("name").asText());
        assertProblem(http.put("/api/v1/schemas/no-such-schema", small("no-such-schema")), 404);
        assertEquals("id", assertProblem(http.put("/api/v1/schemas/pilot-walk", small("other")), 400).path("field").asText());

        assertEquals(204, http.delete("/api/v1/schemas/pilot-walk").status());
        assertProblem(http.get("/api/v1/schemas/pilot-walk"), 404);
        assertProblem(http.delete("/api/v1/schemas/pilot-walk"), 404);
        Await.until("the deletion in the activity log", Duration.ofSeconds(10),
                () -> http.get("/api/v1/activity?subjectType=schema&subjectId=pilot-walk"),
                // Any entry: events of different requests reach the log in no guaranteed order.
                a -> a.json().path("items").findValuesAsText("topic").contains("eu/interlink/schema/DELETED"));
    }

    @Test
    public void textsFallBackToEnglish() {
        assertEquals(201, http.post("/api/v1/schemas", small("fallback-walk")).status());
        assertEquals("Paseo piloto", http.get("/api/v1/schemas/fallback-walk", "Accept-Language", "es").json().path("name").asText());
        Http.Answer italian = http.get("/api/v1/schemas/fallback-walk?lang=it");
        assertEquals("it", italian.header("Content-Language"));
        assertEquals("Pilot walk", italian.json().path("name").asText());
        // A plain string is a text in the language of the request.
        Map<String, Object> latvian = new java.util.HashMap<>(small("latvian-walk"));
        latvian.put("name", "Izmēģinājuma pastaiga");
        assertEquals(201, http.post("/api/v1/schemas?lang=lv", latvian).status());
        assertEquals("Izmēģinājuma pastaiga", http.get("/api/v1/schemas/latvian-walk?lang=en").json().path("name").asText());
    }

    @Test
    @SuppressWarnings("unchecked")
    public void invalidSchemasAre400ProblemsNamingTheField() {
        Map<String, Object> unknownPrerequisite = new java.util.HashMap<>(small("bad-walk"));
        List<Object> phases = new java.util.ArrayList<>((List<Object>) unknownPrerequisite.get("phases"));
        phases.set(1, Map.of("id", "tell", "name", "Tell others", "children", List.of(
                Map.of("id", "o-tell", "name", "Share", "prerequisites", List.of("no-such-objective"), "children", List.of()))));
        unknownPrerequisite.put("phases", phases);
        JsonNode p = assertProblem(http.post("/api/v1/schemas", unknownPrerequisite), 400);
        assertEquals("phases[1].children[0].prerequisites[0]", p.path("field").asText());
        assertTrue(p.toString(), p.path("detail").asText().contains("no-such-objective"));

        String[][] cases = {
            {"{\"name\":\"x\",\"phases\":[{\"id\":\"a\",\"name\":\"A\"}]}", "id"},
            {"{\"id\":\"Bad Id\",\"name\":\"x\",\"phases\":[{\"id\":\"a\",\"name\":\"A\"}]}", "id"},
            {"{\"id\":\"s1\",\"phases\":[{\"id\":\"a\",\"name\":\"A\"}]}", "name"},
            {"{\"id\":\"s1\",\"name\":\"x\",\"phases\":[]}", "phases"},
            {"{\"id\":\"s1\",\"name\":\"x\",\"phases\":[{\"id\":\"a\"}]}", "phases[0].name"},
            {"{\"id\":\"s1\",\"name\":\"x\",\"phases\":[{\"id\":\"a\",\"name\":\"A\"},{\"id\":\"a\",\"name\":\"B\"}]}", "phases[1].id"},
            {"{\"id\":\"s1\",\"name\":\"x\",\"phases\":[{\"id\":\"a\",\"name\":\"A\",\"prerequisites\":[\"a\"]}]}", "phases[0].prerequisites[0]"},
            {"{\"id\":\"s1\",\"name\":\"x\",\"phases\":[{\"id\":\"a\",\"name\":\"A\",\"prerequisites\":[\"b\"]},{\"id\":\"b\",\"name\":\"B\",\"prerequisites\":[\"a\"]}]}", "phases[0].prerequisites"},
            {"{\"id\":\"s1\",\"name\":\"x\",\"phases\":[{\"id\":\"a\",\"name\":\"A\",\"children\":[{\"id\":\"o\",\"name\":\"O\",\"children\":[{\"id\":\"t\",\"name\":\"T\",\"children\":[{}]}]}]}]}", "phases[0].children[0].children[0].children"},
            {"{\"id\":\"s1\",\"name\":\"x\",\"phases\":[{\"id\":\"a\",\"name\":\"A\",\"children\":[{\"id\":\"o\",\"name\":\"O\",\"prerequisites\":[\"a\"]}]}]}", "phases[0].children[0].prerequisites[0]"},
            {"{\"id\":\"s1\",\"name\":\"x\",\"phases\":[{\"id\":\"a\",\"name\":\"A\",\"type\":\"task\"}]}", "phases[0].type"},
            {"{\"id\":\"s1\",\"name\":{\"fr\":\"x\"},\"phases\":[{\"id\":\"a\",\"name\":\"A\"}]}", "name.fr"},
            {"{\"id\":\"s1\",\"name\":\"x\",\"phases\":[{\"id\":\"a\",\"name\":\"A\",\"problemProfiles\":[\"has space\"]}]}", "phases[0].problemProfiles[0]"},
            {"{\"id\":\"s1\",\"name\":\"x\",\"phasez\":[]}", "phasez"},
            {"{\"id\":\"s1\",\"name\":\"x\",\"phases\":\"none\"}", "phases"},
            {"{\"id\":\"s1\",\"name\":\"x\",\"languages\":[\"fr\"],\"phases\":[{\"id\":\"a\",\"name\":\"A\"}]}", "languages[0]"},
        };
        for (String[] c : cases) {
            JsonNode problem = assertProblem(http.postRaw("/api/v1/schemas", "application/json", c[0].getBytes(StandardCharsets.UTF_8)), 400);
            assertEquals(c[0] + " -> " + problem, c[1], problem.path("field").asText());
        }
        assertProblem(http.get("/api/v1/schemas/s1"), 404);
        assertProblem(http.postRaw("/api/v1/schemas", "text/plain", "id=x".getBytes(StandardCharsets.UTF_8)), 415);
        assertProblem(http.method("PATCH", "/api/v1/schemas/default"), 405);
        assertEquals("GET, POST", http.method("DELETE", "/api/v1/schemas").header("Allow"));
        assertProblem(http.get("/api/v1/schemas/default/extra"), 404);
        assertProblem(http.get("/api/v1/schemas?lang=fr"), 400);
        assertProblem(http.get("/api/v1/schemas?limit=0"), 400);
    }
}
