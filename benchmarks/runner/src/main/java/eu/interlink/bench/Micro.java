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

/** Measure 7: JMH micro-benchmarks of the kernel's hot paths that exist now ({@link RegistryBenchmark}). */
final class Micro {
    private Micro() {
    }

    static Report.Section run(Benchmarks.Effort effort) {
        int warmUps = effort.n(3, 1);
        int measurements = effort.n(5, 2);
        Options options = new OptionsBuilder()
                .include(RegistryBenchmark.class.getName() + "\\.")
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
            by.computeIfAbsent(name, k -> new HashMap<>()).put(r.getParams().getParam("n"), new double[] {stats.getPercentile(50), stats.getPercentile(99), stats.getN()});
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
        figures.add(Figure.notMeasured("7" + (char) ('a' + k++), "permission merge", "not measured: permissions do not exist yet (issues 4 and 5)"));
        figures.add(Figure.notMeasured("7" + (char) ('a' + k), "tree roll-up", "not measured: the process tree does not exist yet (issues 4 and 5)"));
        return new Report.Section("7", "Micro-benchmarks of the kernel", """
                JMH (`benchmarks/runner`, `RegistryBenchmark`), sample-time mode, one fork, %d × 1 s warm-up and \
                %d × 1 s measured iterations, one thread, on the kernel's own `RegistryComponent` built outside a \
                framework (its registrations filled by reflection, all valid and serving; descriptors as the generated \
                Interlinkers'). The issue sets no target for them: they say where the time of measure 5 goes.\
                """.formatted(warmUps, measurements), figures, List.of());
    }
}
