package eu.interlink.itest;

import static eu.interlink.itest.Problems.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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

import eu.interlink.testkit.ConformanceKit;
import eu.interlink.testkit.ConformanceReport;

/**
 * The collaborative editor end to end: documents made, cloned, exported and deleted through the kernel's API;
 * saved, merged, refused on conflict, restored and exported through its own endpoints; several writers at once
 * losing nothing; and the conformance kit passing in the booted platform.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EditorIT {
    private static final String PAGES = "/interlinkers/editor/assets/";
    private static final String USER = Http.AS;

    @Inject
    private BundleContext context;

    private Http http;

    @Configuration
    public Option[] config() {
        String kit = new File(System.getProperty(Platform.BUNDLES, "target/test-bundles"), "interlink-testkit.jar").getAbsoluteFile().toURI().toString();
        return Platform.options(bundle(kit));
    }

    @Before
    public void waitForTheEditor() {
        http = Platform.http();
        Platform.awaitReady(http);
        Await.until("the editor Interlinker", Duration.ofSeconds(60), () -> http.get("/api/v1/interlinkers/editor"),
                a -> a.status() == 200 && a.json().path("status").asText().equals("active"));
    }

    private String create(String title, String html) {
        Http.Answer created = http.post("/api/v1/assets", Map.of("interlinker", "editor", "params", Map.of("title", title, "html", html)),
                USER, "ana");
        assertEquals(created.toString(), 201, created.status());
        assertEquals(PAGES + created.json().path("id").asText(), created.json().path("links").path("page").asText());
        return created.json().path("id").asText();
    }

    private JsonNode document(String id) {
        Http.Answer a = http.get(PAGES + id + "/document");
        assertEquals(a.toString(), 200, a.status());
        assertEquals("\"" + a.json().path("revision").asLong() + "\"", a.header("ETag"));
        return a.json();
    }

    private Http.Answer save(String id, long base, Map<String, Object> body, String who) {
        return http.put(PAGES + id + "/document", body, "If-Match", "\"" + base + "\"", USER, who);
    }

    @Test
    public void savesMergesRefusesConflictsAndRestores() {
        String id = create("Minutes", "<p>Opening</p><p>Budget</p><p>Closing</p>");
        JsonNode first = document(id);
        assertEquals(1, first.path("revision").asLong());
        assertEquals("<p>Opening</p>\n<p>Budget</p>\n<p>Closing</p>", first.path("html").asText());
        // The asset was made by ana's account, through the kernel's asset API: the first revision is hers.
        assertEquals(first.toString(), "ana", first.path("author").asText());

        // A save must say which revision it was made on.
        assertEquals("If-Match", assertProblem(http.put(PAGES + id + "/document", Map.of("html", "<p>x</p>")), 428).path("field").asText());

        Http.Answer ben = save(id, 1, Map.of("html", "<p>Opening</p><p>Budget: 12,000 EUR</p><p>Closing</p>"), "ben");
        assertEquals(ben.toString(), 200, ben.status());
        assertEquals(2, ben.json().path("revision").asLong());
        assertFalse(ben.json().path("merged").asBoolean());
        assertEquals("\"2\"", ben.header("ETag"));

        // Carla edited revision 1 too, another paragraph and the title: merged with Ben's change.
        Http.Answer carla = save(id, 1, Map.of("title", "Minutes of 3 May", "html", "<p>Opening at 18:00</p><p>Budget</p><p>Closing</p>"), "carla");
        assertEquals(carla.toString(), 200, carla.status());
        assertTrue(carla.json().path("merged").asBoolean());
        assertEquals(3, carla.json().path("revision").asLong());
        assertEquals("<p>Opening at 18:00</p>\n<p>Budget: 12,000 EUR</p>\n<p>Closing</p>", carla.json().path("html").asText());
        assertEquals("Minutes of 3 May", carla.json().path("title").asText());
        assertEquals(1, carla.json().path("mergedFrom").asLong());

        // Dan also edited the budget on revision 1: the same paragraph, so nothing is saved and he gets what is there.
        JsonNode conflict = assertProblem(save(id, 1, Map.of("html", "<p>Opening</p><p>Budget: none</p><p>Closing</p>"), "dan"), 409);
        assertEquals("urn:interlink:problem:edit-conflict", conflict.path("type").asText());
        assertEquals(3, conflict.path("current").path("revision").asLong());
        assertEquals(carla.json().path("html").asText(), conflict.path("current").path("html").asText());
        assertEquals("<p>Budget: none</p>", conflict.path("conflicts").path(0).path("mine").path(0).asText());
        assertEquals("<p>Budget: 12,000 EUR</p>", conflict.path("conflicts").path(0).path("theirs").path(0).asText());
        assertEquals(3, document(id).path("revision").asLong());
        // He merges by hand on revision 3 and saves.
        assertEquals(4, save(id, 3, Map.of("html", "<p>Opening at 18:00</p><p>Budget: 12,000 EUR, none spent</p><p>Closing</p>"), "dan")
                .json().path("revision").asLong());

        // The history, newest first, with who and when.
        JsonNode history = http.get(PAGES + id + "/revisions").json();
        assertEquals(4, history.path("total").asInt());
        List<String> authors = new ArrayList<>();
        history.path("items").forEach(r -> authors.add(r.path("author").asText("-") + "/" + r.path("kind").asText()));
        assertEquals(List.of("dan/edited", "carla/merged", "ben/edited", "ana/created"), authors);
        assertFalse(history.path("items").path(0).path("savedAt").asText().isEmpty());
        assertEquals("<p>Opening</p>\n<p>Budget: 12,000 EUR</p>\n<p>Closing</p>", http.get(PAGES + id + "/revisions/2").json().path("html").asText());

        // Restore: revision 1 again, as revision 5; a stale If-Match is refused.
        assertProblem(http.post(PAGES + id + "/revisions/1/restore", Map.of(), "If-Match", "\"3\""), 412);
        Http.Answer restored = http.post(PAGES + id + "/revisions/1/restore", Map.of(), "If-Match", "\"4\"", USER, "ana");
        assertEquals(restored.toString(), 200, restored.status());
        assertEquals(5, restored.json().path("revision").asLong());
        assertEquals("restored", restored.json().path("kind").asText());
        assertEquals(1, restored.json().path("restoredFrom").asLong());
        assertEquals(first.path("html").asText(), document(id).path("html").asText());
        assertEquals("Minutes", document(id).path("title").asText());
        assertEquals(5, http.get(PAGES + id + "/revisions").json().path("total").asInt());

        // What a browser could run never gets in.
        Http.Answer dirty = save(id, 5, Map.of("html", "<p onclick=\"x()\">Hi<script>alert(1)</script><img src=x onerror=alert(2)>"
                + "<a href=\"javascript:alert(3)\">link</a></p>"), "eve");
        assertEquals(dirty.toString(), 200, dirty.status());
        assertEquals("<p>Hi<a rel=\"nofollow noopener noreferrer\">link</a></p>", dirty.json().path("html").asText());

        // The pages: the editor, in Italian, escaped; the preview without script.
        Http.Answer page = http.get(PAGES + id + "?lang=it");
        assertEquals(200, page.status());
        assertTrue(page.body(), page.body().contains("<html lang=\"it\">") && page.body().contains("Cronologia")
                && page.body().contains("id=\"content\""));
        assertTrue(page.header("Content-Security-Policy"), page.header("Content-Security-Policy").startsWith("default-src 'none'; script-src 'sha256-"));
        assertFalse(page.body(), page.body().contains("alert"));
        Http.Answer preview = http.get(PAGES + id + "/preview");
        assertEquals(200, preview.status());
        assertFalse(preview.body().contains("<script"));
        assertTrue(preview.body(), preview.body().contains("Revisions: 6"));
    }

    /**
     * Six writers, each changing its own paragraph five times, all at once, each saving on the revision it read.
     * Every change must be in the final text: merged when others saved meanwhile, never overwritten.
     */
    @Test
    public void concurrentWritersLoseNoEdit() throws Exception {
        int writers = 6;
        int rounds = 5;
        StringBuilder html = new StringBuilder();
        for (int w = 0; w < writers; w++) html.append("<p>Part ").append(w).append("</p>");
        String id = create("Shared plan", html.toString());
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<int[]>> futures = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            futures.add(pool.submit(() -> {
                Http own = Platform.http();
                int merged = 0;
                int conflicts = 0;
                for (int round = 1; round <= rounds; round++) {
                    while (true) {
                        JsonNode doc = own.get(PAGES + id + "/document").json();
                        List<String> blocks = new ArrayList<>(Arrays.asList(doc.path("html").asText().split("\n")));
                        String mine = blocks.get(writer);
                        blocks.set(writer, mine.substring(0, mine.length() - "</p>".length()) + " r" + round + "</p>");
                        Http.Answer a = own.put(PAGES + id + "/document", Map.of("html", String.join("", blocks)),
                                "If-Match", "\"" + doc.path("revision").asLong() + "\"", USER, "writer-" + writer);
                        if (a.status() == 200) {
                            if (a.json().path("merged").asBoolean()) merged++;
                            break;
                        }
                        assertEquals(a.toString(), 409, a.status()); // never anything else; a conflict is retried
                        conflicts++;
                    }
                }
                return new int[] {merged, conflicts};
            }));
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(180, TimeUnit.SECONDS));
        int conflicts = 0;
        for (Future<int[]> f : futures) conflicts += f.get()[1];
        assertEquals("writers of different paragraphs never conflict", 0, conflicts);

        JsonNode last = document(id);
        String[] blocks = last.path("html").asText().split("\n");
        assertEquals(writers, blocks.length);
        for (int w = 0; w < writers; w++) {
            StringBuilder expected = new StringBuilder("<p>Part ").append(w);
            for (int round = 1; round <= rounds; round++) expected.append(" r").append(round);
            assertEquals(expected.append("</p>").toString(), blocks[w]);
        }
        // One revision per accepted save, plus the first.
        assertEquals(1 + writers * rounds, last.path("revision").asLong());
        assertEquals(1 + writers * rounds, http.get(PAGES + id + "/revisions").json().path("total").asInt());
    }

    @Test
    public void exportsHtmlAndMarkdownAndClonesThroughTheKernel() {
        String id = create("Plan <draft>", "<h2>Steps</h2><ul><li>Map <b>stakeholders</b></li><li>Invite</li></ul>");
        Http.Answer html = http.get("/api/v1/assets/" + id + "/download");
        assertEquals(html.toString(), 200, html.status());
        assertTrue(html.header("Content-Type"), html.header("Content-Type").startsWith("text/html"));
        assertTrue(html.header("Content-Disposition"), html.header("Content-Disposition").contains("plan-draft.html"));
        assertTrue(html.body(), html.body().contains("<title>Plan &lt;draft&gt;</title>")
                && html.body().contains("<ul><li>Map <b>stakeholders</b></li><li>Invite</li></ul>"));

        Http.Answer md = http.get(PAGES + id + "/export?format=markdown");
        assertEquals(md.toString(), 200, md.status());
        assertTrue(md.header("Content-Type"), md.header("Content-Type").startsWith("text/markdown"));
        assertTrue(md.header("Content-Disposition"), md.header("Content-Disposition").contains("plan-draft.md"));
        assertEquals("# Plan \\<draft\\>\n\n### Steps\n\n- Map **stakeholders**\n- Invite\n", md.body());
        assertEquals("format", assertProblem(http.get(PAGES + id + "/export?format=pdf"), 400).path("field").asText());
        save(id, 1, Map.of("html", "<p>Rewritten</p>"), "ben");
        assertTrue(http.get(PAGES + id + "/export?format=html&revision=1").body().contains("stakeholders"));
        assertTrue(http.get(PAGES + id + "/export?format=md").body().contains("Rewritten"));

        // An asset made to download as Markdown.
        Http.Answer mdAsset = http.post("/api/v1/assets", Map.of("interlinker", "editor", "params",
                Map.of("title", "Notes", "html", "<p>x</p>", "exportFormat", "markdown")));
        assertEquals(201, mdAsset.status());
        assertEquals("# Notes\n\nx\n", http.get("/api/v1/assets/" + mdAsset.json().path("id").asText() + "/download").body());

        // A clone has the current text as its revision 1; the history stays with the source.
        Http.Answer copied = http.post("/api/v1/assets/" + id + "/copy", Map.of());
        assertEquals(copied.toString(), 201, copied.status());
        String copy = copied.json().path("id").asText();
        JsonNode cloned = document(copy);
        assertEquals(1, cloned.path("revision").asLong());
        assertEquals("copied", cloned.path("kind").asText());
        assertEquals("<p>Rewritten</p>", cloned.path("html").asText());

        assertEquals(204, http.delete("/api/v1/assets/" + id).status());
        assertProblem(http.get(PAGES + id + "/document"), 404);
        assertProblem(http.get(PAGES + id), 404);
        assertEquals(200, http.get(PAGES + copy + "/document").status());
    }

    @Test
    public void badInputGetsProblemsNamingTheField() {
        JsonNode noTitle = assertProblem(http.post("/api/v1/assets", Map.of("interlinker", "editor", "params", Map.of("html", "<p>x</p>"))), 400);
        assertTrue(noTitle.toString(), noTitle.path("detail").asText().contains("title"));
        assertProblem(http.post("/api/v1/assets", Map.of("interlinker", "editor", "params", Map.of("title", "T", "exportFormat", "docx"))), 400);

        String id = create("Checks", "<p>x</p>");
        String doc = PAGES + id + "/document";
        assertEquals("title", assertProblem(save(id, 1, Map.of("title", " "), "ana"), 400).path("field").asText());
        assertEquals("colour", assertProblem(save(id, 1, Map.of("html", "<p>y</p>", "colour", "red"), "ana"), 400).path("field").asText());
        assertEquals("html", assertProblem(save(id, 1, Map.of("html", 42), "ana"), 400).path("field").asText());
        assertEquals("html", assertProblem(save(id, 1, Map.of(), "ana"), 400).path("field").asText());
        assertEquals("If-Match", assertProblem(http.put(doc, Map.of("html", "<p>y</p>"), "If-Match", "yesterday"), 400).path("field").asText());
        assertEquals("If-Match", assertProblem(save(id, 99, Map.of("html", "<p>y</p>"), "ana"), 412).path("field").asText());
        assertProblem(http.putRaw(doc, "text/plain", "html=x".getBytes(StandardCharsets.UTF_8)), 415);
        assertProblem(http.putRaw(doc, "application/json", "{\"html\":".getBytes(StandardCharsets.UTF_8)), 400);
        assertProblem(http.method("DELETE", doc), 405);
        assertProblem(http.get(PAGES + id + "/revisions/99"), 404);
        assertProblem(http.get(PAGES + id + "/revisions/abc"), 404);
        assertEquals("limit", assertProblem(http.get(PAGES + id + "/revisions?limit=0"), 400).path("field").asText());
        assertProblem(http.get(PAGES + "no-such-asset/document"), 404);
        assertProblem(http.get(PAGES + id + "/nowhere"), 404);
        assertEquals(1, document(id).path("revision").asLong());
    }

    @Test
    public void passesTheConformanceKit() {
        ConformanceReport report = ConformanceKit.inPlatform(context, "editor")
                .instantiateWith(Map.of("title", "Minutes", "html", "<p>Agreed: meet <b>monthly</b>.</p>"))
                .assertConforms();
        System.out.println(report);
        Fixtures.awaitServing(http, "editor", report.interlinker().split(" ")[1]);
    }
}
