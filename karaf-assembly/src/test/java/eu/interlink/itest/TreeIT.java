package eu.interlink.itest;

import static eu.interlink.itest.Problems.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.time.Duration;
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
 * The tree of a process: instantiating the real default schema, items, the roll-up with exact numbers, dates,
 * prerequisites, soft-disable, clearing, and language fallback of tree texts.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TreeIT {
    private Http http;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return Platform.options();
    }

    @Before
    public void importTheSchemas() throws Exception {
        http = Platform.signedIn("tester");
        Platform.awaitReady(http);
        Await.until("the processes endpoint", Duration.ofSeconds(60), () -> http.get("/api/v1/processes"), a -> a.status() == 200);
        Coproduction.Report report = Coproduction.importSchemas(context, Platform.seedCatalogue());
        assertEquals(report.issues().toString(), 0, report.issues().size());
    }

    private JsonNode tree(String process, String... headers) {
        Http.Answer a = http.get("/api/v1/processes/" + process + "/tree", headers);
        assertEquals(a.toString(), 200, a.status());
        return a.json();
    }

    private String defaultProcess(String name) {
        String id = Coproduction.createProcess(http, name);
        Http.Answer a = http.post("/api/v1/processes/" + id + "/schema", Map.of("schema", "default"));
        assertEquals(a.toString(), 201, a.status());
        return id;
    }

    private String task(JsonNode tree, String schemaItem) {
        return Coproduction.find(tree, schemaItem).path("id").asText();
    }

    private Http.Answer setStatus(String process, String item, String status) {
        return http.patch("/api/v1/processes/" + process + "/items/" + item, Map.of("status", status));
    }

    @Test
    public void instantiatesTheRealDefaultSchemaWithLinkedPrerequisites() throws Exception {
        String id = defaultProcess("Default tree");
        JsonNode t = tree(id);
        assertEquals(4, t.path("phases").size());
        assertEquals(4, Coproduction.count(t, "phase"));
        assertEquals(17, Coproduction.count(t, "objective"));
        assertEquals(51, Coproduction.count(t, "task"));
        assertEquals(List.of("default"), List.of(t.path("schemas").path(0).asText()));
        assertEquals("awaiting", t.path("status").asText());
        assertEquals(0.0, t.path("progress").asDouble(), 0);

        JsonNode engage = t.path("phases").path(0);
        JsonNode design = t.path("phases").path(1);
        assertEquals("phase-engage", engage.path("schemaItem").asText());
        assertEquals("default", design.path("schema").asText());
        // Copies point at copies, not at the schema's ids.
        assertEquals(engage.path("id").asText(), design.path("prerequisites").path(0).asText());
        assertNotEquals("phase-engage", engage.path("id").asText());
        JsonNode firstObjective = engage.path("children").path(0);
        JsonNode secondTask = firstObjective.path("children").path(1);
        assertEquals(firstObjective.path("children").path(0).path("id").asText(), secondTask.path("prerequisites").path(0).asText());

        // Texts in the language asked for, as the files have them.
        JsonNode file = Http.JSON.readTree(new File(Platform.seedCatalogue(), "schemas/default/phases/engage.json"));
        JsonNode fileTask = file.path("objectives").path(0).path("tasks").path(0);
        JsonNode it = Coproduction.find(tree(id, "Accept-Language", "it"), fileTask.path("id").asText());
        assertEquals(fileTask.path("name_translations").path("it").asText(), it.path("name").asText());
        assertEquals(fileTask.path("problemprofiles").path(0).asText(), it.path("problemProfiles").path(0).asText());

        JsonNode again = assertProblem(http.post("/api/v1/processes/" + id + "/schema", Map.of("schema", "default")), 409);
        assertTrue(again.toString(), again.path("detail").asText().contains("already has a tree"));
        assertEquals("schema", assertProblem(http.post("/api/v1/processes/" + id + "/schema", Map.of("schema", "no-such-schema")), 400).path("field").asText());
        assertEquals("schema", assertProblem(http.post("/api/v1/processes/" + id + "/schema", Map.of()), 400).path("field").asText());
        // Someone else cannot tell that a private process exists.
        assertProblem(http.post("/api/v1/processes/" + id + "/schema", Map.of("schema", "default"), Http.AS, "eve"), 404);
        assertProblem(http.post("/api/v1/processes/no-such-process/schema", Map.of("schema", "default")), 404);
        assertProblem(http.method("PUT", "/api/v1/processes/" + id + "/schema"), 405);
        assertEquals(List.of("default"), List.of(http.get("/api/v1/processes/" + id).json().path("schemas").path(0).asText()));
    }

    @Test
    public void rollsUpStatusAndProgressWithExactNumbers() {
        String id = defaultProcess("Roll-up");
        JsonNode t = tree(id);
        JsonNode identify = Coproduction.find(t, "objective-identify_stakeholders"); // 4 tasks
        String t1 = identify.path("children").path(0).path("id").asText();
        String t2 = identify.path("children").path(1).path("id").asText();

        Http.Answer started = setStatus(id, t1, "in_progress");
        assertEquals(started.toString(), 200, started.status());
        assertEquals(50.0, started.json().path("progress").asDouble(), 0);
        t = tree(id);
        JsonNode objective = Coproduction.find(t, "objective-identify_stakeholders");
        assertEquals("in_progress", objective.path("status").asText());
        assertEquals(12.5, objective.path("progress").asDouble(), 0);
        JsonNode engage = Coproduction.find(t, "phase-engage"); // 4 objectives, one in progress
        assertEquals("in_progress", engage.path("status").asText());
        assertEquals(12.5, engage.path("progress").asDouble(), 0);
        assertEquals("in_progress", t.path("status").asText()); // 4 phases, one in progress
        assertEquals(12.5, t.path("progress").asDouble(), 0);

        assertEquals(200, setStatus(id, t1, "finished").status());
        assertEquals(200, setStatus(id, t2, "in_progress").status());
        objective = Coproduction.find(tree(id), "objective-identify_stakeholders");
        assertEquals(37.5, objective.path("progress").asDouble(), 0); // (1/2 + 1) * 100 / 4

        // A disabled task does not count: 3 left, one finished, one in progress.
        String t4 = objective.path("children").path(3).path("id").asText();
        Http.Answer disabled = http.post("/api/v1/processes/" + id + "/items/" + t4 + "/disable", Map.of());
        assertEquals(disabled.toString(), 200, disabled.status());
        assertTrue(disabled.json().path("disabled").asBoolean());
        assertEquals("tester", disabled.json().path("disabledBy").asText());
        assertFalse(disabled.json().path("disabledAt").asText().isEmpty());
        assertEquals(50.0, Coproduction.find(tree(id), "objective-identify_stakeholders").path("progress").asDouble(), 0);
        assertEquals(200, http.post("/api/v1/processes/" + id + "/items/" + t4 + "/enable", Map.of()).status());
        JsonNode enabled = Coproduction.find(tree(id), "objective-identify_stakeholders");
        assertEquals(37.5, enabled.path("progress").asDouble(), 0);
        assertFalse(enabled.path("children").path(3).path("disabled").asBoolean());
        assertTrue(enabled.path("children").path(3).path("disabledBy").isMissingNode());

        // Status is set on tasks only.
        assertEquals("status", assertProblem(setStatus(id, enabled.path("id").asText(), "finished"), 400).path("field").asText());
        assertProblem(http.patch("/api/v1/processes/" + id, Map.of("status", "finished")), 409);
        Await.until("the status change in the activity log", Duration.ofSeconds(10), () -> http.get("/api/v1/activity?subjectType=treeitem&subjectId=" + t2 + "&process=" + id),
                a -> a.body().contains("eu/interlink/treeitem/UPDATED"));
    }

    @Test
    public void finishingEveryTaskFinishesTheParents() {
        String id = Coproduction.createProcess(http, "Small tree");
        String phase = add(id, Map.of("type", "phase", "name", "Only phase"));
        String objective = add(id, Map.of("type", "objective", "parent", phase, "name", "Only objective"));
        String a = add(id, Map.of("type", "task", "parent", objective, "name", "A"));
        String b = add(id, Map.of("type", "task", "parent", objective, "name", "B"));
        String c = add(id, Map.of("type", "task", "parent", objective, "name", "C"));
        assertEquals(200, setStatus(id, a, "finished").status());
        assertEquals(33.33, Coproduction.find(tree(id), "Only objective").path("progress").asDouble(), 0);
        assertEquals(200, setStatus(id, b, "finished").status());
        assertEquals(200, setStatus(id, c, "finished").status());
        JsonNode t = tree(id);
        assertEquals("finished", Coproduction.find(t, "Only objective").path("status").asText());
        assertEquals(100.0, Coproduction.find(t, "Only phase").path("progress").asDouble(), 0);
        assertEquals("finished", t.path("status").asText());
        assertEquals("finished", http.get("/api/v1/processes?status=finished&q=small%20tree").json().path("items").path(0).path("status").asText());
        // Back to awaiting everywhere.
        for (String task : List.of(a, b, c)) assertEquals(200, setStatus(id, task, "awaiting").status());
        assertEquals("awaiting", tree(id).path("status").asText());
    }

    private String add(String process, Map<String, Object> body) {
        Http.Answer a = http.post("/api/v1/processes/" + process + "/items", body);
        assertEquals(a.toString(), 201, a.status());
        return a.json().path("id").asText();
    }

    @Test
    public void datesAggregateUpToTheProcess() {
        String id = Coproduction.createProcess(http, "Dated tree");
        String p1 = add(id, Map.of("type", "phase", "name", "P1"));
        String p2 = add(id, Map.of("type", "phase", "name", "P2"));
        String o1 = add(id, Map.of("type", "objective", "parent", p1, "name", "O1"));
        String o2 = add(id, Map.of("type", "objective", "parent", p2, "name", "O2"));
        add(id, Map.of("type", "task", "parent", o1, "name", "T1", "startDate", "2025-03-01", "endDate", "2025-03-20"));
        String t2 = add(id, Map.of("type", "task", "parent", o1, "name", "T2", "startDate", "2025-02-10"));
        add(id, Map.of("type", "task", "parent", o2, "name", "T3", "startDate", "2025-05-01", "endDate", "2025-09-30"));
        JsonNode t = tree(id);
        assertEquals("2025-02-10", Coproduction.find(t, "O1").path("startDate").asText());
        assertEquals("2025-03-20", Coproduction.find(t, "P1").path("endDate").asText());
        assertEquals("2025-02-10", t.path("startDate").asText());
        assertEquals("2025-09-30", t.path("endDate").asText());
        assertEquals("2025-02-10", http.get("/api/v1/processes/" + id).json().path("startDate").asText());

        Map<String, Object> clear = new HashMap<>();
        clear.put("startDate", null);
        assertEquals(200, http.patch("/api/v1/processes/" + id + "/items/" + t2, clear).status());
        assertEquals("2025-03-01", tree(id).path("startDate").asText());
        assertEquals(200, http.post("/api/v1/processes/" + id + "/items/" + p2 + "/disable", Map.of()).status());
        assertEquals("2025-03-20", tree(id).path("endDate").asText());

        assertEquals("endDate", assertProblem(http.patch("/api/v1/processes/" + id + "/items/" + t2, Map.of("endDate", "2025-01-01", "startDate", "2025-01-02")), 400).path("field").asText());
        assertEquals("startDate", assertProblem(http.patch("/api/v1/processes/" + id + "/items/" + t2, Map.of("startDate", "1st of May")), 400).path("field").asText());
        assertEquals("startDate", assertProblem(http.patch("/api/v1/processes/" + id + "/items/" + o1, Map.of("startDate", "2025-01-01")), 400).path("field").asText());
    }

    @Test
    public void prerequisitesMustBeFinishedFirst() {
        String id = defaultProcess("Prerequisites");
        JsonNode t = tree(id);
        String first = task(t, "task-understand_the_different_types_of_stakeholders");
        String second = task(t, "task-map_stakeholders_analyse_motivation_skills_expectations");
        String designTask = task(t, "task-develop_a_shared_language");

        JsonNode blocked = assertProblem(setStatus(id, second, "in_progress"), 409);
        assertTrue(blocked.toString(), blocked.path("detail").asText().contains(first));
        // A task of a later phase waits for the earlier phase (its phase's prerequisite), not only for its own.
        JsonNode phaseBlocked = assertProblem(setStatus(id, designTask, "finished"), 409);
        assertTrue(phaseBlocked.toString(), phaseBlocked.path("detail").asText().contains(Coproduction.find(t, "phase-engage").path("id").asText()));

        assertEquals(200, setStatus(id, first, "finished").status());
        assertEquals(200, setStatus(id, second, "in_progress").status());
        // A disabled prerequisite does not hold anything back.
        String third = task(t, "task-visually_map_the_network_of_stakeholders");
        assertProblem(setStatus(id, third, "in_progress"), 409);
        assertEquals(200, http.post("/api/v1/processes/" + id + "/items/" + second + "/disable", Map.of()).status());
        assertEquals(200, setStatus(id, third, "in_progress").status());

        // Prerequisites set by PATCH are checked: same process, same type, no circles.
        String patch = "/api/v1/processes/" + id + "/items/" + first;
        assertEquals("prerequisites[0]", assertProblem(http.patch(patch, Map.of("prerequisites", List.of("no-such-item"))), 400).path("field").asText());
        assertEquals("prerequisites[0]", assertProblem(http.patch(patch, Map.of("prerequisites", List.of(first))), 400).path("field").asText());
        assertEquals("prerequisites[0]", assertProblem(http.patch(patch, Map.of("prerequisites", List.of(Coproduction.find(t, "phase-engage").path("id").asText()))), 400).path("field").asText());
        assertEquals("prerequisites", assertProblem(http.patch(patch, Map.of("prerequisites", List.of(third))), 400).path("field").asText());
    }

    @Test
    public void itemsAreAddedChangedAndDeletedUnderTheRightParent() {
        String id = Coproduction.createProcess(http, "Hand-made tree");
        String items = "/api/v1/processes/" + id + "/items";
        String phase = add(id, Map.of("type", "phase", "name", Map.of("en", "Listen", "es", "Escuchar")));
        String objective = add(id, Map.of("type", "objective", "parent", phase, "name", "Hold meetings"));
        Http.Answer created = http.post(items, Map.of("type", "task", "parent", objective, "name", "Book a room",
                "description", "Somewhere central", "problemProfiles", List.of("ORG_PROBLEM_2")));
        assertEquals(created.toString(), 201, created.status());
        String task = created.json().path("id").asText();
        assertEquals(items + "/" + task, created.header("Location"));
        assertEquals(objective, created.json().path("parent").asText());
        assertEquals("ORG_PROBLEM_2", http.get(items + "/" + task).json().path("problemProfiles").path(0).asText());

        Http.Answer patched = http.patch(items + "/" + task, Map.of("name", Map.of("lv", "Rezervēt telpu"), "problemProfiles", List.of("ORG_PROBLEM_4")));
        assertEquals(patched.toString(), 200, patched.status());
        assertEquals("Book a room", patched.json().path("name").asText());
        assertEquals("Rezervēt telpu", http.get(items + "/" + task + "?lang=lv").json().path("name").asText());
        // Language fallback: Italian is missing, English answers; a text given only in Spanish answers everywhere.
        assertEquals("Listen", Coproduction.find(tree(id, "Accept-Language", "it"), "Listen").path("name").asText());
        assertEquals("Escuchar", tree(id, "Accept-Language", "es").path("phases").path(0).path("name").asText());
        String spanishOnly = add(id, Map.of("type", "phase", "name", Map.of("es", "Solo en español")));
        assertEquals("Solo en español", http.get(items + "/" + spanishOnly + "?lang=en").json().path("name").asText());

        Object[][] bad = {
            {Map.of("name", "No type"), "type"}, {Map.of("type", "task", "name", "No parent"), "parent"},
            {Map.of("type", "task", "parent", phase, "name", "Wrong parent"), "parent"}, {Map.of("type", "phase", "parent", phase, "name", "x"), "parent"},
            {Map.of("type", "objective", "parent", phase), "name"}, {Map.of("type", "step", "name", "x"), "type"},
            {Map.of("type", "phase", "name", "x", "status", "finished"), "status"}, {Map.of("type", "phase", "name", "x", "weight", 3), "weight"},
            {Map.of("type", "task", "parent", objective, "name", "x", "problemProfiles", List.of("bad id")), "problemProfiles[0]"},
        };
        for (Object[] c : bad) assertEquals(String.valueOf(c[0]), c[1], assertProblem(http.post(items, c[0]), 400).path("field").asText());
        assertEquals("type", assertProblem(http.patch(items + "/" + task, Map.of("type", "phase")), 400).path("field").asText());
        assertProblem(http.patch(items + "/" + task, Map.of("name", "x"), Http.AS, "eve"), 404);
        assertProblem(http.get(items + "/no-such-item"), 404);
        assertProblem(http.patch(items + "/no-such-item", Map.of("name", "x")), 404);
        assertProblem(http.method("PUT", items + "/" + task), 405);
        assertProblem(http.method("GET", items), 405);

        assertEquals(204, http.delete(items + "/" + objective).status());
        assertProblem(http.get(items + "/" + task), 404);
        assertEquals(0, Coproduction.count(tree(id), "task"));
        Await.until("the deletion in the activity log", Duration.ofSeconds(10), () -> http.get("/api/v1/activity?subjectType=treeitem&subjectId=" + objective + "&process=" + id),
                a -> a.body().contains("eu/interlink/treeitem/DELETED"));
    }

    @Test
    public void clearingRemovesTheTreeSoAnotherSchemaCanBeCopied() {
        String id = defaultProcess("Cleared");
        assertEquals(204, http.delete("/api/v1/processes/" + id + "/schema").status());
        JsonNode t = tree(id);
        assertEquals(0, t.path("phases").size());
        assertEquals(0, t.path("schemas").size());
        assertProblem(http.delete("/api/v1/processes/" + id + "/schema"), 404);
        assertEquals(201, http.post("/api/v1/processes/" + id + "/schema", Map.of("schema", "servicedescriptionenhancement")).status());
        assertEquals("servicedescriptionenhancement", tree(id).path("schemas").path(0).asText());
        Await.until("the clearing in the activity log", Duration.ofSeconds(10), () -> http.get("/api/v1/activity?process=" + id),
                a -> a.body().contains("eu/interlink/process/TREE_CLEARED") && a.body().contains("eu/interlink/process/TREE_INSTANTIATED"));
    }
}
