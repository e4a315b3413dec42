package eu.interlink.itest;

import static eu.interlink.itest.Problems.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Clone, export and import of whole processes over real HTTP (issue #6, points 3 and 4): a process with a tree,
 * team grants and assets of the survey, editor, checklist and files Interlinkers plus a link is cloned and exported, the
 * zip is imported as a new process (the second platform instance played by the same one), and both copies are
 * read back through the API and the Interlinkers' pages: equal data, and independent of the original. Who may do
 * each, what is reported instead of copied, and hostile zips refused with problems and nothing left behind.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ProcessTransferIT {
    private static final String AS = Http.AS;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SURVEY = "/interlinkers/survey/assets/";
    private static final String EDITOR = "/interlinkers/editor/assets/";
    private Http http;

    @Configuration
    public Option[] config() {
        return Platform.options();
    }

    @Before
    public void waitForTheInterlinkers() {
        http = Platform.http();
        Platform.awaitReady(http);
        for (String id : List.of("survey", "editor", "checklist", "files")) {
            Await.until("the " + id + " Interlinker", Duration.ofSeconds(60), () -> http.get("/api/v1/interlinkers/" + id),
                    a -> a.status() == 200 && a.json().path("status").asText().equals("active"));
        }
    }

    /** What {@link #original} made: the process and its items and assets by name. */
    private record Original(String owner, String process, String team, Map<String, String> items, Map<String, String> assets) {
    }

    private JsonNode ok(Http.Answer a, int status) {
        assertEquals(a.toString(), status, a.status());
        return a.body().isEmpty() ? null : a.json();
    }

    private String item(String p, String owner, Map<String, Object> fields) {
        return ok(http.post("/api/v1/processes/" + p + "/items", fields, AS, owner), 201).path("id").asText();
    }

    private String asset(String p, String task, String owner, Map<String, Object> body) {
        return ok(http.post("/api/v1/processes/" + p + "/tasks/" + task + "/assets", body, AS, owner), 201).path("id").asText();
    }

    /**
     * A private process of {@code owner}: a phase, an objective and two tasks (the second waits for the first, which
     * is finished with dates), a team of {@code member} granted access on the process and asset creation on the
     * second task, a survey with two answers, an editor text and a link on the first task, a checklist on the second.
     */
    private Original original(String owner, String member, String name) {
        String p = ok(http.post("/api/v1/processes", Map.of("name", name, "aim", "Carry everything", "tags", List.of("transfer")), AS, owner), 201)
                .path("id").asText();
        Map<String, String> items = new LinkedHashMap<>();
        items.put("Phase", item(p, owner, Map.of("type", "phase", "name", "Phase")));
        items.put("Objective", item(p, owner, Map.of("type", "objective", "parent", items.get("Phase"), "name", "Objective")));
        items.put("First", item(p, owner, Map.of("type", "task", "parent", items.get("Objective"), "name", "First", "description", "Do it first",
                "startDate", "2026-01-05", "endDate", "2026-02-27")));
        items.put("Second", item(p, owner, Map.of("type", "task", "parent", items.get("Objective"), "name", "Second",
                "prerequisites", List.of(items.get("First")))));
        ok(http.patch("/api/v1/processes/" + p + "/items/" + items.get("First"), Map.of("status", "finished"), AS, owner), 200);
        String team = ok(http.post("/api/v1/teams", Map.of("name", name + " team", "type", "citizen"), AS, owner), 201).path("id").asText();
        http.tokenOf(member);
        ok(http.post("/api/v1/teams/" + team + "/members", Map.of("user", member), AS, owner), 201);
        ok(http.post("/api/v1/processes/" + p + "/permissions", Map.of("team", team, "access", true), AS, owner), 201);
        ok(http.post("/api/v1/processes/" + p + "/permissions", Map.of("team", team, "item", items.get("Second"), "access", true, "createAssets", true),
                AS, owner), 201);
        Map<String, String> assets = new LinkedHashMap<>();
        String first = items.get("First");
        assets.put("survey", asset(p, first, owner, Map.of("kind", "internal", "interlinker", "survey", "params", Map.of("title", "Opening hours",
                "anonymous", true, "questions", List.of(
                        Map.of("kind", "single", "text", "Which branch?", "required", true, "options", List.of("Central", "North")),
                        Map.of("kind", "scale", "text", "How satisfied?", "required", true, "min", 1, "max", 5))))));
        ok(http.post(SURVEY + assets.get("survey") + "/publish", Map.of(), AS, owner), 200);
        ok(http.post(SURVEY + assets.get("survey") + "/responses", Map.of("answers", Map.of("q1", "1", "q2", 4)), AS, owner), 201);
        ok(http.post(SURVEY + assets.get("survey") + "/responses", Map.of("answers", Map.of("q1", "2", "q2", 2)), AS, member), 201);
        assets.put("editor", asset(p, first, owner, Map.of("kind", "internal", "interlinker", "editor", "params",
                Map.of("title", "Minutes", "html", "<p>Opening</p><p>Budget: 12,000 EUR</p>"))));
        assets.put("link", asset(p, first, owner, Map.of("kind", "external", "name", "Council page", "uri", "https://example.org/council")));
        assets.put("checklist", asset(p, items.get("Second"), owner, Map.of("kind", "internal", "interlinker", "checklist", "params",
                Map.of("title", "Before we start", "items", List.of("Book a room", "Invite the neighbours")))));
        return new Original(owner, p, team, items, assets);
    }

    /** The tree as name → item, every level. */
    private Map<String, JsonNode> tree(String p, String user) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        List<JsonNode> open = new ArrayList<>();
        ok(http.get("/api/v1/processes/" + p + "/tree", AS, user), 200).path("phases").forEach(open::add);
        while (!open.isEmpty()) {
            JsonNode i = open.remove(0);
            out.put(i.path("name").asText(), i);
            i.path("children").forEach(open::add);
        }
        return out;
    }

    /** The assets of a task of {@code p}, by name. */
    private Map<String, JsonNode> assets(String p, String task, String user) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode a : ok(http.get("/api/v1/processes/" + p + "/tasks/" + task + "/assets", AS, user), 200).path("items")) {
            out.put(a.path("name").asText(), a);
        }
        return out;
    }

    /** The copy's tree has the original's shape, names, statuses, dates and prerequisites, with ids of its own. */
    private Map<String, JsonNode> assertSameTree(Original o, String copy, String user) {
        Map<String, JsonNode> before = tree(o.process(), o.owner());
        Map<String, JsonNode> after = tree(copy, user);
        assertEquals(before.keySet(), after.keySet());
        for (String name : before.keySet()) {
            JsonNode b = before.get(name);
            JsonNode a = after.get(name);
            assertNotEquals(b.path("id").asText(), a.path("id").asText());
            for (String field : List.of("type", "description", "status", "progress", "startDate", "endDate", "disabled")) {
                assertEquals(name + "." + field, b.path(field), a.path(field));
            }
        }
        assertEquals(List.of(after.get("First").path("id").asText()), JSON.convertValue(after.get("Second").path("prerequisites"), List.class));
        assertEquals("finished", after.get("First").path("status").asText());
        assertEquals("2026-01-05", after.get("Phase").path("startDate").asText());
        return after;
    }

    private JsonNode editorDocument(String asset, String user) {
        return ok(http.get(EDITOR + asset + "/document", AS, user), 200);
    }

    /** Saves new text in an editor asset, from its current revision. */
    private void edit(String asset, String user, String html) {
        long revision = editorDocument(asset, user).path("revision").asLong();
        ok(http.put(EDITOR + asset + "/document", Map.of("html", html), "If-Match", "\"" + revision + "\"", AS, user), 200);
    }

    private int processesOf(String user) {
        return ok(http.get("/api/v1/processes?mine=true&limit=100", AS, user), 200).path("total").asInt();
    }

    // ------------------------------------------------------------------ clone

    @Test
    public void aCloneCopiesTreeGrantsAndAssetsAndIsIndependent() {
        Original o = original("pt-ada", "pt-tom", "Library plan");
        http.tokenOf("pt-sam");
        // Who may clone: the process's administrators only (the copy carries every asset's data and the grants).
        assertProblem(Platform.http().post("/api/v1/processes/" + o.process() + "/clone", Map.of()), 401);
        assertProblem(http.post("/api/v1/processes/" + o.process() + "/clone", Map.of(), AS, "pt-sam"), 404);
        assertProblem(http.post("/api/v1/processes/" + o.process() + "/clone", Map.of(), AS, "pt-tom"), 403);
        assertEquals("name", assertProblem(http.post("/api/v1/processes/" + o.process() + "/clone", Map.of("name", " "), AS, "pt-ada"), 400)
                .path("field").asText());
        assertEquals("colour", assertProblem(http.post("/api/v1/processes/" + o.process() + "/clone", Map.of("colour", "red"), AS, "pt-ada"), 400)
                .path("field").asText());

        Http.Answer cloned = http.post("/api/v1/processes/" + o.process() + "/clone", Map.of("name", "Library plan, second year", "language", "es"),
                AS, "pt-ada");
        JsonNode report = ok(cloned, 201);
        String copy = report.path("process").path("id").asText();
        assertEquals("/api/v1/processes/" + copy, cloned.header("Location"));
        assertEquals(4, report.path("assets").asInt());
        assertEquals(report.toString(), 0, report.path("notCarriedOver").size());
        JsonNode process = ok(http.get("/api/v1/processes/" + copy, AS, "pt-ada"), 200);
        assertEquals("Library plan, second year", process.path("name").asText());
        assertEquals("es", process.path("language").asText());
        assertEquals("Carry everything", process.path("aim").asText());
        assertEquals(List.of("transfer"), JSON.convertValue(process.path("tags"), List.class));
        assertEquals(List.of("pt-ada"), JSON.convertValue(ok(http.get("/api/v1/processes/" + copy + "/administrators", AS, "pt-ada"), 200)
                .path("items"), List.class));
        Map<String, JsonNode> tree = assertSameTree(o, copy, "pt-ada");

        // The grants, on the copies of their items: the team's member reads the copy and may add assets to its second task.
        JsonNode grants = ok(http.get("/api/v1/processes/" + copy + "/permissions", AS, "pt-ada"), 200).path("items");
        assertEquals(grants.toString(), 2, grants.size());
        for (JsonNode g : grants) assertEquals(o.team(), g.path("team").asText());
        JsonNode onTask = http.get("/api/v1/processes/" + copy + "/items/" + tree.get("Second").path("id").asText() + "/rights", AS, "pt-tom").json();
        assertTrue(onTask.toString(), onTask.path("createAssets").asBoolean());
        assertFalse(http.get("/api/v1/processes/" + copy + "/items/" + tree.get("First").path("id").asText() + "/rights", AS, "pt-tom").json()
                .path("createAssets").asBoolean());

        // The assets, with their data, in the copy's tasks.
        Map<String, JsonNode> first = assets(copy, tree.get("First").path("id").asText(), "pt-ada");
        assertEquals(List.of("Opening hours", "Minutes", "Council page"), List.copyOf(first.keySet()));
        Map<String, JsonNode> second = assets(copy, tree.get("Second").path("id").asText(), "pt-ada");
        assertEquals(List.of("Before we start"), List.copyOf(second.keySet()));
        for (JsonNode a : List.of(first.get("Opening hours"), first.get("Minutes"), second.get("Before we start"))) {
            assertEquals(copy, a.path("process").asText());
            assertFalse(o.assets().containsValue(a.path("id").asText()));
        }
        assertEquals("https://example.org/council", first.get("Council page").path("uri").asText());
        String survey = first.get("Opening hours").path("id").asText();
        JsonNode originalSurvey = ok(http.get(SURVEY + o.assets().get("survey") + "/survey", AS, "pt-ada"), 200);
        JsonNode copiedSurvey = ok(http.get(SURVEY + survey + "/survey", AS, "pt-ada"), 200);
        assertEquals(originalSurvey.path("questions"), copiedSurvey.path("questions"));
        // The survey's own copy capability copies the questions and not the answers (SurveyIT): cloning keeps its rule.
        assertEquals(0, ok(http.get(SURVEY + survey + "/results", AS, "pt-ada"), 200).path("responses").asInt());
        String editor = first.get("Minutes").path("id").asText();
        assertEquals(editorDocument(o.assets().get("editor"), "pt-ada").path("html"), editorDocument(editor, "pt-ada").path("html"));
        assertEquals(http.get("/api/v1/assets/" + o.assets().get("checklist") + "/download", AS, "pt-ada").body(),
                http.get("/api/v1/assets/" + second.get("Before we start").path("id").asText() + "/download", AS, "pt-ada").body());
        // Independent: editing the copy leaves the original as it was, and the other way round.
        edit(editor, "pt-ada", "<p>Only in the copy</p>");
        assertTrue(editorDocument(editor, "pt-ada").path("html").asText().contains("Only in the copy"));
        assertTrue(editorDocument(o.assets().get("editor"), "pt-ada").path("html").asText().contains("Budget: 12,000 EUR"));
        ok(http.patch("/api/v1/processes/" + o.process() + "/items/" + o.items().get("Second"), Map.of("name", "Second, renamed"), AS, "pt-ada"), 200);
        assertTrue(tree(copy, "pt-ada").containsKey("Second"));
        assertEquals(2, ok(http.get(SURVEY + o.assets().get("survey") + "/results", AS, "pt-ada"), 200).path("responses").asInt());
        // The activity feed of the copy says where it came from.
        Await.until("the clone in the copy's activity", Duration.ofSeconds(10), () -> http.get("/api/v1/activity?process=" + copy, AS, "pt-ada"),
                a -> a.status() == 200 && a.body().contains("eu/interlink/process/CLONED"));
    }

    @Test
    public void aCloneReportsTheAssetsItCannotCopyAndCopiesTheRest() {
        Original o = original("pt-cat", "pt-cid", "Parks plan");
        Http operator = Platform.operator();
        ok(operator.post("/api/v1/admin/interlinkers/checklist/disable", Map.of()), 200);
        try {
            JsonNode report = ok(http.post("/api/v1/processes/" + o.process() + "/clone", Map.of(), AS, "pt-cat"), 201);
            assertEquals(report.toString(), 3, report.path("assets").asInt());
            JsonNode issues = report.path("notCarriedOver");
            assertEquals(issues.toString(), 1, issues.size());
            assertEquals("asset-not-copied", issues.get(0).path("kind").asText());
            assertEquals(o.assets().get("checklist"), issues.get(0).path("subject").asText());
            assertTrue(issues.get(0).path("detail").asText().contains("checklist"));
            String copy = report.path("process").path("id").asText();
            assertEquals("Parks plan", report.path("process").path("name").asText());
            Map<String, JsonNode> tree = tree(copy, "pt-cat");
            assertEquals(3, assets(copy, tree.get("First").path("id").asText(), "pt-cat").size());
            assertEquals(0, assets(copy, tree.get("Second").path("id").asText(), "pt-cat").size());
        } finally {
            ok(operator.post("/api/v1/admin/interlinkers/checklist/enable", Map.of()), 200);
        }
    }

    // ------------------------------------------------------------------ export and import

    private byte[] export(String p, String user) {
        Http.Bytes zip = http.getBytes("/api/v1/processes/" + p + "/export", AS, user);
        assertEquals(new String(zip.body(), StandardCharsets.UTF_8), 200, zip.status());
        assertEquals("application/zip", zip.header("Content-Type"));
        assertTrue(zip.header("Content-Disposition"), zip.header("Content-Disposition").startsWith("attachment; filename=\""));
        return zip.body();
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) out.put(e.getName(), in.readAllBytes());
        }
        return out;
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** The same zip with its manifest changed by {@code change}. */
    private static byte[] withManifest(byte[] zip, UnaryOperator<ObjectNode> change) throws IOException {
        Map<String, byte[]> entries = unzip(zip);
        ObjectNode manifest = (ObjectNode) JSON.readTree(entries.get("manifest.json"));
        entries.put("manifest.json", JSON.writeValueAsBytes(change.apply(manifest)));
        return zip(entries);
    }

    private Http.Answer importZip(byte[] zip, String user) {
        return http.postRawAs("/api/v1/processes/import", "application/zip", zip, user);
    }

    @Test
    public void anExportImportedAgainIsAnEqualAndIndependentProcess() throws Exception {
        Original o = original("pt-eve", "pt-eli", "Market plan");
        http.tokenOf("pt-fay");
        assertProblem(http.get("/api/v1/processes/" + o.process() + "/export", AS, "pt-fay"), 404);
        assertProblem(http.get("/api/v1/processes/" + o.process() + "/export", AS, "pt-eli"), 403);
        assertProblem(Platform.http().get("/api/v1/processes/" + o.process() + "/export"), 404);
        // A file space with a file of several blob chunks (256 KiB each), bytes that do not compress.
        String files = asset(o.process(), o.items().get("Second"), "pt-eve", Map.of("kind", "internal", "interlinker", "files", "params",
                Map.of("title", "Drawings")));
        byte[] pdf = new byte[3 * 1024 * 1024 + 17];
        new java.util.Random(6).nextBytes(pdf);
        System.arraycopy("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 0, pdf, 0, 9);
        ok(http.postRawAs("/interlinkers/files/assets/" + files + "/files?name=plan.pdf", "application/pdf", pdf, "pt-eve"), 201);
        byte[] zip = export(o.process(), "pt-eve");

        // The format: a manifest, each asset's raw documents and blobs, and the Interlinkers' own export files.
        Map<String, byte[]> entries = unzip(zip);
        JsonNode manifest = JSON.readTree(entries.get("manifest.json"));
        assertEquals("interlink-process", manifest.path("format").asText());
        assertEquals(1, manifest.path("formatVersion").asInt());
        assertFalse(manifest.path("platformVersion").asText().isEmpty());
        assertEquals("Market plan", manifest.path("process").path("name").asText());
        assertEquals(4, manifest.path("tree").size());
        assertEquals(2, manifest.path("permissions").size());
        assertEquals("Market plan team", manifest.path("permissions").get(0).path("teamName").asText());
        Map<String, JsonNode> byInterlinker = new HashMap<>();
        for (JsonNode a : manifest.path("assets")) byInterlinker.put(a.path("kind").asText().equals("external") ? "link" : a.path("interlinker").asText(), a);
        assertEquals(5, byInterlinker.size());
        JsonNode blob = byInterlinker.get("files").path("blobs").get(0);
        assertEquals(pdf.length, blob.path("size").asLong());
        assertTrue(java.util.Arrays.equals(pdf, entries.get(blob.path("entry").asText())));
        for (String id : List.of("survey", "editor", "checklist")) {
            JsonNode a = byInterlinker.get(id);
            assertTrue(id, a.path("documents").size() > 0);
            for (JsonNode d : a.path("documents")) assertNotNull(d.toString(), entries.get(d.path("entry").asText()));
            assertTrue(a.toString(), a.path("dataVersion").isInt());
            assertNotNull(a.toString(), entries.get(a.path("export").path("entry").asText()));
        }
        assertTrue(new String(entries.get(byInterlinker.get("editor").path("export").path("entry").asText()), StandardCharsets.UTF_8)
                .contains("Budget: 12,000 EUR"));
        assertEquals("https://example.org/council", byInterlinker.get("link").path("uri").asText());

        // Imported by someone else: a new process of theirs, equal to the original.
        int before = processesOf("pt-fay");
        Http.Answer imported = importZip(zip, "pt-fay");
        JsonNode report = ok(imported, 201);
        String copy = report.path("process").path("id").asText();
        assertNotEquals(o.process(), copy);
        assertEquals("/api/v1/processes/" + copy, imported.header("Location"));
        assertEquals(5, report.path("assets").asInt());
        assertEquals(before + 1, processesOf("pt-fay"));
        assertEquals(List.of("pt-fay"), JSON.convertValue(ok(http.get("/api/v1/processes/" + copy + "/administrators", AS, "pt-fay"), 200)
                .path("items"), List.class));
        // The exporter is an account here too, but a name is not a person: reported, not made administrator.
        JsonNode issues = report.path("notCarriedOver");
        assertEquals(issues.toString(), 1, issues.size());
        assertEquals("administrator-not-added", issues.get(0).path("kind").asText());
        assertEquals("pt-eve", issues.get(0).path("subject").asText());
        JsonNode process = ok(http.get("/api/v1/processes/" + copy, AS, "pt-fay"), 200);
        assertEquals("Market plan", process.path("name").asText());
        assertEquals("Carry everything", process.path("aim").asText());
        assertEquals(false, process.path("public").asBoolean());
        Map<String, JsonNode> tree = assertSameTree(o, copy, "pt-fay");
        assertEquals(2, ok(http.get("/api/v1/processes/" + copy + "/permissions", AS, "pt-fay"), 200).path("items").size());

        // Every asset's data, read back through the API and the Interlinkers' pages: equal, answers included.
        Map<String, JsonNode> first = assets(copy, tree.get("First").path("id").asText(), "pt-fay");
        Map<String, JsonNode> second = assets(copy, tree.get("Second").path("id").asText(), "pt-fay");
        assertEquals(List.of("Opening hours", "Minutes", "Council page"), List.copyOf(first.keySet()));
        for (JsonNode a : List.of(first.get("Opening hours"), first.get("Minutes"), second.get("Before we start"))) {
            assertEquals(a.toString(), "available", a.path("status").asText());
        }
        String survey = first.get("Opening hours").path("id").asText();
        String editor = first.get("Minutes").path("id").asText();
        String checklist = second.get("Before we start").path("id").asText();
        JsonNode originalSurvey = ok(http.get(SURVEY + o.assets().get("survey") + "/survey", AS, "pt-eve"), 200);
        assertEquals(originalSurvey.path("questions"), ok(http.get(SURVEY + survey + "/survey", AS, "pt-fay"), 200).path("questions"));
        assertEquals(ok(http.get(SURVEY + o.assets().get("survey") + "/results", AS, "pt-eve"), 200),
                ok(http.get(SURVEY + survey + "/results", AS, "pt-fay"), 200));
        assertEquals(2, ok(http.get(SURVEY + survey + "/results", AS, "pt-fay"), 200).path("responses").asInt());
        assertEquals(http.get("/api/v1/assets/" + o.assets().get("survey") + "/download", AS, "pt-eve").body(),
                http.get("/api/v1/assets/" + survey + "/download", AS, "pt-fay").body());
        assertEquals(editorDocument(o.assets().get("editor"), "pt-eve").path("html"), editorDocument(editor, "pt-fay").path("html"));
        assertEquals(ok(http.get(EDITOR + o.assets().get("editor") + "/revisions", AS, "pt-eve"), 200).path("total"),
                ok(http.get(EDITOR + editor + "/revisions", AS, "pt-fay"), 200).path("total"));
        assertEquals(http.get("/api/v1/assets/" + o.assets().get("checklist") + "/download", AS, "pt-eve").body(),
                http.get("/api/v1/assets/" + checklist + "/download", AS, "pt-fay").body());
        assertEquals("https://example.org/council", first.get("Council page").path("uri").asText());
        String importedFiles = second.get("Drawings").path("id").asText();
        JsonNode listed = ok(http.get("/interlinkers/files/assets/" + importedFiles + "/files", AS, "pt-fay"), 200).path("files");
        assertEquals(listed.toString(), 1, listed.size());
        Http.Bytes content = http.getBytes("/interlinkers/files/assets/" + importedFiles + "/files/" + listed.get(0).path("id").asText() + "/content",
                AS, "pt-fay");
        assertEquals(200, content.status());
        assertTrue("the file's bytes", java.util.Arrays.equals(pdf, content.body()));

        // Independent of the original.
        edit(editor, "pt-fay", "<p>Imported and changed</p>");
        assertTrue(editorDocument(o.assets().get("editor"), "pt-eve").path("html").asText().contains("Budget: 12,000 EUR"));
        ok(http.post(SURVEY + survey + "/responses", Map.of("answers", Map.of("q1", "1", "q2", 5)), AS, "pt-fay"), 201);
        assertEquals(3, ok(http.get(SURVEY + survey + "/results", AS, "pt-fay"), 200).path("responses").asInt());
        assertEquals(2, ok(http.get(SURVEY + o.assets().get("survey") + "/results", AS, "pt-eve"), 200).path("responses").asInt());
        // The original's administrator is no administrator of the imported process: only a member of the team whose
        // grant came along (the zip came from this platform, so the team's id is known here).
        JsonNode eve = ok(http.get("/api/v1/processes/" + copy + "/rights", AS, "pt-eve"), 200);
        assertFalse(eve.toString(), eve.path("administer").asBoolean());
        assertEquals(List.of("member"), JSON.convertValue(eve.path("roles"), List.class));
        assertProblem(http.get("/api/v1/processes/" + copy, AS, "pt-stranger"), 404);
    }

    @Test
    public void anImportReportsWhatThisPlatformLacks() throws Exception {
        Original o = original("pt-gus", "pt-gil", "Bridge plan");
        byte[] zip = export(o.process(), "pt-gus");
        byte[] elsewhere = withManifest(zip, m -> {
            ObjectNode process = (ObjectNode) m.path("process");
            process.putArray("administrators").add("pt-gus").add("pt-nobody-here");
            for (JsonNode a : m.path("assets")) {
                if (a.path("interlinker").asText().equals("checklist")) ((ObjectNode) a).put("interlinker", "pt-not-installed");
            }
            for (JsonNode g : m.path("permissions")) ((ObjectNode) g).put("team", "pt-no-such-team").put("teamName", "A team of another platform");
            return m;
        });
        JsonNode report = ok(importZip(elsewhere, "pt-hal"), 201);
        assertEquals(4, report.path("assets").asInt());
        Map<String, List<String>> kinds = new LinkedHashMap<>();
        for (JsonNode i : report.path("notCarriedOver")) {
            kinds.computeIfAbsent(i.path("kind").asText(), k -> new ArrayList<>()).add(i.path("subject").asText());
        }
        assertEquals(report.toString(), List.of("pt-gus"), kinds.get("administrator-not-added"));
        assertEquals(report.toString(), List.of("pt-nobody-here"), kinds.get("user-not-found"));
        assertEquals(report.toString(), List.of("pt-not-installed"), kinds.get("interlinker-absent"));
        assertEquals(report.toString(), List.of("A team of another platform", "A team of another platform"), kinds.get("team-not-found"));
        // The absent Interlinker's asset is kept with its data, unavailable until the Interlinker is installed.
        String copy = report.path("process").path("id").asText();
        Map<String, JsonNode> tree = tree(copy, "pt-hal");
        JsonNode kept = assets(copy, tree.get("Second").path("id").asText(), "pt-hal").get("Before we start");
        assertEquals(kept.toString(), "unavailable", kept.path("status").asText());
        assertEquals("pt-not-installed", kept.path("interlinker").asText());
        assertEquals(0, ok(http.get("/api/v1/processes/" + copy + "/permissions", AS, "pt-hal"), 200).path("items").size());

        // Data in a shape this platform's Interlinker does not keep: that asset is left out, the rest imported.
        byte[] newer = withManifest(zip, m -> {
            for (JsonNode a : m.path("assets")) {
                if (a.path("interlinker").asText().equals("editor")) ((ObjectNode) a).put("dataVersion", a.path("dataVersion").asInt() + 7);
            }
            return m;
        });
        JsonNode partial = ok(importZip(newer, "pt-hal"), 201);
        assertEquals(3, partial.path("assets").asInt());
        assertTrue(partial.toString(), partial.path("notCarriedOver").toString().contains("data-version-differs"));
    }

    @Test
    public void hostileOrBrokenZipsAreRefusedWithProblemsAndLeaveNothing() throws Exception {
        Original o = original("pt-ivy", "pt-ian", "Harbour plan");
        byte[] zip = export(o.process(), "pt-ivy");
        Map<String, byte[]> entries = unzip(zip);
        int before = processesOf("pt-jon");

        assertProblem(Platform.http().postRaw("/api/v1/processes/import", "application/zip", zip), 401);
        assertProblem(http.post("/api/v1/processes/import", Map.of("zip", "no"), AS, "pt-jon"), 415);
        assertEquals("not-a-zip", type(assertProblem(importZip("not a zip at all".getBytes(StandardCharsets.UTF_8), "pt-jon"), 400)));
        assertEquals("invalid-archive", type(assertProblem(importZip(zip(Map.of("readme.txt", new byte[] {1})), "pt-jon"), 400)));
        // Entry names that climb out of where they are unpacked.
        for (String evil : List.of("../evil.json", "assets/../../evil", "/etc/passwd", "C:\\evil", "a/./b")) {
            Map<String, byte[]> bad = new LinkedHashMap<>(entries);
            bad.put(evil, new byte[] {1});
            assertEquals(evil, "unsafe-entry-name", type(assertProblem(importZip(zip(bad), "pt-jon"), 400)));
        }
        // Malformed manifests, named by field.
        Map<String, byte[]> notJson = new LinkedHashMap<>(entries);
        notJson.put("manifest.json", "{\"format\": ".getBytes(StandardCharsets.UTF_8));
        assertEquals("invalid-manifest", type(assertProblem(importZip(zip(notJson), "pt-jon"), 400)));
        assertEquals("unsupported-format-version", type(assertProblem(importZip(withManifest(zip, m -> m.put("formatVersion", 99)), "pt-jon"), 400)));
        assertEquals("invalid-manifest", type(assertProblem(importZip(withManifest(zip, m -> m.put("format", "something-else")), "pt-jon"), 400)));
        assertTrue(assertProblem(importZip(withManifest(zip, m -> {
            m.remove("tree");
            return m;
        }), "pt-jon"), 400).path("detail").asText().contains("'tree'"));
        assertTrue(assertProblem(importZip(withManifest(zip, m -> {
            ((ObjectNode) m.path("tree").get(1)).put("parent", "no-such-item");
            return m;
        }), "pt-jon"), 400).path("detail").asText().contains("tree[1].parent"));
        assertTrue(assertProblem(importZip(withManifest(zip, m -> {
            ((ObjectNode) m.path("assets").get(0)).put("task", m.path("tree").get(0).path("id").asText());
            return m;
        }), "pt-jon"), 400).path("detail").asText().contains("assets[0].task"));
        assertTrue(assertProblem(importZip(withManifest(zip, m -> {
            ((ObjectNode) m.path("assets").get(0).path("documents").get(0)).put("entry", "../../outside");
            return m;
        }), "pt-jon"), 400).path("detail").asText().contains("entry"));
        // A document that is not JSON, and a blob whose bytes are not those the manifest vouches for: late
        // faults, after the process and some assets were written, and still nothing is left.
        Map<String, byte[]> badDocument = new LinkedHashMap<>(entries);
        JsonNode manifest = JSON.readTree(entries.get("manifest.json"));
        JsonNode lastAsset = manifest.path("assets").get(manifest.path("assets").size() - 1);
        badDocument.put(lastAsset.path("documents").get(0).path("entry").asText(), "not json".getBytes(StandardCharsets.UTF_8));
        assertEquals("invalid-manifest", type(assertProblem(importZip(zip(badDocument), "pt-jon"), 400)));
        byte[] corrupt = withManifest(zip, m -> {
            for (JsonNode a : m.path("assets")) {
                for (JsonNode b : a.path("blobs")) ((ObjectNode) b).put("sha256", "0".repeat(64));
                if (a.path("blobs").size() == 0 && a.path("kind").asText().equals("internal")) {
                    ((ArrayNode) ((ObjectNode) a).withArray("blobs")).addObject().put("key", "extra").put("contentType", "text/plain").put("size", 3)
                            .put("sha256", "0".repeat(64)).put("entry", a.path("documents").get(0).path("entry").asText());
                }
            }
            return m;
        });
        assertEquals("corrupt-entry", type(assertProblem(importZip(corrupt, "pt-jon"), 400)));
        // Zip bombs: a small zip that inflates past the manifest's limit, and too many entries.
        Map<String, byte[]> bomb = new LinkedHashMap<>(entries);
        byte[] spaces = new byte[17 * 1024 * 1024];
        java.util.Arrays.fill(spaces, (byte) ' ');
        spaces[0] = '{';
        spaces[spaces.length - 1] = '}';
        bomb.put("manifest.json", spaces);
        byte[] small = zip(bomb);
        assertTrue(small.length + " bytes", small.length < 200_000);
        assertEquals("zip-too-large", type(assertProblem(importZip(small, "pt-jon"), 413)));
        Map<String, byte[]> many = new LinkedHashMap<>(entries);
        for (int i = 0; i < 20_001; i++) many.put("filler/" + i, new byte[0]);
        assertEquals("zip-too-large", type(assertProblem(importZip(zip(many), "pt-jon"), 413)));

        assertEquals("nothing was imported", before, processesOf("pt-jon"));
        // The genuine zip still imports.
        ok(importZip(zip, "pt-jon"), 201);
        assertEquals(before + 1, processesOf("pt-jon"));
    }

    private static String type(JsonNode problem) {
        String t = problem.path("type").asText();
        return t.substring(t.lastIndexOf(':') + 1);
    }
}
