package eu.interlink.interlinker.survey;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * One answer to a survey: who gave it (nobody, for an anonymous one), when, and a value per answered question.
 * Each is its own document under {@code response/<id>}: answers that arrive at the same time write different
 * documents, so none can be lost to another. A signed answer's id is derived from the respondent, so a second
 * answer by the same person replaces the first instead of counting twice.
 *
 * <p>Stored shape: {@code {"id": "a-…", "respondent": null, "submittedAt": "…", "answers": {"q1": "text",
 * "q2": "1", "q3": ["1", "3"], "q4": 4}}}: a text, an option id, a list of option ids, a whole number.
 *
 * @param respondent the signed-in name, or {@code null} for an anonymous answer
 * @param answers    per question id, in the survey's order; unanswered questions are left out
 */
record SurveyResponse(String id, String respondent, String submittedAt, Map<String, JsonNode> answers) {
    static final String PREFIX = "response/";
    static final int MAX_TEXT_ANSWER = 5000;
    static final int MAX_RESPONDENT = 200;

    SurveyResponse {
        answers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    }

    String key() {
        return PREFIX + id;
    }

    /** A new id for an anonymous answer: random, so nothing ties it to a person. */
    static String anonymousId() {
        return "a-" + UUID.randomUUID();
    }

    /**
     * The id of {@code respondent}'s signed answer: the same for every answer of theirs. A digest, because a name
     * may hold characters a document key may not, and needs not be spelt out in every key.
     */
    static String signedId(String respondent) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(respondent.getBytes(StandardCharsets.UTF_8));
            return "u-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    /**
     * Checks {@code answers} (a JSON object: question id to value) against the survey's questions and returns
     * them cleaned, in the survey's order. A {@code null}, blank text or empty list counts as no answer.
     *
     * @throws InvalidSurveyException naming the question ({@code answers.<id>}) whose answer is wrong or missing
     */
    static Map<String, JsonNode> validate(Survey survey, JsonNode answers) {
        if (answers == null || !answers.isObject()) {
            throw new InvalidSurveyException("answers", "\"answers\" must be a JSON object from question ids to answers");
        }
        for (Iterator<String> ids = answers.fieldNames(); ids.hasNext(); ) {
            String id = ids.next();
            if (survey.question(id).isEmpty()) {
                throw new InvalidSurveyException("answers." + Survey.clip(id), "The survey has no question '" + Survey.clip(id) + "'");
            }
        }
        Map<String, JsonNode> clean = new LinkedHashMap<>();
        for (Question q : survey.questions()) {
            JsonNode value = answer(q, answers.get(q.id()));
            if (value != null) {
                clean.put(q.id(), value);
            } else if (q.required()) {
                throw invalid(q, "is required");
            }
        }
        return clean;
    }

    /** The cleaned answer, or {@code null} when there is none. */
    private static JsonNode answer(Question q, JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        switch (q.kind()) {
            case TEXT -> {
                if (!value.isTextual()) {
                    throw invalid(q, "takes a text");
                }
                String text = Survey.cleanText(value.textValue());
                if (text.codePointCount(0, text.length()) > MAX_TEXT_ANSWER) {
                    throw invalid(q, "takes at most " + MAX_TEXT_ANSWER + " characters");
                }
                return text.isEmpty() ? null : TextNode.valueOf(text);
            }
            case SINGLE -> {
                if (!value.isTextual()) {
                    throw invalid(q, "takes one option id, such as \"" + q.options().get(0).id() + "\"");
                }
                if (q.option(value.textValue()).isEmpty()) {
                    throw invalid(q, "has no option '" + Survey.clip(value.textValue()) + "'");
                }
                return value;
            }
            case MULTIPLE -> {
                if (!value.isArray()) {
                    throw invalid(q, "takes a list of option ids, such as [\"" + q.options().get(0).id() + "\"]");
                }
                Set<String> seen = new HashSet<>();
                for (JsonNode o : value) {
                    if (!o.isTextual()) {
                        throw invalid(q, "takes a list of option ids");
                    }
                    if (q.option(o.textValue()).isEmpty()) {
                        throw invalid(q, "has no option '" + Survey.clip(o.textValue()) + "'");
                    }
                    if (!seen.add(o.textValue())) {
                        throw invalid(q, "has option '" + o.textValue() + "' chosen twice");
                    }
                }
                if (seen.isEmpty()) {
                    return null;
                }
                // In the question's order, whatever the client's: exports and comparisons then agree.
                ArrayNode ordered = Survey.JSON.createArrayNode();
                q.options().stream().map(Question.Option::id).filter(seen::contains).forEach(ordered::add);
                return ordered;
            }
            case SCALE -> {
                if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < q.min() || value.intValue() > q.max()) {
                    throw invalid(q, "takes a whole number from " + q.min() + " to " + q.max() + ", not " + Survey.clip(value.toString()));
                }
                return IntNode.valueOf(value.intValue());
            }
            default -> throw new IllegalStateException("unknown kind " + q.kind());
        }
    }

    private static InvalidSurveyException invalid(Question q, String what) {
        return new InvalidSurveyException("answers." + q.id(), "Question " + q.id() + " (\"" + Survey.clip(q.text()) + "\") " + what);
    }

    String toJson() {
        ObjectNode root = Survey.JSON.createObjectNode();
        root.put("id", id);
        if (respondent == null) {
            root.putNull("respondent");
        } else {
            root.put("respondent", respondent);
        }
        root.put("submittedAt", submittedAt);
        ObjectNode a = root.putObject("answers");
        answers.forEach(a::set);
        return root.toString();
    }

    static SurveyResponse fromJson(String json) {
        try {
            JsonNode root = Survey.JSON.readTree(json);
            String id = root.path("id").textValue();
            if (id == null || !root.path("answers").isObject()) {
                throw new IllegalStateException("not a response document");
            }
            Map<String, JsonNode> answers = new LinkedHashMap<>();
            root.path("answers").fields().forEachRemaining(e -> answers.put(e.getKey(), e.getValue()));
            return new SurveyResponse(id, root.path("respondent").textValue(), root.path("submittedAt").asText(), answers);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("A stored response cannot be read: " + e.getMessage(), e);
        }
    }

    /** The option ids of a choice answer: one for a single choice, any for a multiple one. */
    static List<String> chosen(JsonNode value) {
        if (value == null) {
            return List.of();
        }
        if (value.isArray()) {
            java.util.ArrayList<String> ids = new java.util.ArrayList<>();
            value.forEach(v -> ids.add(v.asText()));
            return ids;
        }
        return List.of(value.asText());
    }
}
