package eu.interlink.coproduction.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import eu.interlink.coproduction.ItemStatus;

/**
 * The roll-up of a process tree's status, progress and dates ({@link Rollup#compute}), as every read of a tree
 * runs it. In this package because {@code Rollup} is package-private: the benchmark runs on a plain class path,
 * where the package is one across both jars, so the shipped code is called as it is.
 *
 * <p>{@code tasks} is the size of the tree: 4 phases of objectives of 5 tasks each (a tenth of them disabled,
 * statuses and dates drawn with a fixed seed). 30 is the size of the original platform's schemas; 3000 a
 * large programme.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RollupBenchmark {
    @Param({"30", "3000"})
    public int tasks;

    private Rollup.Input root;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        ItemStatus[] statuses = ItemStatus.values();
        LocalDate day = LocalDate.of(2026, 1, 1);
        int objectives = Math.max(1, tasks / 5 / 4);
        List<Rollup.Input> phases = new ArrayList<>();
        int made = 0;
        for (int p = 0; p < 4; p++) {
            List<Rollup.Input> objectiveItems = new ArrayList<>();
            for (int o = 0; o < objectives; o++) {
                List<Rollup.Input> taskItems = new ArrayList<>();
                for (int t = 0; t < 5 && made < tasks; t++, made++) {
                    LocalDate start = day.plusDays(random.nextInt(365));
                    taskItems.add(new Rollup.Input("t" + made, statuses[random.nextInt(statuses.length)], start,
                            start.plusDays(1 + random.nextInt(60)), random.nextInt(10) != 0, List.of()));
                }
                objectiveItems.add(new Rollup.Input("o" + p + "-" + o, ItemStatus.AWAITING, null, null, true, taskItems));
            }
            phases.add(new Rollup.Input("p" + p, ItemStatus.AWAITING, null, null, true, objectiveItems));
        }
        root = new Rollup.Input("process", ItemStatus.AWAITING, null, null, true, phases);
    }

    @Benchmark
    public Map<String, Rollup.Result> rollup() {
        return Rollup.compute(root, i -> i.id().startsWith("t"));
    }
}
