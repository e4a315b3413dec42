package eu.interlink.itest;

import static eu.interlink.itest.Problems.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/** The catalogue and health API of the booted distribution, over real HTTP. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CatalogueIT {
    private Http http;

    @Configuration
    public Option[] config() {
        return Platform.options();
    }

    @Before
    public void waitForTheApi() {
        http = Platform.http();
        Platform.awaitReady(http);
        Await.until("the checklist Interlinker to be listed", Duration.ofSeconds(60),
                () -> http.get("/api/v1/interlinkers/checklist"), a -> a.status() == 200);
    }

    @Test
    public void theShippedInterlinkersArrivalIsInTheActivityLog() {
        // The platform-wide activity log is for operators.
        Http operator = Platform.operator();
        assertProblem(http.get("/api/v1/activity?subjectType=interlinker&subjectId=checklist"), 401);
        Http.Answer a = Await.until("the checklist's arrival in the activity log", Duration.ofSeconds(10),
                () -> operator.get("/api/v1/activity?subjectType=interlinker&subjectId=checklist"), x -> x.json().path("total").asInt() >= 1);
        JsonNode entry = a.json().path("items").path(0);
        assertEquals("eu/interlink/interlinker/ARRIVED", entry.path("topic").asText());
        assertTrue(entry.toString(), entry.path("details").path("detail").asText().contains("eu.interlink.interlinker.checklist"));
        assertEquals("ok", entry.path("details").path("outcome").asText());
        assertProblem(operator.get("/api/v1/activity?limit=0"), 400);
    }

    @Test
    public void healthReportsTheStoreAndTheRegistry() {
        Http.Answer a = http.get("/api/v1/health");
        assertEquals(a.toString(), 200, a.status());
        JsonNode h = a.json();
        assertEquals("UP", h.path("status").asText());
        assertEquals("UP", h.path("components").path("store").path("status").asText());
        String database = "postgres".equals(System.getProperty(Platform.STORE)) ? "PostgreSQL" : "H2";
        assertTrue(h.toString(), h.path("components").path("store").path("database").asText().startsWith(database));
        assertEquals("UP", h.path("components").path("registry").path("status").asText());
        assertTrue(h.toString(), h.path("components").path("registry").path("active").asInt() >= 1);
    }

    @Test
    public void listsTheShippedInterlinkerWithEveryField() {
        Http.Answer a = http.get("/api/v1/interlinkers");
        assertEquals(a.toString(), 200, a.status());
        JsonNode list = a.json();
        assertTrue(list.path("total").asInt() >= 1);
        JsonNode checklist = find(list, "checklist");
        assertEquals("software", checklist.path("nature").asText());
        assertEquals("active", checklist.path("status").asText());
        assertEquals("Checklist", checklist.path("name").asText());
        assertTrue(checklist.path("version").asText().matches("\\d+\\.\\d+\\.\\d+"));
        List<String> capabilities = new ArrayList<>();
        checklist.path("capabilities").forEach(c -> capabilities.add(c.asText()));
        assertTrue(capabilities.toString(), capabilities.containsAll(List.of("instantiate", "view", "edit", "clone", "delete", "download")));
        assertEquals("eu.interlink.interlinker.checklist", checklist.path("bundle").path("symbolicName").asText());
        assertTrue(checklist.path("bundle").path("id").asLong() > 0);
    }

    @Test
    public void speaksTheNegotiatedLanguageAndFallsBackToEnglish() {
        String english = find(http.get("/api/v1/interlinkers").json(), "checklist").path("name").asText();
        Http.Answer spanish = http.get("/api/v1/interlinkers", "Accept-Language", "es-ES,es;q=0.9,en;q=0.5");
        assertEquals("es", spanish.header("Content-Language"));
        String es = find(spanish.json(), "checklist").path("name").asText();
        String it = find(http.get("/api/v1/interlinkers?lang=it").json(), "checklist").path("name").asText();
        String lv = find(http.get("/api/v1/interlinkers", "Accept-Language", "lv").json(), "checklist").path("name").asText();
        assertTrue(es + " " + it + " " + lv, !es.equals(english) && !it.equals(english) && !lv.equals(english));
        assertEquals(english, find(http.get("/api/v1/interlinkers", "Accept-Language", "fr-FR").json(), "checklist").path("name").asText());
        assertEquals(english, find(http.get("/api/v1/interlinkers", "Accept-Language", "this is ;;; not a header").json(), "checklist").path("name").asText());
    }

    @Test
    public void showsTheFullDescriptorOfOneInterlinker() {
        Http.Answer a = http.get("/api/v1/interlinkers/checklist");
        assertEquals(a.toString(), 200, a.status());
        JsonNode d = a.json();
        assertEquals("checklist", d.path("id").asText());
        for (String lang : List.of("en", "es", "it", "lv")) {
            assertTrue(lang + " in " + d, d.path("texts").path(lang).path("name").asText().length() > 0);
        }
        assertEquals(1, d.path("dataVersion").asInt());
        assertEquals("/interlinkers/checklist/assets/{assetId}", d.path("assetPage").asText());
        assertEquals("active", d.path("versions").path(0).path("status").asText());
    }

    @Test
    public void searchesFiltersAndPages() {
        // Other software Interlinkers may mention checklists in their texts: the one
        // named so comes first, whatever the case of the words asked for.
        for (String q : List.of("checklist", "CHECK")) {
            JsonNode found = http.get("/api/v1/interlinkers?nature=software&q=" + q).json();
            assertTrue(found.toString(), found.path("total").asInt() >= 1);
            assertEquals(found.toString(), "checklist", found.path("items").path(0).path("id").asText());
        }
        assertEquals(0, http.get("/api/v1/interlinkers?q=no-such-words-anywhere").json().path("total").asInt());
        assertTrue(http.get("/api/v1/interlinkers?nature=software").json().path("total").asInt() >= 1);
        assertEquals(0, http.get("/api/v1/interlinkers?nature=external-knowledge").json().path("total").asInt());
        JsonNode page = http.get("/api/v1/interlinkers?offset=0&limit=1").json();
        assertEquals(1, page.path("items").size());
        assertEquals(1, page.path("limit").asInt());
        JsonNode beyond = http.get("/api/v1/interlinkers?offset=500&limit=5").json();
        assertEquals(0, beyond.path("items").size());
        assertEquals(page.path("total").asInt(), beyond.path("total").asInt());
    }

    @Test
    public void anUnchangedCatalogueIsNotSentAgain() {
        Http.Answer first = http.get("/api/v1/interlinkers?limit=5");
        String etag = first.header("ETag");
        assertTrue(first.toString(), etag != null && etag.startsWith("\""));
        assertEquals(304, http.get("/api/v1/interlinkers?limit=5", "If-None-Match", etag).status());
        // Another query is another answer.
        assertEquals(200, http.get("/api/v1/interlinkers?limit=6", "If-None-Match", etag).status());
    }

    @Test
    public void anUnknownIdIsA404Problem() {
        JsonNode p = assertProblem(http.get("/api/v1/interlinkers/no-such-interlinker"), 404);
        assertTrue(p.toString(), p.path("detail").asText().contains("no-such-interlinker"));
        assertEquals("/api/v1/interlinkers/no-such-interlinker", p.path("instance").asText());
    }

    @Test
    public void malformedParametersAre400ProblemsNamingTheParameter() {
        String[][] cases = {
            {"limit=abc", "limit"}, {"limit=0", "limit"}, {"limit=101", "limit"}, {"limit=99999999999999999999", "limit"},
            {"offset=-1", "offset"}, {"offset=1.5", "offset"}, {"nature=robot", "nature"}, {"lang=fr", "lang"},
            {"q=" + "x".repeat(201), "q"},
        };
        for (String[] c : cases) {
            JsonNode p = assertProblem(http.get("/api/v1/interlinkers?" + c[0]), 400);
            assertEquals(c[0], c[1], p.path("parameter").asText());
            assertTrue(c[0] + ": " + p, p.path("detail").asText().contains("'" + c[1] + "'"));
        }
    }

    @Test
    public void unknownPathsAndMethodsAreProblemsToo() {
        assertProblem(http.get("/api/v1/no-such-thing"), 404);
        assertProblem(http.get("/api/v1/interlinkers/checklist/extra/segments"), 404);
        Http.Answer put = http.method("PUT", "/api/v1/interlinkers");
        assertProblem(put, 405);
        // The collection takes POST too (external entries), and says so.
        assertEquals("GET, POST", put.header("Allow"));
        assertProblem(http.get("/no-such-page-outside-the-api"), 404);
    }

    static int count(JsonNode list, String id) {
        int n = 0;
        for (JsonNode item : list.path("items")) {
            if (id.equals(item.path("id").asText())) n++;
        }
        return n;
    }

    static JsonNode find(JsonNode list, String id) {
        for (JsonNode item : list.path("items")) {
            if (id.equals(item.path("id").asText())) return item;
        }
        throw new AssertionError("No '" + id + "' in " + list);
    }
}
