package eu.interlink.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code ./interlink bench}: measures the platform on this machine and (re)writes {@code docs/performance.md}.
 *
 * <p>Every figure is a percentile over many repetitions, or a ratio against a baseline measured in the same run.
 * The distributions under test are real ones, unpacked afresh, started with {@code bin/karaf server} on free
 * loopback ports and driven over HTTP; every one of them is stopped at the end, also on failure.
 *
 * <p>Arguments: {@code --only m1,m2} runs some measures only ({@code micro, boot, hotdeploy, swap, throughput,
 * scale, import}), and {@code --quick} fewer repetitions; either writes {@code benchmarks/runner/target/performance-partial.md}
 * instead of the report, which only a full run rewrites.
 */
public final class Benchmarks {
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> ALL = List.of("micro", "boot", "hotdeploy", "swap", "throughput", "scale", "import");

    /** Where things are: {@code bench.properties}, filled in by the build. */
    record Paths(Path root, Path distribution, Path testBundles, Path template, Path bare, Path vanilla, Path vanillaRepository,
            String karafVersion, Path work, Path report) {
        static Paths load() {
            Properties p = new Properties();
            try (InputStream in = Benchmarks.class.getResourceAsStream("/bench.properties")) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Paths(path(p, "root"), path(p, "distribution"), path(p, "test.bundles"), path(p, "template"), path(p, "bare"),
                    path(p, "vanilla"), path(p, "vanilla.repository"), p.getProperty("karaf.version"), path(p, "work"), path(p, "report"));
        }

        private static Path path(Properties p, String key) {
            return Path.of(p.getProperty(key)).toAbsolutePath().normalize();
        }

        void check() {
            for (Path f : List.of(distribution, testBundles.resolve("interlink-testing-sample.jar"), testBundles.resolve("interlink-testing-sample-v2.jar"),
                    template, bare, vanilla, vanillaRepository)) {
                if (!Files.exists(f)) throw new IllegalStateException("Missing " + f + ": build first (./interlink bench builds what is missing)");
            }
        }
    }

    /** How many repetitions: the full run, or a quick one for trying the harness. */
    record Effort(boolean quick) {
        int n(int full, int quick) {
            return this.quick ? quick : full;
        }
    }

    private Benchmarks() {
    }

    public static void main(String[] args) {
        Set<String> only = new LinkedHashSet<>(ALL);
        boolean quick = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--only" -> {
                    if (i + 1 >= args.length) usage("--only needs a list");
                    only = new LinkedHashSet<>(Arrays.asList(args[++i].split(",")));
                    if (!ALL.containsAll(only)) usage("unknown measure in " + only + "; the measures are " + ALL);
                }
                case "--quick" -> quick = true;
                default -> usage("unknown argument '" + args[i] + "'");
            }
        }
        boolean full = !quick && only.containsAll(ALL);
        Paths paths = Paths.load();
        paths.check();
        Effort effort = new Effort(quick);
        long started = System.nanoTime();
        Report report = new Report();
        describeMachine(report, paths);
        GeneratedBundles generated = new GeneratedBundles(paths.template(), paths.work().resolve("generated"));
        log("measuring %s%s; work folder %s", only, quick ? " (quick)" : "", paths.work());

        if (only.contains("micro")) guarded(report, "7", "Micro-benchmarks of the kernel", () -> report.add(Micro.run(effort)));
        if (only.contains("boot")) guarded(report, "4", "Boot and memory", () -> BootAndMemory.run(report, paths, effort));
        if (only.contains("scale") || only.contains("throughput") || only.contains("swap")) {
            Set<String> want = only;
            guarded(report, "2/3/5", "Platform with 10 generated Interlinkers", () -> {
                try (Distribution d = Distribution.ours(paths.distribution(), paths.work().resolve("ten"), "platform with 10 Interlinkers")) {
                    List<Path> jars = new ArrayList<>();
                    for (int n = 1; n <= 10; n++) jars.add(generated.numbered(n));
                    startThenInstall(d, jars, 11, 240);
                    copy(paths.bare(), d.deploy());
                    // Scale first: it compares this platform with a fresh one, so this one must not be trained by
                    // measure 3's minute of load before; swap before that minute too, whose aftermath (5 ms instead
                    // of 1 ms per download, without any swap) is not what measure 2 is about.
                    if (want.contains("scale")) guarded(report, "5", "Scale", () -> scale(report, paths, generated, d, effort));
                    if (want.contains("swap")) guarded(report, "2", "Swap under load", () -> report.add(SwapUnderLoad.run(d, paths, effort)));
                    if (want.contains("throughput")) guarded(report, "3", "Throughput", () -> report.add(Throughput.run(d, effort)));
                }
            });
        }
        if (only.contains("hotdeploy")) {
            guarded(report, "1", "Hot deploy", () -> {
                int installed = effort.n(200, 50);
                try (Distribution d = Distribution.ours(paths.distribution(), paths.work().resolve("two-hundred"), "platform with " + installed + " Interlinkers")) {
                    List<Path> jars = new ArrayList<>();
                    for (int n = 1; n <= installed; n++) jars.add(generated.numbered(n));
                    startThenInstall(d, jars, installed + 1, 600);
                    report.add(HotDeploy.run(d, generated, installed, effort));
                }
            });
        }
        if (only.contains("import")) guarded(report, "5", "Catalogue import", () -> report.add(ImportTime.run(paths, effort)));
        report.sections().sort(Comparator.comparing(Report.Section::number));

        double minutes = (System.nanoTime() - started) / 60e9;
        report.machine(String.format(Locale.ROOT, "benchmark run time: %.1f min (`./interlink bench`, build excluded)", minutes));
        Path out = full ? paths.report() : paths.work().getParent().resolve("performance-partial.md");
        report.write(out, header(full));
        log("done in %.1f min; report: %s", minutes, out);
        System.exit(failures > 0 ? 1 : 0);
    }

    private static int failures;

    /** Measure 5: a second platform, with many Interlinkers, beside {@code ten}, the one with 10. */
    private static void scale(Report report, Paths paths, GeneratedBundles generated, Distribution ten, Effort effort) {
        int many = effort.n(1000, 200);
        try (Distribution d = Distribution.ours(paths.distribution(), paths.work().resolve("thousand"), "platform with " + many + " Interlinkers")) {
            List<Path> jars = new ArrayList<>();
            for (int n = 1; n <= many; n++) jars.add(generated.numbered(n));
            double bootSeconds = startThenInstall(d, jars, many + 1, 900);
            Scale.Probe[] p = Scale.compare(ten, 10, d, many, effort);
            p[1].bootSeconds = bootSeconds;
            p[1].heap = d.heapAfterFullGc();
            report.add(Scale.section(p[0], p[1]));
        }
    }

    /** Runs one measure; its failure is reported (in the report too) and the next measure goes on. */
    private static void guarded(Report report, String number, String title, Runnable measure) {
        long t0 = System.nanoTime();
        log("— %s: %s", number, title);
        try {
            measure.run();
            log("— %s done in %.0f s", title, (System.nanoTime() - t0) / 1e9);
        } catch (RuntimeException | AssertionError e) {
            failures++;
            e.printStackTrace();
            report.failed(number, title, e);
        }
    }

    private static String header(boolean full) {
        return "# Performance\n\n"
                + (full ? "" : "**A partial or quick run: not the report. Run `./interlink bench` for that.**\n\n")
                + "Written by `./interlink bench` (`benchmarks/`, not part of `./interlink test`) on "
                + ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT))
                + ". Do not edit it by hand: the next run rewrites it. Every figure is a percentile over many repetitions, "
                + "or a ratio against a baseline measured in the same run on the same machine; each says how it was obtained. "
                + "The platform runs as an operator runs it: the distribution built by `mvn install` "
                + "(`karaf-assembly/target/*.tar.gz`), unpacked afresh, started with `bin/karaf server`, on free loopback "
                + "ports, driven over HTTP by a plain Java client in another JVM on the same 2 cores.\n\n";
    }

    private static void describeMachine(Report report, Paths paths) {
        report.machine("cores (`nproc`): " + run(List.of("nproc"), 10).strip());
        report.machine("memory: " + meminfo());
        report.machine("CPU: " + cpuModel());
        report.machine("JDK: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (the distributions run on the same JDK, with Karaf's default heap settings)");
        report.machine("kernel (`uname -r`): " + run(List.of("uname", "-r"), 10).strip());
        double busy = cpuBusy(3);
        report.machine("load average at start (`/proc/loadavg`): " + read(Path.of("/proc/loadavg")).strip());
        report.machine(String.format(Locale.ROOT, "CPU in use by anything during the 3 s before the run (`/proc/stat`): %.0f %%", 100 * busy)
                + (busy > 0.2 ? " — **the machine was busy when the run began: other work shared the 2 cores, and the figures are noisier than on a quiet machine**" : ""));
        if (busy > 0.2) log("warning: %.0f %% of the CPU was in use before the run: something else runs on this machine, and the figures will be noisy", 100 * busy);
        report.machine("Karaf " + paths.karafVersion() + "; tree measured: " + gitDescription(paths.root()));
        report.machine("date: " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }

    /** The share of all cores in use over the next {@code seconds}, from {@code /proc/stat}; 0 when unknown. */
    private static double cpuBusy(int seconds) {
        long[] a = cpuTicks();
        sleep(seconds * 1000L);
        long[] b = cpuTicks();
        long total = b[0] - a[0];
        return total <= 0 ? 0 : 1.0 - (double) (b[1] - a[1]) / total;
    }

    /** Total and idle (idle + iowait) jiffies of all cores. */
    private static long[] cpuTicks() {
        String[] f = read(Path.of("/proc/stat")).split("\n")[0].trim().split("\\s+");
        long total = 0;
        try {
            for (int i = 1; i < Math.min(f.length, 9); i++) total += Long.parseLong(f[i]);
            return new long[] {total, Long.parseLong(f[4]) + Long.parseLong(f[5])};
        } catch (RuntimeException unknown) {
            return new long[] {0, 0};
        }
    }

    private static String meminfo() {
        for (String l : read(Path.of("/proc/meminfo")).split("\n")) {
            if (l.startsWith("MemTotal:")) {
                long kb = Long.parseLong(l.replaceAll("\\D", ""));
                return String.format(Locale.ROOT, "%.1f GiB (MemTotal %d kB)", kb / 1024.0 / 1024.0, kb);
            }
        }
        return "unknown";
    }

    private static String cpuModel() {
        for (String l : read(Path.of("/proc/cpuinfo")).split("\n")) {
            if (l.startsWith("model name")) return l.substring(l.indexOf(':') + 1).strip();
        }
        return "unknown";
    }

    private static String gitDescription(Path root) {
        try {
            String commit = run(List.of("git", "-C", root.toString(), "rev-parse", "--short", "HEAD"), 10).strip();
            String dirty = run(List.of("git", "-C", root.toString(), "status", "--porcelain", "--", "bundles", "features", "karaf-assembly"), 10).strip();
            return "commit " + commit + (dirty.isEmpty() ? "" : " with uncommitted changes to the platform");
        } catch (RuntimeException e) {
            return "unknown (no git)";
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "unknown";
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    /**
     * Starts {@code d}, waits until its boot is over (the API answers and Karaf's boot deployment has finished),
     * then installs {@code jars} one after the other through the admin API (each returns once its Interlinker
     * serves) and waits until {@code active} Interlinkers are active. Returns the seconds the installs took.
     *
     * <p>Not through {@code deploy/}: FileInstall lost jars copied there in bulk (measure 1 counts it), before the
     * first start as well as into a running platform.
     */
    static double startThenInstall(Distribution d, List<Path> jars, int active, int seconds) {
        d.start();
        awaitBooted(d, 240);
        long t0 = 0;
        try (Loopback http = new Loopback(d.port).asOperator()) {
            t0 = System.nanoTime(); // after signing in: the installs are measured, not the sign-in
            for (Path jar : jars) {
                Loopback.Response r = http.post("/api/v1/admin/interlinkers", "application/java-archive", Files.readAllBytes(jar));
                if (r.status() != 201) throw new IllegalStateException("install " + jar.getFileName() + " on " + d.name + ": " + r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double took = (System.nanoTime() - t0) / 1e9;
        awaitActive(d, active, seconds);
        return took;
    }

    /** Waits for the first 200 from /api/v1/health and the end of Karaf's boot deployment (in its log). */
    static void awaitBooted(Distribution d, int seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        Path log = d.home.resolve("data/log/karaf.log");
        while (System.nanoTime() < deadline) {
            d.checkAlive();
            if (Loopback.statusNow(d.port, "/api/v1/health") == 200) {
                try {
                    if (Files.isRegularFile(log) && Files.readString(log, StandardCharsets.ISO_8859_1).contains("Registering FeatureDeploymentListener")) return;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            sleep(100);
        }
        throw new IllegalStateException(d.name + " did not finish booting in " + seconds + " s; see " + log);
    }

    /** Waits until the registry of {@code d} reports {@code count} active Interlinkers (health 200). */
    static void awaitActive(Distribution d, int count, int seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        int last = -1;
        long lastLog = System.nanoTime();
        try (Loopback http = new Loopback(d.port, 10_000)) {
            while (System.nanoTime() < deadline) {
                d.checkAlive();
                try {
                    Loopback.Response r = http.get("/api/v1/health");
                    if (r.status() == 200) {
                        last = json(r).path("components").path("registry").path("active").asInt();
                        if (last >= count) {
                            log("%s is up with %d active Interlinkers after %.1f s", d.name, last, d.sinceStart() / 1e9);
                            return;
                        }
                    }
                } catch (IOException notYet) {
                    http.close();
                }
                if (System.nanoTime() - lastLog > 15e9) {
                    log("  waiting for %s: %d of %d Interlinkers active after %.0f s", d.name, Math.max(last, 0), count, d.sinceStart() / 1e9);
                    lastLog = System.nanoTime();
                }
                sleep(200);
            }
        }
        throw new IllegalStateException(d.name + ": " + last + " of " + count + " Interlinkers active after " + seconds + " s; see "
                + d.home.resolve("data/log/karaf.log"));
    }

    static JsonNode json(Loopback.Response r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException("Not JSON: " + r, e);
        }
    }

    static void copy(Path file, Path dir) {
        try {
            Files.copy(file, dir.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a command to its end and returns its output; fails on a non-zero exit. */
    static String run(List<String> command, int timeoutSeconds) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out;
            try (InputStream in = p.getInputStream()) {
                out = in.readAllBytes();
            }
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(command + " took more than " + timeoutSeconds + " s");
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) throw new IllegalStateException(command + " failed (" + p.exitValue() + "): " + text);
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "bench: " + format + "%n", args);
        System.out.flush();
    }

    private static void usage(String problem) {
        System.err.println("bench: " + problem);
        System.err.println("usage: ./interlink bench [--only " + String.join(",", ALL) + "] [--quick]");
        System.exit(2);
    }

    static List<String> list(String... s) {
        return new ArrayList<>(List.of(s));
    }
}
