package eu.interlink.coproduction.internal;

import java.util.ArrayList;
import java.util.List;
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

import eu.interlink.coproduction.Rights;

/**
 * The merge of a member's team grants into their rights on a task ({@link Access#merge}), as every request about
 * a process that is not an administrator's or a stranger's runs it after one indexed read of the grants.
 *
 * <p>{@code grants} is how many grants the caller's teams hold in the process, spread over the process, its
 * phases, objectives and tasks (a fixed seed); the task asked about is three levels deep (task, objective, phase)
 * and none of the grants is on it or on its objective, so the merge looks at every level up to the phase, where
 * one of them decides. 4 is a small team's process; 400 a member of many teams in a large programme.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PermissionBenchmark {
    @Param({"4", "400"})
    public int grants;

    private List<Access.Grant> held;
    private List<String> path;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        path = List.of("task-asked", "objective-asked", "phase-asked");
        held = new ArrayList<>();
        held.add(new Access.Grant("phase-asked", "team-0", true, random.nextBoolean(), false));
        for (int i = 1; i < grants; i++) {
            String item = switch (random.nextInt(4)) {
                case 0 -> null;
                case 1 -> "phase-" + random.nextInt(8);
                case 2 -> "objective-" + random.nextInt(40);
                default -> "task-" + random.nextInt(200);
            };
            held.add(new Access.Grant(item, "team-" + random.nextInt(Math.max(1, grants / 4)), random.nextBoolean(),
                    random.nextBoolean(), random.nextBoolean()));
        }
    }

    @Benchmark
    public Rights merge() {
        return Access.merge(held, path);
    }
}
