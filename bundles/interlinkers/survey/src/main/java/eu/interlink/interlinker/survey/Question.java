package eu.interlink.interlinker.survey;

import java.util.List;
import java.util.Optional;

/**
 * One question of a survey. Immutable.
 *
 * @param options  the choices of a single or multiple choice question, empty otherwise
 * @param min      the lowest value of a scale (0 for other kinds)
 * @param max      the highest value of a scale (0 for other kinds)
 * @param minLabel what the lowest value of a scale means, such as "disagree", or {@code null}
 * @param maxLabel what the highest value of a scale means, or {@code null}
 */
record Question(String id, QuestionKind kind, String text, boolean required, List<Option> options,
                int min, int max, String minLabel, String maxLabel) {

    /** A choice; its id is what an answer names, its label what people read. */
    record Option(String id, String label) {
    }

    Question {
        options = List.copyOf(options);
    }

    Optional<Option> option(String optionId) {
        return options.stream().filter(o -> o.id().equals(optionId)).findFirst();
    }

    /** The label of an option id, or the id itself when unknown (never for validated answers). */
    String label(String optionId) {
        return option(optionId).map(Option::label).orElse(optionId);
    }
}
