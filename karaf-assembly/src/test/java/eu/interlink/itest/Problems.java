package eu.interlink.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

/** Assertions on RFC 9457 problem bodies. */
public final class Problems {
    private Problems() {
    }

    /** Asserts an answer is a problem of this status, with every required member and no stack trace. */
    public static JsonNode assertProblem(Http.Answer answer, int status) {
        assertEquals(answer.toString(), status, answer.status());
        assertTrue(answer.toString(), answer.header("Content-Type").startsWith("application/problem+json"));
        JsonNode p = answer.json();
        assertEquals(status, p.path("status").asInt());
        assertTrue(answer.toString(), p.path("type").asText().startsWith("urn:interlink:problem:"));
        assertFalse(p.path("title").asText().isBlank());
        assertFalse(p.path("detail").asText().isBlank());
        assertFalse("stack trace in " + answer.body(), answer.body().matches("(?s).*\\bat [a-z]+\\.[\\w.$]+\\(.*"));
        assertFalse("exception class in " + answer.body(), answer.body().contains("Exception:"));
        return p;
    }
}
