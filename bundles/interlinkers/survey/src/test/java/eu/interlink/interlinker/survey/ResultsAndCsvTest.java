package eu.interlink.interlinker.survey;

import static eu.interlink.interlinker.survey.SurveyTest.json;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

import eu.interlink.api.Document;
import eu.interlink.api.DocumentStore;

public class ResultsAndCsvTest {
    private final Survey survey = SurveyTest.fourQuestions();

    private SurveyResponse response(String id, String respondent, Map<String, Object> answers) {
        return new SurveyResponse(id, respondent, "2025-03-01T12:00:00Z", SurveyResponse.validate(survey, json(answers)));
    }

    private List<SurveyResponse> three() {
        return List.of(
                response("a-1", null, Map.of("q1", "Near the school", "q2", "1", "q3", List.of("1", "3"), "q4", 3)),
                response("a-2", null, Map.of("q2", "2", "q3", List.of("1"), "q4", 1)),
                response("u-3", "ana", Map.of("q2", "1")));
    }

    @Test
    public void aggregatesPerQuestion() {
        Results results = new Results(survey);
        three().forEach(results::add);
        JsonNode r = results.toJson();
        assertEquals(3, r.path("responses").asInt());
        assertEquals(json(List.of("Near the school")), r.path("questions").path(0).path("answers"));
        assertEquals(2, r.path("questions").path(1).path("options").path(0).path("count").asInt());
        assertEquals(1, r.path("questions").path(1).path("options").path(1).path("count").asInt());
        assertEquals(2, r.path("questions").path(2).path("answered").asInt());
        assertEquals(2, r.path("questions").path(2).path("options").path(0).path("count").asInt());
        assertEquals(0, r.path("questions").path(2).path("options").path(1).path("count").asInt());
        JsonNode stats = r.path("questions").path(3).path("statistics");
        assertEquals(2.0, stats.path("mean").asDouble(), 0);
        assertEquals(1, stats.path("min").asInt());
        assertEquals(3, stats.path("max").asInt());
        assertEquals("[{\"value\":0,\"count\":0},{\"value\":1,\"count\":1},{\"value\":2,\"count\":0},{\"value\":3,\"count\":1}]",
                stats.path("histogram").toString());
    }

    @Test
    public void aScaleWithoutAnswersHasNoStatistics() {
        JsonNode stats = new Results(survey).toJson().path("questions").path(3).path("statistics");
        assertTrue(stats.path("mean").isNull() && stats.path("min").isNull() && stats.path("max").isNull());
        assertEquals(4, stats.path("histogram").size());
    }

    @Test
    public void quotesAndDisarmsCells() {
        assertEquals("plain", CsvExport.cell("plain"));
        assertEquals("\"a,b\"", CsvExport.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvExport.cell("say \"hi\""));
        assertEquals("\"two\nlines\"", CsvExport.cell("two\nlines"));
        assertEquals("'=1+1", CsvExport.cell("=1+1"));
        assertEquals("'+31 555", CsvExport.cell("+31 555"));
        assertEquals("'@cmd", CsvExport.cell("@cmd"));
        assertEquals("'-x", CsvExport.cell("-x"));
        assertEquals("\"'=A1,B1\"", CsvExport.cell("=A1,B1"));
        assertEquals("-3", CsvExport.cell("-3"));
        assertEquals("", CsvExport.cell(""));
    }

    @Test
    public void writesOneRowPerAnswerFromTheStore() throws Exception {
        Map<String, Document> documents = new TreeMap<>();
        for (SurveyResponse r : three()) {
            documents.put(r.key(), Document.of(r.key(), 1, r.toJson()));
        }
        // Only get() is needed: the export streams the answers it was given the keys of.
        DocumentStore store = (DocumentStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DocumentStore.class},
                (proxy, m, args) -> {
                    if (m.getName().equals("get")) return Optional.ofNullable(documents.get((String) args[0]));
                    throw new UnsupportedOperationException(m.getName());
                });
        CsvExport export = new CsvExport(survey, store, List.copyOf(documents.keySet()));
        assertEquals("park-benches.csv", export.fileName());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.writeTo(out);
        assertEquals("response,respondent,submitted,Where?,Colour,Uses,Need\r\n"
                + "a-1,,2025-03-01T12:00:00Z,Near the school,Green,Rest; Meet,3\r\n"
                + "a-2,,2025-03-01T12:00:00Z,,Blue,Rest,1\r\n"
                + "u-3,ana,2025-03-01T12:00:00Z,,Green,,\r\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    public void slugsAreSafeFileNames() {
        assertEquals("encuesta-sobre-el-parque", CsvExport.slug("¿Encuesta sobre el parque?"));
        assertEquals("survey", CsvExport.slug("???"));
        assertTrue(CsvExport.slug("x".repeat(100)).length() <= 60);
    }
}
