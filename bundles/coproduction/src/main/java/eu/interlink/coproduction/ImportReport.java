package eu.interlink.coproduction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an import did: per kind of item (problem profile, interlinker, schema…), how many were created, updated or
 * left unchanged, and each item that could not be imported (or only in part) with the reason.
 */
public record ImportReport(String folder, Map<String, Counts> counts, List<Issue> issues) {

    public ImportReport {
        counts = Map.copyOf(counts);
        issues = List.copyOf(issues);
    }

    public record Counts(int created, int updated, int unchanged) {
        public int total() {
            return created + updated + unchanged;
        }
    }

    /** The counts of every kind together. */
    public Counts total() {
        int c = 0, u = 0, n = 0;
        for (Counts k : counts.values()) {
            c += k.created();
            u += k.updated();
            n += k.unchanged();
        }
        return new Counts(c, u, n);
    }

    /** One item, or one part of an item (a missing file), the import could not carry over. */
    public record Issue(String kind, String item, String reason) {
    }

    /** Collects the outcome while an import runs. Not thread-safe: one per import. */
    public static final class Builder {
        private final String folder;
        private final Map<String, int[]> counts = new TreeMap<>();
        private final List<Issue> issues = new ArrayList<>();

        public Builder(String folder) {
            this.folder = folder;
        }

        public Builder created(String kind) {
            counts.computeIfAbsent(kind, k -> new int[3])[0]++;
            return this;
        }

        public Builder updated(String kind) {
            counts.computeIfAbsent(kind, k -> new int[3])[1]++;
            return this;
        }

        public Builder unchanged(String kind) {
            counts.computeIfAbsent(kind, k -> new int[3])[2]++;
            return this;
        }

        public Builder issue(String kind, String item, String reason) {
            issues.add(new Issue(kind, item, reason));
            return this;
        }

        public ImportReport build() {
            Map<String, Counts> c = new TreeMap<>();
            counts.forEach((k, v) -> c.put(k, new Counts(v[0], v[1], v[2])));
            return new ImportReport(folder, c, issues);
        }
    }
}
