package eu.interlink.interlinker.survey;

import static eu.interlink.interlinker.survey.SurveyTest.json;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

public class SurveyResponseTest {
    private final Survey survey = SurveyTest.fourQuestions();

    @Test
    public void cleansAndOrdersValidAnswers() {
        Map<String, JsonNode> clean = SurveyResponse.validate(survey, json(Map.of("q4", 3, "q3", List.of("3", "1"), "q2", "1",
                "q1", "  By the pond \r\n ")));
        assertEquals(List.of("q1", "q2", "q3", "q4"), List.copyOf(clean.keySet()));
        assertEquals("By the pond", clean.get("q1").asText());
        assertEquals(json(List.of("1", "3")), clean.get("q3"));
        assertEquals(3, clean.get("q4").asInt());
    }

    @Test
    public void emptyAnswersCountAsNone() {
        Map<String, JsonNode> clean = SurveyResponse.validate(survey, json(Map.of("q1", " ", "q2", "2", "q3", List.of())));
        assertEquals(List.of("q2"), List.copyOf(clean.keySet()));
    }

    @Test
    public void refusesWrongAnswersNamingTheQuestion() {
        assertField("answers.q2", Map.of());
        assertField("answers.q2", Map.of("q2", "3"));
        assertField("answers.q2", Map.of("q2", 1));
        assertField("answers.q3", Map.of("q2", "1", "q3", List.of("1", "1")));
        assertField("answers.q3", Map.of("q2", "1", "q3", List.of("4")));
        assertField("answers.q4", Map.of("q2", "1", "q4", 4));
        assertField("answers.q4", Map.of("q2", "1", "q4", -1));
        assertField("answers.q4", Map.of("q2", "1", "q4", "2"));
        assertField("answers.q1", Map.of("q2", "1", "q1", 7));
        assertField("answers.q1", Map.of("q2", "1", "q1", "x".repeat(SurveyResponse.MAX_TEXT_ANSWER + 1)));
        assertField("answers.q9", Map.of("q2", "1", "q9", "?"));
        assertEquals("answers", assertThrows(InvalidSurveyException.class, () -> SurveyResponse.validate(survey, json(List.of()))).field());
        InvalidSurveyException e = assertThrows(InvalidSurveyException.class, () -> SurveyResponse.validate(survey, json(Map.of())));
        assertTrue(e.getMessage(), e.getMessage().contains("\"Colour\"") && e.getMessage().contains("required"));
    }

    private void assertField(String field, Map<String, Object> answers) {
        assertEquals(field, assertThrows(InvalidSurveyException.class, () -> SurveyResponse.validate(survey, json(answers))).field());
    }

    @Test
    public void signedIdsAreStablePerPersonAndAnonymousOnesRandom() {
        assertEquals(SurveyResponse.signedId("ana"), SurveyResponse.signedId("ana"));
        assertNotEquals(SurveyResponse.signedId("ana"), SurveyResponse.signedId("Ana"));
        assertTrue(SurveyResponse.signedId("a very long name\u2028with odd characters".repeat(20)).matches("u-[0-9a-f]{32}"));
        assertNotEquals(SurveyResponse.anonymousId(), SurveyResponse.anonymousId());
    }

    @Test
    public void roundTrips() {
        SurveyResponse r = new SurveyResponse("u-1", "ana", "2025-01-01T00:00:00Z",
                SurveyResponse.validate(survey, json(Map.of("q2", "2", "q4", 0))));
        assertEquals(r, SurveyResponse.fromJson(r.toJson()));
        SurveyResponse anonymous = new SurveyResponse("a-1", null, "2025-01-01T00:00:00Z", Map.of());
        assertEquals(anonymous, SurveyResponse.fromJson(anonymous.toJson()));
    }
}
