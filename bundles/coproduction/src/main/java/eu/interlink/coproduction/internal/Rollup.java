package eu.interlink.coproduction.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import eu.interlink.coproduction.ItemStatus;

/**
 * How status, progress and dates roll up a process's tree: pure functions, no storage.
 *
 * <p>A task's status is set; its progress is 0, 50 or 100 and its dates are its own. A parent (objective,
 * phase, the process itself) with enabled children takes from them: status finished when all are finished,
 * awaiting when all are awaiting, else in progress; progress = (in progress / 2 + finished) × 100 / n, over the
 * children's statuses, as in the original platform; start the earliest start and end the latest end among
 * them. A parent with no enabled child keeps its own status and has no dates.
 */
final class Rollup {
    private Rollup() {
    }

    /** What one item contributes, and what is shown for it. */
    record Result(ItemStatus status, double progress, LocalDate start, LocalDate end) {
    }

    /** One item of the tree as stored: its own status and dates, whether it counts, its children. */
    record Input(String id, ItemStatus own, LocalDate start, LocalDate end, boolean enabled, List<Input> children) {
    }

    /** A leaf: a task, whose values are its own. */
    static Result leaf(ItemStatus own, LocalDate start, LocalDate end) {
        return new Result(own, progress(own == ItemStatus.IN_PROGRESS ? 1 : 0, own == ItemStatus.FINISHED ? 1 : 0, 1), start, end);
    }

    /** A parent, from the results of its enabled children (disabled ones are left out by the caller). */
    static Result parent(ItemStatus own, List<Result> enabledChildren) {
        int n = enabledChildren.size();
        if (n == 0) return new Result(own, leaf(own, null, null).progress(), null, null);
        int inProgress = 0;
        int finished = 0;
        LocalDate start = null;
        LocalDate end = null;
        for (Result r : enabledChildren) {
            if (r.status() == ItemStatus.IN_PROGRESS) inProgress++;
            if (r.status() == ItemStatus.FINISHED) finished++;
            if (r.start() != null && (start == null || r.start().isBefore(start))) start = r.start();
            if (r.end() != null && (end == null || r.end().isAfter(end))) end = r.end();
        }
        ItemStatus status = finished == n ? ItemStatus.FINISHED : inProgress == 0 && finished == 0 ? ItemStatus.AWAITING : ItemStatus.IN_PROGRESS;
        return new Result(status, progress(inProgress, finished, n), start, end);
    }

    /** (in progress / 2 + finished) × 100 / n, to two decimals. */
    static double progress(int inProgress, int finished, int n) {
        BigDecimal done = BigDecimal.valueOf(inProgress).divide(BigDecimal.valueOf(2)).add(BigDecimal.valueOf(finished));
        return done.multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP).doubleValue();
    }

    /**
     * The result of every item of a tree, by id, bottom-up. Items with children are parents even when the
     * children are all disabled; items without are leaves when {@code leaves} says so (tasks), else parents.
     */
    static Map<String, Result> compute(Input root, java.util.function.Predicate<Input> leaves) {
        Map<String, Result> out = new HashMap<>();
        compute(root, leaves, out);
        return out;
    }

    private static Result compute(Input item, java.util.function.Predicate<Input> leaves, Map<String, Result> out) {
        Result result;
        if (item.children().isEmpty() && leaves.test(item)) {
            result = leaf(item.own(), item.start(), item.end());
        } else {
            List<Result> counted = new java.util.ArrayList<>();
            for (Input child : item.children()) {
                Result r = compute(child, leaves, out);
                if (child.enabled()) counted.add(r);
            }
            result = parent(item.own(), counted);
        }
        out.put(item.id(), result);
        return result;
    }
}
