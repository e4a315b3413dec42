package eu.interlink.interlinker.survey;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

public class SurveyTest {
    static JsonNode json(Object value) {
        return Survey.JSON.valueToTree(value);
    }

    static Survey fourQuestions() {
        return Survey.create(json(Map.of("title", "  Park   benches ", "questions", List.of(
                Map.of("kind", "text", "text", "Where?"),
                Map.of("kind", "single", "text", "Colour", "required", true, "options", List.of("Green", "Blue")),
                Map.of("kind", "multiple", "text", "Uses", "options", List.of("Rest", "Read", "Meet")),
                Map.of("kind", "scale", "text", "Need", "min", 0, "max", 3)))), true);
    }

    @Test
    public void createsADraftWithIdsAndCleanTexts() {
        Survey s = fourQuestions();
        assertEquals("Park benches", s.title());
        assertEquals(Survey.Status.DRAFT, s.status());
        assertEquals(List.of("q1", "q2", "q3", "q4"), s.questions().stream().map(Question::id).toList());
        assertEquals("2", s.question("q2").orElseThrow().option("2").orElseThrow().id());
        assertEquals(0, s.question("q4").orElseThrow().min());
        Survey read = Survey.fromJson(s.toJson());
        assertEquals(s.view(), read.view());
    }

    @Test
    public void editingKeepsGivenIdsAndNeverReusesOthers() {
        Survey s = fourQuestions();
        s.define(json(Map.of("title", "T", "questions", List.of(Map.of("id", "q3", "kind", "text", "text", "Kept"),
                Map.of("kind", "text", "text", "New")))), true);
        assertEquals(List.of("q3", "q5"), s.questions().stream().map(Question::id).toList());
        InvalidSurveyException twice = assertThrows(InvalidSurveyException.class, () -> s.define(json(Map.of("title", "T",
                "questions", List.of(Map.of("id", "q3", "kind", "text", "text", "A"), Map.of("id", "q3", "kind", "text", "text", "B")))), true));
        assertEquals("questions[1].id", twice.field());
        // q1 was removed: its id cannot come back.
        assertEquals("questions[0].id", assertThrows(InvalidSurveyException.class, () -> s.define(json(Map.of("title", "T",
                "questions", List.of(Map.of("id", "q1", "kind", "text", "text", "A")))), true)).field());
    }

    @Test
    public void refusesBadDefinitionsNamingTheField() {
        assertField("title", Map.of());
        assertField("questions[0].kind", Map.of("title", "T", "questions", List.of(Map.of("kind", "essay", "text", "?"))));
        assertField("questions[0].text", Map.of("title", "T", "questions", List.of(Map.of("kind", "text"))));
        assertField("questions[0].options", Map.of("title", "T", "questions", List.of(Map.of("kind", "single", "text", "?", "options", List.of("A")))));
        assertField("questions[0].options[1]", Map.of("title", "T", "questions", List.of(Map.of("kind", "single", "text", "?", "options", List.of("A", "a")))));
        assertField("questions[0].options", Map.of("title", "T", "questions", List.of(Map.of("kind", "text", "text", "?", "options", List.of("A", "B")))));
        assertField("questions[0].max", Map.of("title", "T", "questions", List.of(Map.of("kind", "scale", "text", "?", "min", 3, "max", 3))));
        assertField("questions[0].max", Map.of("title", "T", "questions", List.of(Map.of("kind", "scale", "text", "?", "min", 0, "max", 21))));
        assertField("questions[0].min", Map.of("title", "T", "questions", List.of(Map.of("kind", "scale", "text", "?", "min", 1.5))));
        assertField("questions[0].required", Map.of("title", "T", "questions", List.of(Map.of("kind", "text", "text", "?", "required", "yes"))));
        assertField("anonymous", Map.of("title", "T", "anonymous", "no"));
        assertField("colour", Map.of("title", "T", "colour", "red"));
        // The kernel's parameters may carry more: not strict there.
        assertEquals("T", Survey.create(json(Map.of("title", "T", "colour", "red")), false).title());
    }

    private static void assertField(String field, Map<String, Object> definition) {
        assertEquals(field, assertThrows(InvalidSurveyException.class, () -> Survey.create(json(definition), true)).field());
    }

    @Test
    public void publishingFreezesAndClosingEnds() {
        Survey empty = Survey.create(json(Map.of("title", "T")), true);
        assertEquals("questions", assertThrows(InvalidSurveyException.class, () -> empty.publish(Instant.now())).field());
        Survey s = fourQuestions();
        assertThrows(SurveyStateException.class, () -> s.close(Instant.now()));
        s.publish(Instant.parse("2025-01-01T10:00:00Z"));
        assertEquals(Survey.Status.PUBLISHED, s.status());
        assertThrows(SurveyStateException.class, () -> s.define(json(Map.of("title", "Changed")), true));
        assertThrows(SurveyStateException.class, () -> s.publish(Instant.now()));
        s.close(Instant.parse("2025-01-02T10:00:00Z"));
        assertEquals("2025-01-02T10:00:00Z", Survey.fromJson(s.toJson()).view().path("closedAt").asText());
        assertThrows(SurveyStateException.class, () -> s.close(Instant.now()));
    }

    @Test
    public void aCopyIsADraftWithTheSameQuestions() {
        Survey s = fourQuestions();
        s.publish(Instant.now());
        Survey copy = s.copyAsDraft();
        assertEquals(Survey.Status.DRAFT, copy.status());
        assertEquals(s.questions(), copy.questions());
        assertEquals(false, copy.view().has("publishedAt"));
    }
}
