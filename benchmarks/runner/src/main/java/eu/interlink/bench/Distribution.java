package eu.interlink.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One Karaf distribution on this machine: unpacked afresh from its archive, configured to listen on free loopback
 * ports only, started as an operator does ({@code bin/karaf server}) and stopped again. Every distribution still
 * running when the benchmarks end, normally or not, is killed by a shutdown hook.
 */
final class Distribution implements AutoCloseable {
    private static final Set<Distribution> RUNNING = ConcurrentHashMap.newKeySet();
    private static final int LOWEST_PORT = 20000;
    private static final int PORTS = 12000;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Distribution::kill), "bench-kill-distributions"));
    }

    final String name;
    final Path home;
    final int port;
    private final boolean ours;
    private Process process;
    private long startedNanos;

    private Distribution(String name, Path home, int port, boolean ours) {
        this.name = name;
        this.home = home;
        this.port = port;
        this.ours = ours;
    }

    /** Our distribution, unpacked into {@code dir} (emptied first); HTTP on a free loopback port, given as INTERLINK_HTTP_PORT. */
    static Distribution ours(Path archive, Path dir, String name) {
        Path home = unpack(archive, dir);
        Distribution d = new Distribution(name, home, freePort(), true);
        d.edit("etc/org.ops4j.pax.web.cfg", "(?m)^org\\.ops4j\\.pax\\.web\\.listening\\.addresses\\s*=.*$", "org.ops4j.pax.web.listening.addresses = 127.0.0.1");
        d.edit("etc/org.apache.karaf.shell.cfg", "(?m)^sshPort\\s*=.*$", "sshPort = " + freePort());
        d.edit("etc/org.apache.karaf.shell.cfg", "(?m)^sshHost\\s*=.*$", "sshHost = 127.0.0.1");
        // The first operator, for the benchmarks that use the admin API (Loopback.asOperator).
        d.edit("etc/eu.interlink.identity.cfg", "(?m)^#operator\\.name\\s*=.*$", "operator.name = " + Loopback.OPERATOR);
        d.edit("etc/eu.interlink.identity.cfg", "(?m)^#operator\\.email\\s*=.*$", "operator.email = bench@example.org");
        d.edit("etc/eu.interlink.identity.cfg", "(?m)^#operator\\.password\\s*=.*$", "operator.password = " + Loopback.OPERATOR_PASSWORD);
        return d;
    }

    /**
     * The plain Karaf distribution, with {@code bootFeatures} added to its boot features. Offline like ours: its
     * Maven resolver reads only its own {@code system/} and the folders in {@code repositories} (our distribution's
     * {@code system/}, which holds the very same web and persistence bundles, and what the runner's build copied for
     * it), never the network nor the user's {@code ~/.m2}.
     */
    static Distribution vanilla(Path archive, Path dir, String name, List<String> bootFeatures, List<Path> repositories) {
        Path home = unpack(archive, dir);
        Distribution d = new Distribution(name, home, freePort(), false);
        d.write("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.enabled = true\n"
                + "org.osgi.service.http.port = " + d.port + "\n"
                + "org.ops4j.pax.web.listening.addresses = 127.0.0.1\n");
        d.edit("etc/org.apache.karaf.shell.cfg", "(?m)^sshPort\\s*=.*$", "sshPort = " + freePort());
        d.edit("etc/org.apache.karaf.shell.cfg", "(?m)^sshHost\\s*=.*$", "sshHost = 127.0.0.1");
        d.edit("etc/org.apache.karaf.management.cfg", "(?m)^rmiRegistryPort\\s*=.*$", "rmiRegistryPort = " + freePort());
        d.edit("etc/org.apache.karaf.management.cfg", "(?m)^rmiServerPort\\s*=.*$", "rmiServerPort = " + freePort());
        d.edit("etc/org.apache.karaf.management.cfg", "(?m)^rmiRegistryHost\\s*=.*$", "rmiRegistryHost = 127.0.0.1");
        d.edit("etc/org.apache.karaf.management.cfg", "(?m)^rmiServerHost\\s*=.*$", "rmiServerHost = 127.0.0.1");
        d.edit("etc/org.apache.karaf.features.cfg", "(?m)^featuresBoot\\s*=\\s*\\\\$",
                "featuresBoot = \\\\\n    " + String.join(", \\\\\n    ", bootFeatures) + ", \\\\");
        // The same resolver settings as ours (karaf-assembly's etc/org.ops4j.pax.url.mvn.cfg), plus the extra folders.
        StringBuilder repos = new StringBuilder("${karaf.home.uri}${karaf.default.repository}@id=system.repository@snapshots, "
                + "${karaf.data.uri}kar@id=kar.repository@multi@snapshots");
        int n = 0;
        for (Path r : repositories) repos.append(", ").append(r.toUri()).append("@id=extra").append(++n).append("@snapshots");
        d.write("etc/org.ops4j.pax.url.mvn.cfg", "# Offline, like our distribution: no remote repository.\n"
                + "org.ops4j.pax.url.mvn.certificateCheck = true\n"
                + "org.ops4j.pax.url.mvn.useFallbackRepositories = false\n"
                // Not the user's ~/.m2 (pax-url's default): what the baseline resolves must not depend on the machine.
                + "org.ops4j.pax.url.mvn.localRepository = ${karaf.data}/repository\n"
                + "org.ops4j.pax.url.mvn.defaultRepositories = " + repos + "\n"
                + "org.ops4j.pax.url.mvn.repositories =\n");
        return d;
    }

    Path deploy() {
        return home.resolve("deploy");
    }

    /** Starts {@code bin/karaf server}; the clock of {@link #sinceStart()} starts here. */
    void start() {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("console.log").toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("KARAF_") || k.equals("JAVA_OPTS") || k.equals("EXTRA_JAVA_OPTS")
                || k.equals("INTERLINK_HTTP_PORT") || k.startsWith("JAVA_MAX_MEM") || k.startsWith("JAVA_MIN_MEM"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        if (ours) env.put("INTERLINK_HTTP_PORT", String.valueOf(port));
        // For finding where the time goes, not for the figures: -Dbench.jfr records each distribution with JFR.
        if (Boolean.getBoolean("bench.jfr")) {
            env.put("EXTRA_JAVA_OPTS", "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + home.resolve("flight.jfr"));
        }
        try {
            RUNNING.add(this);
            startedNanos = System.nanoTime();
            process = pb.start();
        } catch (IOException e) {
            RUNNING.remove(this);
            throw new UncheckedIOException("Could not start " + home.resolve("bin/karaf"), e);
        }
    }

    long sinceStart() {
        return System.nanoTime() - startedNanos;
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** Fails with where to look when the distribution died. */
    void checkAlive() {
        if (!alive()) throw new IllegalStateException(name + " exited; see " + home.resolve("console.log") + " and " + home.resolve("data/log/karaf.log"));
    }

    /** The JVM's process id (bin/karaf runs java as its child). */
    long javaPid() {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            Optional<ProcessHandle> java = Stream.concat(Stream.of(process.toHandle()), process.toHandle().descendants())
                    .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false)).findFirst();
            if (java.isPresent()) return java.get().pid();
            Benchmarks.sleep(50);
        }
        throw new IllegalStateException("No java process under " + name);
    }

    /** Heap in use after a full collection, in bytes, and Metaspace in use: {@code jcmd GC.run} then {@code GC.heap_info}. */
    long[] heapAfterFullGc() {
        long pid = javaPid();
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        Benchmarks.run(List.of(jcmd, String.valueOf(pid), "GC.run"), 60);
        String info = Benchmarks.run(List.of(jcmd, String.valueOf(pid), "GC.heap_info"), 60);
        Matcher heap = Pattern.compile("(?m)^\\s*\\S.*heap\\s+total\\s+(\\d+)K, used (\\d+)K").matcher(info);
        Matcher meta = Pattern.compile("(?m)^\\s*Metaspace\\s+used (\\d+)K").matcher(info);
        if (!heap.find() || !meta.find()) throw new IllegalStateException("Cannot read jcmd GC.heap_info of " + name + ":\n" + info);
        return new long[] {Long.parseLong(heap.group(2)) * 1024, Long.parseLong(meta.group(1)) * 1024};
    }

    /** CPU time the JVM has used so far (user and system), in seconds, from {@code /proc/<pid>/stat}. */
    double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(javaPid()), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / (double) CLOCK_TICKS;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final long CLOCK_TICKS = Long.parseLong(Benchmarks.run(List.of("getconf", "CLK_TCK"), 10).strip());

    /** Stops it as a service manager would (SIGTERM), and kills what is left after 20 s. */
    @Override
    public void close() {
        if (process == null) return;
        List<ProcessHandle> all = new ArrayList<>(process.toHandle().descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
        kill();
        RUNNING.remove(this);
    }

    private void kill() {
        if (process == null) return;
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void edit(String file, String regex, String replacement) {
        Path f = home.resolve(file);
        try {
            String before = Files.readString(f, StandardCharsets.ISO_8859_1);
            if (!Pattern.compile(regex).matcher(before).find()) throw new IllegalStateException("No '" + regex + "' in " + f);
            Files.writeString(f, before.replaceAll(regex, replacement), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces this distribution's {@code bin/setenv} (its JVM options) by {@code setenv}. */
    void setenv(Path setenv) {
        try {
            Files.copy(setenv, home.resolve("bin/setenv"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String file, String content) {
        try {
            Files.writeString(home.resolve(file), content, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path unpack(Path archive, Path dir) {
        deleteTree(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Benchmarks.run(List.of("tar", "xzf", archive.toString(), "-C", dir.toString(), "--strip-components=1"), 300);
        return dir;
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A free loopback port below Linux's ephemeral range (32768–60999), never the same twice in a run. A port the
     * kernel picks (port 0) comes from that range, where the benchmarks' own connections (one per 10 ms poll) take
     * their local ports: one of them once held the port a distribution was given, and it failed to bind.
     */
    static int freePort() {
        int first = ThreadLocalRandom.current().nextInt(PORTS);
        for (int i = 0; i < PORTS; i++) {
            int port = LOWEST_PORT + (first + i) % PORTS;
            if (HANDED_OUT.contains(port)) continue;
            try (ServerSocket s = new ServerSocket()) {
                s.setReuseAddress(false);
                s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            } catch (IOException busy) {
                continue;
            }
            if (HANDED_OUT.add(port)) return port;
        }
        throw new IllegalStateException("No free loopback port from " + LOWEST_PORT + " to " + (LOWEST_PORT + PORTS - 1));
    }

    @Override
    public String toString() {
        return name + " (" + home + ", port " + port + ")";
    }
}
