package eu.interlink.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import eu.interlink.bench.Report.Figure;
import eu.interlink.coproduction.internal.PermissionBenchmark;
import eu.interlink.coproduction.internal.RollupBenchmark;

/**
 * Measure 7: JMH micro-benchmarks of the kernel's hot paths that exist now ({@link RegistryBenchmark} and the
 * co-production bundle's {@code PermissionBenchmark} and {@code RollupBenchmark}).
 */
final class Micro {
    private Micro() {
    }

    static Report.Section run(Benchmarks.Effort effort) {
        int warmUps = effort.n(3, 1);
        int measurements = effort.n(5, 2);
        Options options = new OptionsBuilder()
                .include(RegistryBenchmark.class.getName() + "\\.")
                .include(PermissionBenchmark.class.getName() + "\\.")
                .include(RollupBenchmark.class.getName() + "\\.")
                .forks(1)
                .warmupIterations(warmUps)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(measurements)
                .measurementTime(TimeValue.seconds(1))
                .threads(1)
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results;
        try {
            results = new Runner(options).run();
        } catch (RunnerException e) {
            throw new IllegalStateException("JMH failed", e);
        }
        // benchmark -> n -> [p50, p99] in µs
        Map<String, Map<String, double[]>> by = new HashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            var stats = r.getPrimaryResult().getStatistics();
            String size = switch (name) {
                case "rollup" -> r.getParams().getParam("tasks");
                case "merge" -> r.getParams().getParam("grants");
                default -> r.getParams().getParam("n");
            };
            by.computeIfAbsent(name, k -> new HashMap<>()).put(size, new double[] {stats.getPercentile(50), stats.getPercentile(99), stats.getN()});
        }
        List<Figure> figures = new ArrayList<>();
        String[][] rows = {
                {"find", "`find(id)` (`GET /api/v1/interlinkers/{id}`)"},
                {"versions", "`versions(id)` (also in `GET /api/v1/interlinkers/{id}`)"},
                {"searchFirstPage", "`search(limit 20)` (`GET /api/v1/interlinkers`)"},
                {"searchText", "`search(q=one id)` (`GET /api/v1/interlinkers?q=`)"}};
        int k = 0;
        for (String[] row : rows) {
            Map<String, double[]> m = by.get(row[0]);
            if (m == null) continue;
            for (String n : List.of("10", "1000")) {
                double[] v = m.get(n);
                figures.add(Figure.info("7" + (char) ('a' + k++), row[1] + ", " + n + " registered, p50", v[0], "µs", String.format(Locale.ROOT, "%,.0f samples; p99 %.2f µs", v[2], v[1])));
            }
            figures.add(Figure.info("7" + (char) ('a' + k++), row[1] + ", p50 at 1000 ÷ at 10", m.get("1000")[0] / m.get("10")[0], "×", "how it grows with the catalogue"));
        }
        Map<String, double[]> merge = by.get("merge");
        for (String n : List.of("4", "400")) {
            double[] v = merge.get(n);
            figures.add(Figure.info("7" + (char) ('a' + k++), "permission merge (`Access.merge`, every member's request about a process), " + n + " grants, p50", v[0], "µs",
                    String.format(Locale.ROOT, "%,.0f samples; p99 %.2f µs", v[2], v[1])));
        }
        figures.add(Figure.info("7" + (char) ('a' + k++), "permission merge, p50 per grant at 400 ÷ at 4", (merge.get("400")[0] / 400) / (merge.get("4")[0] / 4), "×",
                "1.0 is linear in the grants held"));
        Map<String, double[]> rollup = by.get("rollup");
        for (String n : List.of("30", "3000")) {
            double[] v = rollup.get(n);
            figures.add(Figure.info("7" + (char) ('a' + k++), "tree roll-up (`Rollup.compute`, every read of a tree), " + n + " tasks, p50", v[0], "µs",
                    String.format(Locale.ROOT, "%,.0f samples; p99 %.2f µs", v[2], v[1])));
        }
        figures.add(Figure.info("7" + (char) ('a' + k), "tree roll-up, p50 per task at 3000 ÷ at 30", (rollup.get("3000")[0] / 3000) / (rollup.get("30")[0] / 30), "×",
                "1.0 is linear in the tree's size"));
        return new Report.Section("7", "Micro-benchmarks of the kernel", """
                JMH (`benchmarks/runner`: `RegistryBenchmark`, `PermissionBenchmark`, `RollupBenchmark`), sample-time mode, one fork, %d × 1 s warm-up and \
                %d × 1 s measured iterations, one thread, on the kernel's own `RegistryComponent` built outside a \
                framework (its registrations filled by reflection, all valid and serving; descriptors as the generated \
                Interlinkers'), the co-production bundle's `Access.merge` of a member's team grants into their rights on a task three \
                levels deep (grants spread over the process, its phases, objectives and tasks; the phase's grant decides), and its `Rollup` over trees of 4 phases of objectives of 5 tasks \
                (a tenth disabled; statuses and dates from a fixed seed). The issue sets no target for them: they say where the time of measure 5 goes.\
                """.formatted(warmUps, measurements), figures, List.of());
    }
}
