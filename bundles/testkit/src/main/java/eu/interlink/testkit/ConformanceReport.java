package eu.interlink.testkit;

import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/** The outcome of one run of the {@link ConformanceKit}: one {@link CheckResult} per {@link Check}. */
public final class ConformanceReport {
    private final String interlinker;
    private final String where;
    private final List<CheckResult> results;

    ConformanceReport(String interlinker, String where, List<CheckResult> results) {
        this.interlinker = interlinker;
        this.where = where;
        this.results = List.copyOf(results);
    }

    /** The Interlinker checked, as {@code id@version} when its descriptor could be read. */
    public String interlinker() { return interlinker; }

    public List<CheckResult> results() { return results; }

    public CheckResult result(Check check) {
        return results.stream().filter(r -> r.check() == check).findFirst()
                .orElseThrow(() -> new NoSuchElementException("No result for " + check));
    }

    /** Whether no check failed. A skipped check counts as not failed only when it was skipped for lack of a capability. */
    public boolean passed() {
        return results.stream().noneMatch(CheckResult::failed);
    }

    public List<CheckResult> failures() {
        return results.stream().filter(CheckResult::failed).toList();
    }

    /** Every check with its outcome, each finding on its own line: what a failed test prints. */
    @Override
    public String toString() {
        long passed = results.stream().filter(CheckResult::passed).count();
        long failed = results.stream().filter(CheckResult::failed).count();
        StringBuilder s = new StringBuilder("Conformance of ").append(interlinker).append(" (").append(where).append("): ")
                .append(passed).append(" passed, ").append(failed).append(" failed, ")
                .append(results.size() - passed - failed).append(" skipped\n");
        for (CheckResult r : results) {
            s.append("  ").append(r.outcome().name().toLowerCase(Locale.ROOT)).append(": ").append(r.check().title()).append('\n');
            for (String f : r.findings()) s.append("    - ").append(f).append('\n');
            for (String n : r.notes()) s.append("    (").append(n).append(")\n");
        }
        return s.toString();
    }
}
