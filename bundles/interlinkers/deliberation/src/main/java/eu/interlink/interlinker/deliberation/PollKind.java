package eu.interlink.interlinker.deliberation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The four kinds of poll. The first two ask people to choose among options the poll's author writes; the last two
 * decide on one question with fixed answers.
 */
enum PollKind {
    /** Choose one option; the option with the most votes wins, a shared top is a tie. */
    SINGLE(List.of()),
    /** Choose any number of options (at least one); counted per option as for {@link #SINGLE}. */
    MULTIPLE(List.of()),
    /** Agree, abstain or disagree: accepted if more agree than disagree, rejected if more disagree, else a tie. */
    MAJORITY(List.of("agree", "abstain", "disagree")),
    /** Agree, abstain, disagree or block: blocked if anyone blocks, else accepted if agree > disagree, else rejected. */
    CONSENT(List.of("agree", "abstain", "disagree", "block"));

    /** The fixed answers of a decision; empty for the kinds with written options. */
    final List<String> fixedChoices;
    final String json;

    PollKind(List<String> fixedChoices) {
        this.fixedChoices = fixedChoices;
        this.json = name().toLowerCase(Locale.ROOT);
    }

    boolean hasOptions() {
        return fixedChoices.isEmpty();
    }

    static Optional<PollKind> of(String json) {
        for (PollKind k : values()) {
            if (k.json.equals(json)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
