package eu.interlink.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import eu.interlink.bench.Report.Figure;

/**
 * Measures 4 (boot) and 6 (memory), on the same runs: our distribution against the plain Karaf distribution of
 * the same version with the same web and persistence features, each unpacked afresh (so with an empty
 * {@code data/}) for every run, alternately.
 */
final class BootAndMemory {
    /** Added to the plain Karaf's boot features: the web and persistence features ours boots with. */
    static final List<String> VANILLA_EXTRA_FEATURES = List.of("scr", "http-whiteboard", "pax-jdbc-config", "pax-jdbc-h2", "pax-jdbc-pool-hikaricp");
    /** How long each distribution is left to settle after its first answer before its heap is measured. */
    static final int SETTLE_SECONDS = 5;

    private BootAndMemory() {
    }

    /** One run: the first start (empty {@code data/}), then a restart of the same folder. */
    private record Run(double bootSeconds, double firstAnswerSeconds, long heapBytes, long metaspaceBytes, double restartSeconds) {
    }

    static void run(Report report, Benchmarks.Paths paths, Benchmarks.Effort effort) {
        int runs = effort.n(7, 2);
        // The plain Karaf resolves the web and persistence bundles from our distribution's system/ folder (the same
        // files ours boots from): offline, like ours.
        Path repository = paths.work().resolve("interlink-system");
        Distribution.unpack(paths.distribution(), repository);
        Path oursSetenv = repository.resolve("bin/setenv");
        List<Run> ours = new ArrayList<>();
        List<Run> vanilla = new ArrayList<>();
        double[] tuned = new double[runs];
        for (int i = 0; i < runs; i++) {
            // Alternate which goes first, so that neither always runs on a machine the other just warmed up.
            if (i % 2 == 0) {
                ours.add(ours(paths, i));
                vanilla.add(vanilla(paths, repository.resolve("system"), i));
            } else {
                vanilla.add(vanilla(paths, repository.resolve("system"), i));
                ours.add(ours(paths, i));
            }
            // Context: the plain Karaf with our bin/setenv (its JIT thresholds), first start only.
            tuned[i] = vanillaFirstStart(paths, repository.resolve("system"), oursSetenv, i);
        }
        double[] tunedRatios = new double[runs];
        for (int i = 0; i < runs; i++) tunedRatios[i] = ours.get(i).bootSeconds() / tuned[i];
        double[] bootRatios = new double[runs];
        double[] heapRatios = new double[runs];
        double[] restartRatios = new double[runs];
        for (int i = 0; i < runs; i++) {
            bootRatios[i] = ours.get(i).bootSeconds() / vanilla.get(i).bootSeconds();
            heapRatios[i] = (double) ours.get(i).heapBytes() / vanilla.get(i).heapBytes();
            restartRatios[i] = ours.get(i).restartSeconds() / vanilla.get(i).restartSeconds();
        }
        double oursBoot = Samples.median(ours.stream().mapToDouble(Run::bootSeconds).toArray());
        double oursFirst = Samples.median(ours.stream().mapToDouble(Run::firstAnswerSeconds).toArray());
        double vanillaBoot = Samples.median(vanilla.stream().mapToDouble(Run::bootSeconds).toArray());
        String perRun = perRun(ours, vanilla);

        report.add(new Report.Section("4", "Boot", """
                From `bin/karaf server` started (the process is spawned) to the first answer, each distribution unpacked \
                afresh from its archive before every run (so `data/` is empty and Karaf resolves and installs its boot \
                features, as at a first start), %d runs each, alternating which goes first. \
                **Ours:** the first `200` from `GET /api/v1/health` (the store has migrated its schema, the kernel and the \
                API are up). **Baseline:** the plain `apache-karaf-%s.tar.gz` from Maven Central with `%s` added to its \
                boot features in `etc/org.apache.karaf.features.cfg` (`eventadmin` is one of them already; its own boot \
                features, such as `management`, \
                `kar`, `instance` and `wrap`, left in) and no data source configured: its first HTTP answer of any \
                status on its port (a `404` from Jetty: it has no servlet). Both resolve offline, from files: ours from \
                its `system/`, the baseline from its own `system/` plus ours (same bundle files) plus the one bundle its \
                `pax-jdbc-pool-hikaricp` feature lists that ours does not ship (cglib). The ratio is the median of \
                the per-run ratios ours ÷ baseline, polled every 10 ms. After each first start (and the heap measurement \
                of measure 6), the distribution is stopped and started again on the same folder, as an operator restarts \
                it: 4f–4h, context, not a target of the issue. Ours starts with its own `bin/setenv`, which raises the JIT's \
                C2 thresholds (docs/architecture.md, "JIT thresholds"); the baseline with the JDK's defaults. 4i–4j, context: \
                the plain Karaf once more per run, given our `bin/setenv`.""".formatted(runs, paths.karafVersion(), String.join(", ", VANILLA_EXTRA_FEATURES)),
                List.of(
                        Figure.atMost("4a", "boot: ours to first `200` from `/api/v1/health` ÷ plain Karaf to first HTTP answer (median of " + runs + " runs)",
                                Samples.median(bootRatios), "×", 1.3, "per-run ratios " + ratios(bootRatios)),
                        Figure.info("4b", "ours: start to first `200` from `/api/v1/health` (median)", oursBoot, "s", "runs: " + seconds(ours, Run::bootSeconds)),
                        Figure.info("4c", "ours: start to first HTTP answer of any status (median)", oursFirst, "s", "the same moment as the baseline's; runs: "
                                + seconds(ours, Run::firstAnswerSeconds)),
                        Figure.info("4d", "plain Karaf: start to first HTTP answer (median)", vanillaBoot, "s", "runs: " + seconds(vanilla, Run::bootSeconds)),
                        Figure.info("4e", "ours first answer of any status ÷ baseline (median)", Samples.median(ratiosOf(ours, vanilla)), "×",
                                "the like-for-like comparison of the two containers' start"),
                        Figure.info("4f", "restart (`data/` kept): ours to first `200` from `/api/v1/health` ÷ plain Karaf to first HTTP answer (median)",
                                Samples.median(restartRatios), "×", "per-run ratios " + ratios(restartRatios)
                                        + "; each distribution stopped (SIGTERM) after its first start and started again on the same folder"),
                        Figure.info("4g", "ours: restart to first `200` from `/api/v1/health` (median)",
                                Samples.median(ours.stream().mapToDouble(Run::restartSeconds).toArray()), "s", "runs: " + seconds(ours, Run::restartSeconds)),
                        Figure.info("4h", "plain Karaf: restart to first HTTP answer (median)",
                                Samples.median(vanilla.stream().mapToDouble(Run::restartSeconds).toArray()), "s", "runs: " + seconds(vanilla, Run::restartSeconds)),
                        Figure.info("4i", "boot: ours ÷ plain Karaf given our `bin/setenv` (our JIT thresholds) (median)",
                                Samples.median(tunedRatios), "×", "per-run ratios " + ratios(tunedRatios)
                                        + "; what the ratio is when the baseline gets the same JVM options (docs/architecture.md, \"JIT thresholds\")"),
                        Figure.info("4j", "plain Karaf given our `bin/setenv`: start to first HTTP answer (median)", Samples.median(tuned), "s",
                                "runs: " + seconds(tuned))),
                List.of(perRun)));

        report.add(new Report.Section("6", "Memory", """
                Heap in use after boot and a full collection: on each run of measure 4, %d s after the first answer, \
                `jcmd <pid> GC.run` then `jcmd <pid> GC.heap_info` (G1, Karaf's default heap settings: none, so the \
                JDK's). Ours has the kernel, the API, the checklist Interlinker and an open H2 database; the baseline \
                the same web and persistence features with nothing using them. The ratio is the median of the per-run \
                ratios.""".formatted(SETTLE_SECONDS),
                List.of(
                        Figure.atMost("6a", "heap used after boot and a full GC: ours ÷ plain Karaf (median of " + runs + " runs)",
                                Samples.median(heapRatios), "×", 1.5, "per-run ratios " + ratios(heapRatios)),
                        Figure.info("6b", "ours: heap used after a full GC (median)", mib(Samples.median(ours.stream().mapToDouble(Run::heapBytes).toArray())), "MiB",
                                "runs: " + mibs(ours, Run::heapBytes)),
                        Figure.info("6c", "plain Karaf: heap used after a full GC (median)", mib(Samples.median(vanilla.stream().mapToDouble(Run::heapBytes).toArray())), "MiB",
                                "runs: " + mibs(vanilla, Run::heapBytes)),
                        Figure.info("6d", "ours: Metaspace used (median)", mib(Samples.median(ours.stream().mapToDouble(Run::metaspaceBytes).toArray())), "MiB",
                                "class metadata, outside the heap"),
                        Figure.info("6e", "plain Karaf: Metaspace used (median)", mib(Samples.median(vanilla.stream().mapToDouble(Run::metaspaceBytes).toArray())), "MiB",
                                "class metadata, outside the heap")),
                List.of()));
    }

    private static Run ours(Benchmarks.Paths paths, int i) {
        try (Distribution d = Distribution.ours(paths.distribution(), paths.work().resolve("boot-ours"), "ours, boot run " + (i + 1))) {
            d.start();
            double first = Double.NaN;
            double healthy = Double.NaN;
            long deadline = System.nanoTime() + 240_000_000_000L;
            while (System.nanoTime() < deadline && Double.isNaN(healthy)) {
                d.checkAlive();
                int status = Loopback.statusNow(d.port, "/api/v1/health");
                long at = d.sinceStart();
                if (status > 0 && Double.isNaN(first)) first = at / 1e9;
                if (status == 200) healthy = at / 1e9;
                else Benchmarks.sleep(10);
            }
            if (Double.isNaN(healthy)) throw new IllegalStateException(d + " did not answer 200 on /api/v1/health in 240 s");
            Benchmarks.sleep(SETTLE_SECONDS * 1000L);
            long[] heap = d.heapAfterFullGc();
            double restart = restart(d, "/api/v1/health", 200);
            Benchmarks.log("  ours run %d: first answer %.2f s, health 200 %.2f s, heap %.1f MiB; restarted: health 200 %.2f s",
                    i + 1, first, healthy, heap[0] / 1048576.0, restart);
            return new Run(healthy, first, heap[0], heap[1], restart);
        }
    }

    private static Run vanilla(Benchmarks.Paths paths, Path repository, int i) {
        List<String> features = VANILLA_EXTRA_FEATURES;
        try (Distribution d = Distribution.vanilla(paths.vanilla(), paths.work().resolve("boot-vanilla"), "plain Karaf, boot run " + (i + 1),
                features, List.of(repository, paths.vanillaRepository()))) {
            d.start();
            double first = firstAnswer(d, "/", 0);
            Benchmarks.sleep(SETTLE_SECONDS * 1000L);
            long[] heap = d.heapAfterFullGc();
            double restart = restart(d, "/", 0);
            Benchmarks.log("  plain Karaf run %d: first answer %.2f s, heap %.1f MiB; restarted: first answer %.2f s", i + 1, first, heap[0] / 1048576.0, restart);
            return new Run(first, first, heap[0], heap[1], restart);
        }
    }

    /** The plain Karaf with {@code setenv} as its {@code bin/setenv}: seconds to its first HTTP answer at a first start. */
    private static double vanillaFirstStart(Benchmarks.Paths paths, Path repository, Path setenv, int i) {
        try (Distribution d = Distribution.vanilla(paths.vanilla(), paths.work().resolve("boot-vanilla-tuned"), "plain Karaf with our bin/setenv, boot run " + (i + 1),
                VANILLA_EXTRA_FEATURES, List.of(repository, paths.vanillaRepository()))) {
            d.setenv(setenv);
            d.start();
            double first = firstAnswer(d, "/", 0);
            Benchmarks.log("  plain Karaf with our bin/setenv, run %d: first answer %.2f s", i + 1, first);
            return first;
        }
    }

    /**
     * Stops the distribution as a service manager would and starts it again on the same folder ({@code data/} kept:
     * resolved, installed, migrated), as an operator's restart does; seconds to the answer wanted on {@code path}
     * ({@code status} 0: any).
     */
    private static double restart(Distribution d, String path, int status) {
        d.close();
        d.start();
        return firstAnswer(d, path, status);
    }

    /** Seconds from the start of {@code d} to its first answer on {@code path} ({@code status} 0: any), polled every 10 ms. */
    private static double firstAnswer(Distribution d, String path, int status) {
        long deadline = System.nanoTime() + 240_000_000_000L;
        while (System.nanoTime() < deadline) {
            d.checkAlive();
            int answered = Loopback.statusNow(d.port, path);
            if (answered > 0 && (status == 0 || answered == status)) return d.sinceStart() / 1e9;
            Benchmarks.sleep(10);
        }
        throw new IllegalStateException(d + " did not answer on " + path + " in 240 s");
    }

    private static double[] ratiosOf(List<Run> ours, List<Run> vanilla) {
        double[] r = new double[ours.size()];
        for (int i = 0; i < r.length; i++) r[i] = ours.get(i).firstAnswerSeconds() / vanilla.get(i).bootSeconds();
        return r;
    }

    private static String perRun(List<Run> ours, List<Run> vanilla) {
        StringBuilder b = new StringBuilder("| run | ours: first answer | ours: health 200 | plain Karaf: first answer | ours heap | plain Karaf heap |\n"
                + "| --- | --- | --- | --- | --- | --- |\n");
        for (int i = 0; i < ours.size(); i++) {
            b.append(String.format(Locale.ROOT, "| %d | %.2f s | %.2f s | %.2f s | %.1f MiB | %.1f MiB |%n", i + 1, ours.get(i).firstAnswerSeconds(),
                    ours.get(i).bootSeconds(), vanilla.get(i).bootSeconds(), ours.get(i).heapBytes() / 1048576.0, vanilla.get(i).heapBytes() / 1048576.0));
        }
        return b.toString();
    }

    private static String ratios(double[] r) {
        StringBuilder b = new StringBuilder();
        for (double v : r) b.append(b.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", v));
        return b.toString();
    }

    private static String seconds(double[] values) {
        StringBuilder b = new StringBuilder();
        for (double v : values) b.append(b.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f s", v));
        return b.toString();
    }

    private static String seconds(List<Run> runs, java.util.function.ToDoubleFunction<Run> f) {
        return seconds(runs.stream().mapToDouble(f).toArray());
    }

    private static String mibs(List<Run> runs, java.util.function.ToLongFunction<Run> f) {
        StringBuilder b = new StringBuilder();
        for (Run r : runs) b.append(b.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f", f.applyAsLong(r) / 1048576.0));
        return b.toString();
    }

    static double mib(double bytes) {
        return bytes / 1048576.0;
    }
}
