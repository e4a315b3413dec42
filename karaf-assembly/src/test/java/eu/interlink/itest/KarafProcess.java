package eu.interlink.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The built distribution as an operator runs it, for the tests that need a real process rather than Pax Exam's
 * container: unpacked afresh under target/, started with {@code bin/karaf server} on a free HTTP port, and
 * stopped, or killed with SIGKILL, from the test.
 *
 * <p>Every process started here (the {@code bin/karaf} script and its {@code java}) is remembered; {@link #close()}
 * kills whatever is left of them, and so does a shutdown hook if the test JVM itself is stopped first.
 */
public final class KarafProcess implements AutoCloseable {
    /** Every process any instance started and has not seen end; the shutdown hook's list. */
    private static final Set<ProcessHandle> STARTED = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> STARTED.forEach(ProcessHandle::destroyForcibly), "kill-karaf"));
    }

    private final Path home;
    private final int port;
    private final Http http;
    /** The processes this instance started (scripts and JVMs), alive or not. */
    private final Set<ProcessHandle> mine = ConcurrentHashMap.newKeySet();
    private Process script;
    private int starts;

    private KarafProcess(Path home, int port) {
        this.home = home;
        this.port = port;
        this.http = new Http(port);
    }

    /** Unpacks the distribution this build made into a new folder target/{prefix}-…, on a free HTTP and SSH port. */
    public static KarafProcess unpack(String prefix) throws IOException, InterruptedException {
        return unpack(prefix, new File(System.getProperty("interlink.distribution", "")));
    }

    /** Unpacks another distribution (a platform's, from platforms/) the same way. */
    public static KarafProcess unpack(String prefix, File archive) throws IOException, InterruptedException {
        if (!archive.isFile()) {
            throw new IllegalStateException("No distribution at '" + archive + "': build it first (mvn -B -q install -DskipITs)");
        }
        Path into = Files.createTempDirectory(Path.of("target"), prefix + "-").toAbsolutePath();
        Process tar = new ProcessBuilder("tar", "xzf", archive.getAbsolutePath(), "-C", into.toString(), "--strip-components=1")
                .inheritIO().start();
        assertTrue("tar finished", tar.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, tar.exitValue());
        Path shell = into.resolve("etc/org.apache.karaf.shell.cfg");
        Files.writeString(shell, Files.readString(shell, StandardCharsets.UTF_8)
                .replaceAll("(?m)^sshPort\\s*=.*$", "sshPort = " + Platform.freePort()));
        // The first operator, as Platform.options() configures it for the Pax Exam tests.
        Path identity = into.resolve("etc/eu.interlink.identity.cfg");
        String current = Files.isRegularFile(identity) ? Files.readString(identity, StandardCharsets.UTF_8) : "";
        Files.writeString(identity, current + "\noperator.name = " + Platform.OPERATOR + "\noperator.email = operator@example.org\noperator.password = "
                + Platform.OPERATOR_PASSWORD + "\n");
        if ("postgres".equals(System.getProperty(Platform.STORE))) {
            // The second pass of the suite: this platform's store on a new PostgreSQL database of its own.
            Postgres.configure(into.resolve("etc/org.ops4j.datasource-interlink.cfg"), Postgres.nameFor(prefix + "IT"));
        }
        return new KarafProcess(into, Platform.freePort());
    }

    public Path home() {
        return home;
    }

    public int port() {
        return port;
    }

    public Http http() {
        return http;
    }

    /** Where the console output of the current start goes (one file per start: console-1.log, console-2.log…). */
    public Path consoleLog() {
        return home.resolve("console-" + starts + ".log");
    }

    /**
     * Starts {@code bin/karaf server}. {@code CHECK_ROOT_INSTANCE_RUNNING=false}: after a crash,
     * {@code instances/instance.properties} still names the dead JVM's pid, and if that pid has been reused by
     * another Karaf (another test's, say) the script would refuse to start ("There is a Root instance already
     * running"). The framework's own lock ({@code lock}, a file lock) is released by the OS when the JVM dies.
     */
    public void start() throws IOException {
        if (script != null && script.isAlive()) throw new IllegalStateException("Karaf is already running in " + home);
        starts++;
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(consoleLog().toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("INTERLINK_HTTP_PORT", String.valueOf(port));
        pb.environment().put("CHECK_ROOT_INSTANCE_RUNNING", "false");
        script = pb.start();
        remember(script.toHandle());
    }

    /** The platform's JVM: the {@code java} process under the script (waits for it to appear). */
    public ProcessHandle java() {
        return Await.until("the java process of bin/karaf", Duration.ofSeconds(30), () -> {
            if (!script.isAlive()) throw new AssertionError("bin/karaf exited (" + script.exitValue() + "); see " + consoleLog());
            Optional<ProcessHandle> java = script.toHandle().descendants()
                    .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false)).findFirst();
            java.ifPresent(this::remember);
            return java;
        }, Optional::isPresent).get();
    }

    /** Waits until the API answers and the checklist Interlinker serves, its own endpoints included. */
    public void awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Await.until("the platform to be healthy", timeout, () -> {
            if (!script.isAlive()) throw new AssertionError("Karaf exited; see " + consoleLog() + " and " + home.resolve("data/log/karaf.log"));
            return http.get("/api/v1/health");
        }, a -> a.status() == 200 && http.get("/api/v1/interlinkers/checklist").status() == 200);
        // The checklist's pages register on their own schedule: its 404 problem for an unknown asset is its own.
        Await.until("the checklist's own endpoints", Duration.ofNanos(Math.max(deadline - System.nanoTime(), 1_000_000_000L)),
                () -> http.get("/interlinkers/checklist/assets/no-such-asset/items"),
                a -> a.status() == 404 && a.body().contains("There is no checklist"));
    }

    /** SIGKILL to the platform's JVM (not to the script), then waits for both to be gone. */
    public void kill() throws Exception {
        ProcessHandle java = java();
        java.destroyForcibly();
        java.onExit().get(60, TimeUnit.SECONDS);
        STARTED.remove(java);
        assertTrue("bin/karaf ended after its JVM was killed", script.waitFor(60, TimeUnit.SECONDS));
        STARTED.remove(script.toHandle());
    }

    /** Stops Karaf as a service manager would (SIGTERM to every process of it) and waits for all to be gone. */
    public void stop() throws Exception {
        if (script == null) return;
        List<ProcessHandle> all = new ArrayList<>(script.toHandle().descendants().toList());
        all.add(script.toHandle());
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : all) {
            p.onExit().get(60, TimeUnit.SECONDS);
            STARTED.remove(p);
        }
    }

    /** Removes the unpacked distribution (about 100 MB); call it after a passing run, keep it after a failing one. */
    public void deleteHome() throws IOException {
        close();
        try (var files = Files.walk(home)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    public boolean isAlive() {
        return script != null && script.isAlive();
    }

    private void remember(ProcessHandle p) {
        mine.add(p);
        STARTED.add(p);
    }

    /** Kills whatever is left of every process this instance started, and waits for them to end. */
    @Override
    public void close() {
        List<ProcessHandle> all = new ArrayList<>(mine);
        if (script != null) script.toHandle().descendants().forEach(all::add);
        for (ProcessHandle p : all) p.destroyForcibly();
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                System.err.println("Process " + p.pid() + " did not end: " + e);
            }
            STARTED.remove(p);
        }
    }
}
