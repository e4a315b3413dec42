package eu.interlink.interlinker.survey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The results of a survey, per question, gathered one answer at a time so that answers never need to be held
 * all at once: counts per option for choices, count, mean, lowest, highest and a histogram for scales, and the
 * texts themselves for free-text questions.
 */
final class Results {
    private final Survey survey;
    private final Map<String, Tally> tallies = new LinkedHashMap<>();
    private int responses;

    private static final class Tally {
        int answered;
        /** Per option id for choices; per value (index = value - min) for scales. */
        long[] counts;
        long sum;
        final List<String> texts = new ArrayList<>();
    }

    Results(Survey survey) {
        this.survey = survey;
        for (Question q : survey.questions()) {
            Tally t = new Tally();
            t.counts = new long[q.kind().hasOptions() ? q.options().size() : q.kind() == QuestionKind.SCALE ? q.max() - q.min() + 1 : 0];
            tallies.put(q.id(), t);
        }
    }

    /** Counts one answer in; values that do not fit the questions (never, for validated answers) are skipped. */
    void add(SurveyResponse response) {
        responses++;
        for (Question q : survey.questions()) {
            JsonNode value = response.answers().get(q.id());
            if (value == null || value.isNull()) {
                continue;
            }
            Tally t = tallies.get(q.id());
            switch (q.kind()) {
                case TEXT -> {
                    t.answered++;
                    t.texts.add(value.asText());
                }
                case SINGLE, MULTIPLE -> {
                    boolean counted = false;
                    for (String optionId : SurveyResponse.chosen(value)) {
                        int index = q.options().indexOf(q.option(optionId).orElse(null));
                        if (index >= 0) {
                            t.counts[index]++;
                            counted = true;
                        }
                    }
                    if (counted) {
                        t.answered++;
                    }
                }
                case SCALE -> {
                    int v = value.asInt(Integer.MIN_VALUE);
                    if (v >= q.min() && v <= q.max()) {
                        t.answered++;
                        t.sum += v;
                        t.counts[v - q.min()]++;
                    }
                }
                default -> throw new IllegalStateException("unknown kind " + q.kind());
            }
        }
    }

    int responses() {
        return responses;
    }

    /**
     * {@code {"responses": n, "questions": [{"id", "kind", "text", "answered",
     * "options": [{"id", "label", "count"}] | "statistics": {"mean", "min", "max", "histogram": [{"value",
     * "count"}]} | "answers": ["…"]}]}}; a scale without answers has {@code null} mean, min and max.
     */
    ObjectNode toJson() {
        ObjectNode root = Survey.JSON.createObjectNode();
        root.put("title", survey.title());
        root.put("status", survey.status().json());
        root.put("responses", responses);
        ArrayNode questions = root.putArray("questions");
        for (Question q : survey.questions()) {
            Tally t = tallies.get(q.id());
            ObjectNode node = questions.addObject();
            node.put("id", q.id());
            node.put("kind", q.kind().json);
            node.put("text", q.text());
            node.put("answered", t.answered);
            switch (q.kind()) {
                case TEXT -> {
                    ArrayNode texts = node.putArray("answers");
                    t.texts.forEach(texts::add);
                }
                case SINGLE, MULTIPLE -> {
                    ArrayNode options = node.putArray("options");
                    for (int i = 0; i < q.options().size(); i++) {
                        Question.Option o = q.options().get(i);
                        options.addObject().put("id", o.id()).put("label", o.label()).put("count", t.counts[i]);
                    }
                }
                case SCALE -> {
                    ObjectNode stats = node.putObject("statistics");
                    Integer lowest = null;
                    Integer highest = null;
                    ArrayNode histogram = Survey.JSON.createArrayNode();
                    for (int i = 0; i < t.counts.length; i++) {
                        int value = q.min() + i;
                        histogram.addObject().put("value", value).put("count", t.counts[i]);
                        if (t.counts[i] > 0) {
                            lowest = lowest == null ? value : lowest;
                            highest = value;
                        }
                    }
                    if (t.answered == 0) {
                        stats.putNull("mean");
                        stats.putNull("min");
                        stats.putNull("max");
                    } else {
                        stats.put("mean", (double) t.sum / t.answered);
                        stats.put("min", lowest);
                        stats.put("max", highest);
                    }
                    stats.set("histogram", histogram);
                }
                default -> throw new IllegalStateException("unknown kind " + q.kind());
            }
        }
        return root;
    }
}
