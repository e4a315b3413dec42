package eu.interlink.interlinker.survey;

import java.util.Arrays;
import java.util.Optional;

/** What a question asks for, with the name it has in JSON. */
enum QuestionKind {
    /** A free text. */
    TEXT("text"),
    /** One option among several. */
    SINGLE("single"),
    /** Any number of options among several. */
    MULTIPLE("multiple"),
    /** A whole number between a lowest and a highest value, such as 1 to 5. */
    SCALE("scale");

    final String json;

    QuestionKind(String json) {
        this.json = json;
    }

    boolean hasOptions() {
        return this == SINGLE || this == MULTIPLE;
    }

    static Optional<QuestionKind> of(String json) {
        return Arrays.stream(values()).filter(k -> k.json.equals(json)).findFirst();
    }
}
