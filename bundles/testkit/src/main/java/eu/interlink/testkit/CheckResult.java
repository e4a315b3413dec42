package eu.interlink.testkit;

import java.util.List;

/**
 * How one {@link Check} went.
 *
 * @param findings what is wrong, one sentence each, saying what to fix; empty when the check passed
 * @param notes    what the check could not look at and why (such as pages, outside a platform)
 */
public record CheckResult(Check check, Outcome outcome, List<String> findings, List<String> notes) {

    public enum Outcome {
        PASSED, FAILED,
        /** Not run: something it needs is missing (the Interlinker does not serve, or instantiate failed). */
        SKIPPED
    }

    public CheckResult {
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
    }

    public boolean passed() {
        return outcome == Outcome.PASSED;
    }

    public boolean failed() {
        return outcome == Outcome.FAILED;
    }
}
