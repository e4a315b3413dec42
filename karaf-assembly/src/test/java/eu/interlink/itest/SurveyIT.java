package eu.interlink.itest;

import static eu.interlink.itest.Problems.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The survey Interlinker end to end: assets made, cloned, exported and deleted through the kernel's API; the
 * survey built, published, answered (from many threads at once), closed and read back through its own pages
 * and endpoints; its data surviving its bundle being stopped and started.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SurveyIT {
    private static final String PAGES = "/interlinkers/survey/assets/";
    private static final String USER = Http.AS;

    @Inject
    private BundleContext context;

    private Http http;

    @Configuration
    public Option[] config() {
        return Platform.options();
    }

    @Before
    public void waitForTheSurvey() {
        http = Platform.http();
        Platform.awaitReady(http);
        Await.until("the survey Interlinker", Duration.ofSeconds(60), () -> http.get("/api/v1/interlinkers/survey"),
                a -> a.status() == 200 && a.json().path("status").asText().equals("active"));
    }

    /** Four questions, one of each kind; the second and fourth required. */
    private static Map<String, Object> libraryHours(boolean anonymous) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("title", "Library opening hours");
        params.put("description", "Help us set the hours of the district libraries.");
        params.put("anonymous", anonymous);
        params.put("questions", List.of(
                Map.of("kind", "text", "text", "What would you change?"),
                Map.of("kind", "single", "text", "Which branch do you use most?", "required", true,
                        "options", List.of("Central", "North", "Harbour")),
                Map.of("kind", "multiple", "text", "When would you visit?", "options", List.of("Mornings", "Evenings", "Weekends")),
                Map.of("kind", "scale", "text", "How satisfied are you today?", "required", true, "min", 1, "max", 5,
                        "minLabel", "Not at all", "maxLabel", "Very")));
        return params;
    }

    private String create(Map<String, Object> params) {
        Http.Answer created = http.post("/api/v1/assets", Map.of("interlinker", "survey", "params", params));
        assertEquals(created.toString(), 201, created.status());
        JsonNode asset = created.json();
        assertEquals("survey", asset.path("interlinker").asText());
        assertEquals(PAGES + asset.path("id").asText(), asset.path("links").path("page").asText());
        return asset.path("id").asText();
    }

    private JsonNode survey(String id) {
        Http.Answer a = http.get(PAGES + id + "/survey");
        assertEquals(a.toString(), 200, a.status());
        assertEquals("\"" + a.json().path("version").asLong() + "\"", a.header("ETag"));
        return a.json();
    }

    private void publish(String id) {
        Http.Answer published = http.post(PAGES + id + "/publish", Map.of());
        assertEquals(published.toString(), 200, published.status());
        assertEquals("published", published.json().path("status").asText());
    }

    private Http.Answer answer(String id, Map<String, Object> answers, String... headers) {
        return http.post(PAGES + id + "/responses", Map.of("answers", answers), headers);
    }

    @Test
    public void buildsPublishesTakesConcurrentAnswersAndAggregatesThem() throws Exception {
        String id = create(libraryHours(true));
        JsonNode draft = survey(id);
        assertEquals("draft", draft.path("status").asText());
        assertEquals(4, draft.path("questions").size());
        assertEquals("q2", draft.path("questions").path(1).path("id").asText());
        assertEquals("Harbour", draft.path("questions").path(1).path("options").path(2).path("label").asText());
        assertEquals("3", draft.path("questions").path(1).path("options").path(2).path("id").asText());

        // Edit while a draft: keep the four questions by id, add a fifth; a stale If-Match is refused.
        long version = draft.path("version").asLong();
        Map<String, Object> edited = libraryHours(true);
        List<Object> questions = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> q = new LinkedHashMap<>((Map<String, Object>) ((List<?>) edited.get("questions")).get(i));
            q.put("id", "q" + (i + 1));
            questions.add(q);
        }
        questions.add(Map.of("kind", "text", "text", "Anything else?"));
        edited.put("questions", questions);
        Http.Answer put = http.put(PAGES + id + "/survey", edited, "If-Match", "\"" + version + "\"");
        assertEquals(put.toString(), 200, put.status());
        assertEquals(version + 1, put.json().path("version").asLong());
        assertEquals("q5", put.json().path("questions").path(4).path("id").asText());
        assertProblem(http.put(PAGES + id + "/survey", edited, "If-Match", String.valueOf(version)), 412);

        assertProblem(answer(id, Map.of("q2", "1", "q4", 3)), 409); // a draft takes no answers
        publish(id);
        assertProblem(http.put(PAGES + id + "/survey", edited), 409); // the questions are frozen
        assertProblem(http.post(PAGES + id + "/publish", Map.of()), 409);

        // 8 threads, 10 anonymous answers each, all at once: every one counted, none lost.
        int threads = 8;
        int perThread = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<Integer>>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                List<Integer> statuses = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    statuses.add(answer(id, answers(thread, i)).status());
                }
                return statuses;
            }));
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(120, TimeUnit.SECONDS));
        for (Future<List<Integer>> f : futures) {
            for (int status : f.get()) {
                assertEquals(201, status);
            }
        }
        // Signed answers: one per person, a second one replaces the first.
        assertEquals(201, answer(id, Map.of("q2", "1", "q4", 1), USER, "ana").status());
        Http.Answer again = answer(id, Map.of("q1", "Open on Sundays", "q2", "2", "q4", 5), USER, "ana");
        assertEquals(again.toString(), 200, again.status());
        assertEquals("ana", again.json().path("respondent").asText());
        assertEquals(201, answer(id, Map.of("q2", "3", "q3", List.of("3"), "q4", 4), USER, "ben").status());
        JsonNode mine = http.get(PAGES + id + "/responses/mine", USER, "ana").json();
        assertEquals("2", mine.path("answers").path("q2").asText());
        assertEquals("Open on Sundays", mine.path("answers").path("q1").asText());
        assertProblem(http.get(PAGES + id + "/responses/mine", USER, "carla"), 404);

        // The same tallies, counted here.
        int total = threads * perThread + 2;
        long[] branches = new long[3];
        long[] visits = new long[3];
        long[] scale = new long[5];
        int texts = 0;
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < perThread; i++) {
                Map<String, Object> a = answers(t, i);
                branches[Integer.parseInt((String) a.get("q2")) - 1]++;
                scale[(Integer) a.get("q4") - 1]++;
                for (Object o : (List<?>) a.getOrDefault("q3", List.of())) visits[Integer.parseInt((String) o) - 1]++;
                if (a.containsKey("q1")) texts++;
            }
        }
        branches[1]++; scale[4]++; texts++;        // ana's second answer
        branches[2]++; visits[2]++; scale[3]++;    // ben's
        long sum = 0;
        for (int v = 0; v < 5; v++) sum += (v + 1) * scale[v];

        JsonNode results = http.get(PAGES + id + "/results").json();
        assertEquals(total, results.path("responses").asInt());
        JsonNode q1 = results.path("questions").path(0);
        assertEquals(texts, q1.path("answered").asInt());
        assertEquals(texts, q1.path("answers").size());
        JsonNode q2 = results.path("questions").path(1);
        assertEquals(total, q2.path("answered").asInt());
        for (int o = 0; o < 3; o++) assertEquals(branches[o], q2.path("options").path(o).path("count").asLong());
        JsonNode q3 = results.path("questions").path(2);
        for (int o = 0; o < 3; o++) assertEquals(visits[o], q3.path("options").path(o).path("count").asLong());
        JsonNode stats = results.path("questions").path(3).path("statistics");
        assertEquals((double) sum / total, stats.path("mean").asDouble(), 1e-9);
        assertEquals(1, stats.path("min").asInt());
        assertEquals(5, stats.path("max").asInt());
        for (int v = 0; v < 5; v++) {
            assertEquals(v + 1, stats.path("histogram").path(v).path("value").asInt());
            assertEquals(scale[v], stats.path("histogram").path(v).path("count").asLong());
        }
        assertEquals(0, results.path("questions").path(4).path("answered").asInt());
        assertEquals(total, survey(id).path("responses").asInt());

        // Pages: the answer form in Latvian, the preview with the count, the builder with its data.
        Http.Answer page = http.get(PAGES + id + "?lang=lv");
        assertEquals(200, page.status());
        assertTrue(page.body(), page.body().contains("<html lang=\"lv\">") && page.body().contains("Which branch do you use most?")
                && page.body().contains("Nosūtīt atbildes"));
        assertTrue(page.header("Content-Security-Policy"), page.header("Content-Security-Policy").contains("default-src 'none'"));
        Http.Answer preview = http.get(PAGES + id + "/preview", "Accept-Language", "es");
        assertEquals(200, preview.status());
        assertTrue(preview.body(), preview.body().contains("Respuestas: " + total) && preview.body().contains("Preguntas: 5"));
        assertTrue(http.get(PAGES + id + "/builder").body().contains("id=\"survey-data\""));

        // Closing stops the answers; the results stay.
        Http.Answer closed = http.post(PAGES + id + "/close", Map.of());
        assertEquals(closed.toString(), 200, closed.status());
        assertEquals("closed", closed.json().path("status").asText());
        assertProblem(answer(id, Map.of("q2", "1", "q4", 3)), 409);
        assertEquals(total, http.get(PAGES + id + "/results").json().path("responses").asInt());

        // The CSV: a header and one row per answer.
        Http.Answer csv = http.get("/api/v1/assets/" + id + "/download");
        assertEquals(csv.toString(), 200, csv.status());
        assertTrue(csv.header("Content-Type"), csv.header("Content-Type").startsWith("text/csv"));
        assertTrue(csv.header("Content-Disposition"), csv.header("Content-Disposition").contains("library-opening-hours.csv"));
        String[] lines = csv.body().split("\r\n", -1);
        assertEquals(csv.body(), total + 2, lines.length); // the last line break leaves an empty string
        assertEquals("", lines[lines.length - 1]);
        assertEquals("response,respondent,submitted,What would you change?,Which branch do you use most?,When would you visit?,"
                + "How satisfied are you today?,Anything else?", lines[0]);
        boolean anasRow = false;
        for (String line : lines) {
            if (line.contains(",ana,")) {
                assertTrue(line, line.endsWith(",Open on Sundays,North,,5,"));
                anasRow = true;
            }
        }
        assertTrue(csv.body(), anasRow);
    }

    /** A deterministic answer for thread {@code t}, number {@code i}: varied, so that every count matters. */
    private static Map<String, Object> answers(int t, int i) {
        Map<String, Object> a = new HashMap<>();
        a.put("q2", String.valueOf((t + i) % 3 + 1));
        a.put("q4", (t * 3 + i) % 5 + 1);
        if (i % 2 == 0) a.put("q3", List.of("1", "3"));
        else if (i % 3 == 0) a.put("q3", List.of("2"));
        if (i % 4 == 0) a.put("q1", "Idea " + t + "-" + i);
        return a;
    }

    @Test
    public void exportsCsvQuotedAndSafeFromFormulas() {
        String id = create(Map.of("title", "Ideas, quotes and formulas", "questions", List.of(
                Map.of("kind", "text", "text", "Your \"idea\", please"),
                Map.of("kind", "scale", "text", "Temperature", "min", -5, "max", 5),
                Map.of("kind", "multiple", "text", "Pick", "options", List.of("=1+1", "Plain")))));
        publish(id);
        assertEquals(201, answer(id, Map.of("q1", "=HYPERLINK(\"http://example.org\")", "q2", -2, "q3", List.of("1", "2"))).status());
        assertEquals(201, answer(id, Map.of("q1", "two\nlines, one comma")).status());
        assertEquals(201, answer(id, Map.of("q1", "@SUM(A1)", "q2", 3), USER, "dan").status());

        String csv = http.get("/api/v1/assets/" + id + "/download").body();
        List<String> rows = List.of(csv.split("\r\n(?=a-|u-|$)"));
        assertEquals(csv, "response,respondent,submitted,\"Your \"\"idea\"\", please\",Temperature,Pick", rows.get(0));
        assertTrue(csv, csv.contains(",\"'=HYPERLINK(\"\"http://example.org\"\")\",-2,'=1+1; Plain\r\n"));
        assertTrue(csv, csv.contains(",\"two\nlines, one comma\",,\r\n"));
        // Respondents are account names, which cannot start with a formula character (=, +, -, @).
        assertTrue(csv, csv.contains(",dan,"));
        assertTrue(csv, csv.contains(",'@SUM(A1),3,\r\n"));
        assertEquals(csv, 4, rows.size());
    }

    @Test
    public void aCloneCopiesTheQuestionsAndNotTheAnswers() {
        String id = create(libraryHours(true));
        publish(id);
        assertEquals(201, answer(id, Map.of("q2", "1", "q4", 2)).status());
        assertEquals(201, answer(id, Map.of("q2", "2", "q4", 4)).status());

        Http.Answer copied = http.post("/api/v1/assets/" + id + "/copy", Map.of());
        assertEquals(copied.toString(), 201, copied.status());
        String copy = copied.json().path("id").asText();
        assertNotEquals(id, copy);
        assertEquals("Library opening hours", copied.json().path("name").asText());
        JsonNode cloned = survey(copy);
        assertEquals("draft", cloned.path("status").asText());
        assertEquals(0, cloned.path("responses").asInt());
        assertEquals(survey(id).path("questions"), cloned.path("questions"));
        assertEquals(0, http.get(PAGES + copy + "/results").json().path("responses").asInt());
        assertEquals(2, http.get(PAGES + id + "/results").json().path("responses").asInt());
        assertEquals(1, http.get("/api/v1/assets/" + copy + "/download").body().split("\r\n").length);

        assertEquals(204, http.delete("/api/v1/assets/" + id).status());
        assertProblem(http.get("/api/v1/assets/" + id), 404);
        assertProblem(http.get(PAGES + id + "/survey"), 404);
        assertProblem(http.get(PAGES + id + "/results"), 404);
        assertEquals("draft", survey(copy).path("status").asText());
    }

    @Test
    public void badInputGetsProblemsNamingTheField() {
        // Through the kernel: the Interlinker's message names what is wrong.
        JsonNode noTitle = assertProblem(http.post("/api/v1/assets", Map.of("interlinker", "survey", "params", Map.of())), 400);
        assertTrue(noTitle.toString(), noTitle.path("detail").asText().contains("title"));
        JsonNode badKind = assertProblem(http.post("/api/v1/assets", Map.of("interlinker", "survey", "params",
                Map.of("title", "T", "questions", List.of(Map.of("kind", "essay", "text", "?"))))), 400);
        assertTrue(badKind.toString(), badKind.path("detail").asText().contains("questions[0].kind"));

        String id = create(libraryHours(true));
        String survey = PAGES + id + "/survey";
        assertEquals("colour", assertProblem(http.put(survey, Map.of("title", "T", "colour", "red")), 400).path("field").asText());
        assertEquals("questions[0].options", assertProblem(http.put(survey, Map.of("title", "T", "questions",
                List.of(Map.of("kind", "single", "text", "Only one?", "options", List.of("Yes"))))), 400).path("field").asText());
        assertEquals("questions[0].max", assertProblem(http.put(survey, Map.of("title", "T", "questions",
                List.of(Map.of("kind", "scale", "text", "Upside down", "min", 5, "max", 1)))), 400).path("field").asText());
        assertEquals("questions[0].id", assertProblem(http.put(survey, Map.of("title", "T", "questions",
                List.of(Map.of("id", "q77", "kind", "text", "text", "Whose id?")))), 400).path("field").asText());
        assertEquals("title", assertProblem(http.put(survey, Map.of("title", " ", "questions", List.of())), 400).path("field").asText());
        assertEquals("If-Match", assertProblem(http.put(survey, libraryHours(true), "If-Match", "yesterday"), 400).path("field").asText());
        assertProblem(http.putRaw(survey, "text/plain", "title=T".getBytes(StandardCharsets.UTF_8)), 415);
        assertProblem(http.putRaw(survey, "application/json", "{\"title\":".getBytes(StandardCharsets.UTF_8)), 400);
        assertProblem(http.method("DELETE", survey), 405);
        assertProblem(http.get(PAGES + "no-such-asset/survey"), 404);
        assertProblem(http.get(PAGES + id + "/nowhere"), 404);

        // An empty survey cannot be published.
        String empty = create(Map.of("title", "Nothing asked"));
        assertEquals("questions", assertProblem(http.post(PAGES + empty + "/publish", Map.of()), 400).path("field").asText());

        // Answers are checked against the questions, each problem naming the question.
        publish(id);
        assertEquals("answers.q2", field(answer(id, Map.of("q4", 3))));                       // required, missing
        assertEquals("answers.q2", field(answer(id, Map.of("q2", "9", "q4", 3))));            // unknown option
        assertEquals("answers.q4", field(answer(id, Map.of("q2", "1", "q4", 6))));            // out of range
        assertEquals("answers.q4", field(answer(id, Map.of("q2", "1", "q4", 2.5))));          // not a whole number
        assertEquals("answers.q3", field(answer(id, Map.of("q2", "1", "q4", 3, "q3", List.of("1", "1")))));
        assertEquals("answers.q3", field(answer(id, Map.of("q2", "1", "q4", 3, "q3", "1"))));
        assertEquals("answers.q99", field(answer(id, Map.of("q2", "1", "q4", 3, "q99", "?"))));
        JsonNode missing = assertProblem(answer(id, Map.of("q4", 3)), 400);
        assertTrue(missing.toString(), missing.path("detail").asText().contains("Which branch do you use most?"));
        assertEquals("answers", field(http.post(PAGES + id + "/responses", Map.of("answers", List.of()))));
        assertEquals(0, http.get(PAGES + id + "/results").json().path("responses").asInt());

        // A survey that takes signed answers only.
        String signed = create(libraryHours(false));
        publish(signed);
        assertProblem(answer(signed, Map.of("q2", "1", "q4", 3)), 403);
        assertEquals("anonymous", field(http.post(PAGES + signed + "/responses",
                Map.of("answers", Map.of("q2", "1", "q4", 3), "anonymous", true), USER, "eva")));
        assertEquals(201, answer(signed, Map.of("q2", "1", "q4", 3), USER, "eva").status());
        assertTrue(http.get(PAGES + signed + "?lang=en").body().contains("This survey takes signed answers only"));
        assertEquals("eva", http.get(PAGES + signed + "/responses/mine", USER, "eva").json().path("respondent").asText());
    }

    private static String field(Http.Answer answer) {
        return assertProblem(answer, 400).path("field").asText();
    }

    @Test
    public void theDataSurvivesTheBundleBeingStoppedAndStarted() throws Exception {
        String id = create(libraryHours(true));
        publish(id);
        for (int i = 1; i <= 3; i++) {
            assertEquals(201, answer(id, Map.of("q2", String.valueOf(i), "q4", i)).status());
        }
        Bundle bundle = null;
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName().equals("eu.interlink.interlinker.survey")) bundle = b;
        }
        assertTrue("the survey bundle is installed", bundle != null);
        bundle.stop();
        try {
            // The kernel keeps the asset, shown as unavailable while no bundle serves the survey.
            Await.until("the survey asset to be unavailable", Duration.ofSeconds(30), () -> http.get("/api/v1/assets/" + id),
                    a -> a.status() == 200 && a.json().path("status").asText().equals("unavailable"));
            assertProblem(http.get("/api/v1/interlinkers/survey"), 404);
        } finally {
            bundle.start();
        }
        Await.until("the survey to be back", Duration.ofSeconds(30), () -> http.get("/api/v1/interlinkers/survey"),
                a -> a.json().path("status").asText().equals("active"));
        JsonNode results = Await.until("the survey's results", Duration.ofSeconds(30), () -> http.get(PAGES + id + "/results"),
                a -> a.status() == 200).json();
        assertEquals(3, results.path("responses").asInt());
        assertEquals(1, results.path("questions").path(1).path("options").path(2).path("count").asInt());
        assertEquals("published", survey(id).path("status").asText());
        assertEquals(201, answer(id, Map.of("q2", "1", "q4", 5)).status());
        assertFalse(http.get("/api/v1/assets/" + id + "/download").body().isEmpty());
    }
}
