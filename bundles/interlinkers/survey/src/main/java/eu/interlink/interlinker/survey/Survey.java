package eu.interlink.interlinker.survey;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A survey: title, description, whether anonymous answers are taken, its status and its questions. Stored as one
 * JSON document under {@link #KEY}; each answer is a document of its own ({@link SurveyResponse}), so that answers
 * arriving together never contend for one document.
 *
 * <p>Stored shape (data version 1):
 * <pre>{"title": "...", "description": "...", "anonymous": true, "status": "draft|published|closed",
 *  "publishedAt": "...", "closedAt": "...", "nextQuestionId": 3,
 *  "questions": [{"id": "q1", "kind": "single", "text": "...", "required": true,
 *                 "options": [{"id": "1", "label": "..."}]},
 *                {"id": "q2", "kind": "scale", "text": "...", "required": false, "min": 1, "max": 5,
 *                 "minLabel": "...", "maxLabel": "..."}]}</pre>
 * Question ids are never reused, so that a builder page open on an older version cannot change a question that
 * took a removed one's place.
 */
final class Survey {
    static final String KEY = "survey";
    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 2000;
    static final int MAX_QUESTIONS = 100;
    static final int MAX_QUESTION_TEXT = 500;
    static final int MIN_OPTIONS = 2;
    static final int MAX_OPTIONS = 30;
    static final int MAX_OPTION_LABEL = 200;
    static final int MAX_SCALE_LABEL = 100;
    /** Scale bounds: wide enough for 0-10 or -5..5, narrow enough for a histogram to mean something. */
    static final int SCALE_LIMIT = 100;
    static final int MAX_SCALE_STEPS = 20;

    /** Shared: an ObjectMapper is thread-safe once configured. */
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final Set<String> DEFINITION_FIELDS = new TreeSet<>(List.of("title", "description", "anonymous", "questions"));
    private static final Set<String> QUESTION_FIELDS = new TreeSet<>(List.of("id", "kind", "text", "required", "options",
            "min", "max", "minLabel", "maxLabel"));

    enum Status {
        /** Questions may change; no answers are taken. */
        DRAFT,
        /** Questions are frozen; answers are taken. */
        PUBLISHED,
        /** No more answers; results stay. */
        CLOSED;

        String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private String title;
    private String description;
    private boolean anonymousAllowed;
    private Status status;
    private List<Question> questions;
    private long nextQuestionId;
    private String publishedAt;
    private String closedAt;

    private Survey(String title, String description, boolean anonymousAllowed, Status status, List<Question> questions,
                   long nextQuestionId, String publishedAt, String closedAt) {
        this.title = title;
        this.description = description;
        this.anonymousAllowed = anonymousAllowed;
        this.status = status;
        this.questions = questions;
        this.nextQuestionId = nextQuestionId;
        this.publishedAt = publishedAt;
        this.closedAt = closedAt;
    }

    /**
     * A new draft from a definition ({@code title}, {@code description}, {@code anonymous}, {@code questions}).
     *
     * @param strict whether an unknown top-level field is an error (the HTTP endpoints) or ignored (the kernel's
     *               {@code instantiate}, whose parameters may carry more than the survey needs)
     */
    static Survey create(JsonNode definition, boolean strict) {
        Survey survey = new Survey(null, "", true, Status.DRAFT, List.of(), 1, null, null);
        survey.define(definition, strict);
        return survey;
    }

    /** A draft with this survey's title, settings and questions, and none of its answers: what a clone starts as. */
    Survey copyAsDraft() {
        return new Survey(title, description, anonymousAllowed, Status.DRAFT, questions, nextQuestionId, null, null);
    }

    String title() { return title; }

    String description() { return description; }

    boolean anonymousAllowed() { return anonymousAllowed; }

    Status status() { return status; }

    List<Question> questions() { return questions; }

    Optional<Question> question(String id) {
        return questions.stream().filter(q -> q.id().equals(id)).findFirst();
    }

    /**
     * Replaces title, description, setting and questions from a definition; only a draft may change. A question
     * given with the {@code id} of one of this survey's questions keeps it; one without an id is new.
     */
    void define(JsonNode definition, boolean strict) {
        if (status != Status.DRAFT) {
            throw new SurveyStateException("The survey is " + status.json() + ": its questions are frozen since it was published");
        }
        if (definition == null || !definition.isObject()) {
            throw new InvalidSurveyException("", "The survey must be a JSON object with \"title\" and \"questions\"");
        }
        if (strict) {
            unknownFields(definition, DEFINITION_FIELDS, "");
        }
        String newTitle = requireLine(definition.get("title"), "title", MAX_TITLE);
        String newDescription = optionalText(definition.get("description"), "description", MAX_DESCRIPTION);
        boolean newAnonymous = optionalBoolean(definition.get("anonymous"), "anonymous", true);
        JsonNode nodes = definition.get("questions");
        if (nodes != null && !nodes.isNull() && !nodes.isArray()) {
            throw new InvalidSurveyException("questions", "\"questions\" must be a list of questions");
        }
        int count = nodes == null ? 0 : nodes.size();
        if (count > MAX_QUESTIONS) {
            throw new InvalidSurveyException("questions", "A survey has at most " + MAX_QUESTIONS + " questions, not " + count);
        }
        Set<String> known = new HashSet<>();
        questions.forEach(q -> known.add(q.id()));
        Set<String> kept = new HashSet<>();
        long next = nextQuestionId;
        List<Question> parsed = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String field = "questions[" + i + "]";
            JsonNode node = nodes.get(i);
            if (!node.isObject()) {
                throw new InvalidSurveyException(field, field + " must be a JSON object");
            }
            JsonNode idNode = node.get("id");
            String id;
            if (idNode == null || idNode.isNull()) {
                id = "q" + next++;
            } else {
                if (!idNode.isTextual() || !known.contains(idNode.textValue())) {
                    throw new InvalidSurveyException(field + ".id", field + ".id must be the id of one of this survey's questions, not "
                            + clip(idNode.toString()) + "; leave it out for a new question");
                }
                id = idNode.textValue();
                if (!kept.add(id)) {
                    throw new InvalidSurveyException(field + ".id", "Question '" + id + "' is given twice");
                }
            }
            parsed.add(question(id, node, field));
        }
        this.title = newTitle;
        this.description = newDescription;
        this.anonymousAllowed = newAnonymous;
        this.questions = List.copyOf(parsed);
        this.nextQuestionId = next;
    }

    private static Question question(String id, JsonNode node, String field) {
        unknownFields(node, QUESTION_FIELDS, field + ".");
        JsonNode kindNode = node.get("kind");
        QuestionKind kind = kindNode != null && kindNode.isTextual() ? QuestionKind.of(kindNode.textValue()).orElse(null) : null;
        if (kind == null) {
            throw new InvalidSurveyException(field + ".kind", field + ".kind must be \"text\", \"single\", \"multiple\" or \"scale\"");
        }
        String text = requireLine(node.get("text"), field + ".text", MAX_QUESTION_TEXT);
        boolean required = optionalBoolean(node.get("required"), field + ".required", false);
        for (String other : kind.hasOptions() ? List.of("min", "max", "minLabel", "maxLabel")
                : kind == QuestionKind.SCALE ? List.of("options") : List.of("options", "min", "max", "minLabel", "maxLabel")) {
            if (node.has(other)) {
                throw new InvalidSurveyException(field + "." + other, field + "." + other + " does not belong to a \"" + kind.json + "\" question");
            }
        }
        List<Question.Option> options = kind.hasOptions() ? options(node.get("options"), field + ".options") : List.of();
        int min = 0;
        int max = 0;
        String minLabel = null;
        String maxLabel = null;
        if (kind == QuestionKind.SCALE) {
            min = scaleBound(node.get("min"), field + ".min", 1);
            max = scaleBound(node.get("max"), field + ".max", 5);
            if (max <= min || max - min > MAX_SCALE_STEPS) {
                throw new InvalidSurveyException(field + ".max", field + ": a scale goes from \"min\" up to \"max\" in at most "
                        + MAX_SCALE_STEPS + " steps, not from " + min + " to " + max);
            }
            minLabel = optionalLine(node.get("minLabel"), field + ".minLabel", MAX_SCALE_LABEL);
            maxLabel = optionalLine(node.get("maxLabel"), field + ".maxLabel", MAX_SCALE_LABEL);
        }
        return new Question(id, kind, text, required, options, min, max, minLabel, maxLabel);
    }

    /** Options are given as labels; their ids are their positions, stable because questions freeze on publishing. */
    private static List<Question.Option> options(JsonNode node, String field) {
        if (node == null || !node.isArray()) {
            throw new InvalidSurveyException(field, field + " must be a list of " + MIN_OPTIONS + " to " + MAX_OPTIONS + " texts");
        }
        if (node.size() < MIN_OPTIONS || node.size() > MAX_OPTIONS) {
            throw new InvalidSurveyException(field, field + " must have " + MIN_OPTIONS + " to " + MAX_OPTIONS + " options, not " + node.size());
        }
        List<Question.Option> options = new ArrayList<>(node.size());
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String label = requireLine(node.get(i), field + "[" + i + "]", MAX_OPTION_LABEL);
            if (!labels.add(label.toLowerCase(Locale.ROOT))) {
                throw new InvalidSurveyException(field + "[" + i + "]", "The option \"" + clip(label) + "\" is given twice in " + field);
            }
            options.add(new Question.Option(Integer.toString(i + 1), label));
        }
        return options;
    }

    private static int scaleBound(JsonNode node, String field, int fallback) {
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber() || Math.abs(node.intValue()) > SCALE_LIMIT) {
            throw new InvalidSurveyException(field, field + " must be a whole number from -" + SCALE_LIMIT + " to " + SCALE_LIMIT);
        }
        return node.intValue();
    }

    /** Opens the survey for answers; from now on its questions cannot change. */
    void publish(Instant now) {
        if (status != Status.DRAFT) {
            throw new SurveyStateException("The survey is already " + status.json());
        }
        if (questions.isEmpty()) {
            throw new InvalidSurveyException("questions", "A survey needs at least one question to be published");
        }
        status = Status.PUBLISHED;
        publishedAt = now.toString();
    }

    /** Takes no more answers; the results stay. */
    void close(Instant now) {
        if (status != Status.PUBLISHED) {
            throw new SurveyStateException(status == Status.DRAFT
                    ? "The survey is a draft: publish it before closing it"
                    : "The survey is already closed");
        }
        status = Status.CLOSED;
        closedAt = now.toString();
    }

    /** The stored document. */
    String toJson() {
        ObjectNode root = view();
        root.put("nextQuestionId", nextQuestionId);
        return root.toString();
    }

    /** The survey as the endpoints show it: the stored document without internal counters. */
    ObjectNode view() {
        ObjectNode root = JSON.createObjectNode();
        root.put("title", title);
        root.put("description", description);
        root.put("anonymous", anonymousAllowed);
        root.put("status", status.json());
        if (publishedAt != null) {
            root.put("publishedAt", publishedAt);
        }
        if (closedAt != null) {
            root.put("closedAt", closedAt);
        }
        ArrayNode array = root.putArray("questions");
        for (Question q : questions) {
            ObjectNode node = array.addObject();
            node.put("id", q.id());
            node.put("kind", q.kind().json);
            node.put("text", q.text());
            node.put("required", q.required());
            if (q.kind().hasOptions()) {
                ArrayNode options = node.putArray("options");
                q.options().forEach(o -> options.addObject().put("id", o.id()).put("label", o.label()));
            } else if (q.kind() == QuestionKind.SCALE) {
                node.put("min", q.min());
                node.put("max", q.max());
                if (q.minLabel() != null) {
                    node.put("minLabel", q.minLabel());
                }
                if (q.maxLabel() != null) {
                    node.put("maxLabel", q.maxLabel());
                }
            }
        }
        return root;
    }

    /**
     * Reads a stored survey. A document this class did not write is a bug or a corruption, not user input:
     * {@link IllegalStateException}, never mistaken for the user's mistake.
     */
    static Survey fromJson(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            String title = root.path("title").textValue();
            String statusName = root.path("status").asText("");
            long next = root.path("nextQuestionId").asLong(0);
            if (title == null || !root.path("questions").isArray() || next < 1) {
                throw new IllegalStateException("not a survey document");
            }
            Status status = Status.valueOf(statusName.toUpperCase(Locale.ROOT));
            List<Question> questions = new ArrayList<>();
            for (JsonNode q : root.path("questions")) {
                QuestionKind kind = QuestionKind.of(q.path("kind").asText()).orElseThrow(() -> new IllegalStateException("unknown question kind"));
                List<Question.Option> options = new ArrayList<>();
                for (JsonNode o : q.path("options")) {
                    options.add(new Question.Option(o.path("id").asText(), o.path("label").asText()));
                }
                questions.add(new Question(q.path("id").asText(), kind, q.path("text").asText(), q.path("required").asBoolean(),
                        options, q.path("min").asInt(), q.path("max").asInt(), q.path("minLabel").textValue(), q.path("maxLabel").textValue()));
            }
            return new Survey(title, root.path("description").asText(""), root.path("anonymous").asBoolean(true), status,
                    List.copyOf(questions), next, root.path("publishedAt").textValue(), root.path("closedAt").textValue());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("The stored survey cannot be read: " + e.getMessage(), e);
        }
    }

    static void unknownFields(JsonNode node, Set<String> allowed, String prefix) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new InvalidSurveyException(prefix + name, "Unknown field \"" + clip(prefix + name) + "\"; expected one of "
                        + String.join(", ", allowed));
            }
        }
    }

    /** One line of text: runs of white space and control characters become one space; the ends are trimmed. */
    static String cleanLine(String value) {
        return value == null ? "" : value.replaceAll("[\\s\\p{Z}\\p{Cc}]+", " ").trim();
    }

    /** Several lines: control characters other than line breaks go; line breaks become \n; the ends are trimmed. */
    static String cleanText(String value) {
        return value == null ? "" : value.replace("\r\n", "\n").replace('\r', '\n')
                .replaceAll("[\\p{Cc}&&[^\\n\\t]]", "").trim();
    }

    static String requireLine(JsonNode node, String field, int max) {
        if (node == null || node.isNull()) {
            throw new InvalidSurveyException(field, field + " is required: a text of 1 to " + max + " characters");
        }
        if (!node.isTextual()) {
            throw new InvalidSurveyException(field, field + " must be a text");
        }
        String text = cleanLine(node.textValue());
        if (text.isEmpty()) {
            throw new InvalidSurveyException(field, field + " must not be blank");
        }
        return checkLength(text, field, max);
    }

    private static String optionalLine(JsonNode node, String field, int max) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidSurveyException(field, field + " must be a text");
        }
        String text = cleanLine(node.textValue());
        return text.isEmpty() ? null : checkLength(text, field, max);
    }

    private static String optionalText(JsonNode node, String field, int max) {
        if (node == null || node.isNull()) {
            return "";
        }
        if (!node.isTextual()) {
            throw new InvalidSurveyException(field, field + " must be a text");
        }
        return checkLength(cleanText(node.textValue()), field, max);
    }

    static String checkLength(String text, String field, int max) {
        int length = text.codePointCount(0, text.length());
        if (length > max) {
            throw new InvalidSurveyException(field, field + " must be at most " + max + " characters, not " + length);
        }
        return text;
    }

    private static boolean optionalBoolean(JsonNode node, String field, boolean fallback) {
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isBoolean()) {
            throw new InvalidSurveyException(field, field + " must be true or false");
        }
        return node.booleanValue();
    }

    /** Quotes of the client's input in messages are cut short. */
    static String clip(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
