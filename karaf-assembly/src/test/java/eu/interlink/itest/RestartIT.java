package eu.interlink.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The distribution as an operator runs it: unpacked, started with {@code bin/karaf server}, stopped, started
 * again. What the kernel and the Interlinker wrote before the restart is all there after it, in the H2 file
 * under data/.
 */
public class RestartIT {
    private Process karaf;
    private Path home;
    private int port;

    @Test
    public void dataWrittenBeforeARestartIsThereAfterIt() throws Exception {
        home = unpack();
        port = Platform.freePort();
        configure(home);
        Http http = new Http(port);

        start();
        awaitHealthy(http);
        Http.Answer created = http.post("/api/v1/assets", Map.of("interlinker", "checklist",
                "params", Map.of("title", "Survives restarts", "items", List.of("Before the restart"))));
        assertEquals(created.toString(), 201, created.status());
        String id = created.json().path("id").asText();
        assertEquals(201, http.post("/interlinkers/checklist/assets/" + id + "/items", Map.of("text", "Also before")).status());
        // The platform-wide activity log is for operators (their session, kept in the store, outlives the restart).
        Http operator = new Http(port);
        assertEquals(200, operator.signIn(Platform.OPERATOR, Platform.OPERATOR_PASSWORD).status());
        Await.until("the creation in the activity log", Duration.ofSeconds(10),
                () -> operator.get("/api/v1/activity?subjectType=asset&subjectId=" + id), a -> a.json().path("total").asInt() == 1);
        stop();
        assertTrue("the H2 file", Files.isRegularFile(home.resolve("data/interlink/interlink.mv.db")));

        start();
        awaitHealthy(http);
        JsonNode asset = http.get("/api/v1/assets/" + id).json();
        assertEquals("Survives restarts", asset.path("name").asText());
        assertEquals("available", asset.path("status").asText());
        // The Interlinker's own servlet registers on its own schedule after the kernel lists it.
        JsonNode items = Await.until("the checklist's own endpoint", Duration.ofSeconds(30),
                () -> http.get("/interlinkers/checklist/assets/" + id + "/items"), a -> a.status() != 404 && a.status() != -1)
                .json().path("items");
        assertEquals(2, items.size());
        assertEquals("Also before", items.path(1).path("text").asText());
        assertEquals("eu/interlink/asset/CREATED",
                operator.get("/api/v1/activity?subjectType=asset&subjectId=" + id).json().path("items").path(0).path("topic").asText());
    }

    private static Path unpack() throws IOException, InterruptedException {
        File archive = new File(System.getProperty("interlink.distribution"));
        Path into = Files.createTempDirectory(Path.of("target"), "restart-");
        Process tar = new ProcessBuilder("tar", "xzf", archive.getAbsolutePath(), "-C", into.toString(), "--strip-components=1")
                .inheritIO().start();
        assertTrue("tar finished", tar.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, tar.exitValue());
        return into.toAbsolutePath();
    }

    private static void configure(Path home) throws IOException {
        Path shell = home.resolve("etc/org.apache.karaf.shell.cfg");
        Files.writeString(shell, Files.readString(shell, StandardCharsets.UTF_8).replaceAll("(?m)^sshPort\\s*=.*$", "sshPort = " + Platform.freePort()));
        // The first operator, as KarafProcess configures it.
        Path identity = home.resolve("etc/eu.interlink.identity.cfg");
        String current = Files.isRegularFile(identity) ? Files.readString(identity, StandardCharsets.UTF_8) : "";
        Files.writeString(identity, current + "\noperator.name = " + Platform.OPERATOR + "\noperator.email = operator@example.org\noperator.password = "
                + Platform.OPERATOR_PASSWORD + "\n");
    }

    private void start() throws IOException {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("console.log").toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        // The documented way to choose the port (etc/org.ops4j.pax.web.cfg reads it).
        pb.environment().put("INTERLINK_HTTP_PORT", String.valueOf(port));
        karaf = pb.start();
    }

    /** Stops Karaf as a service manager would (SIGTERM) and waits for every process of it to be gone. */
    private void stop() throws Exception {
        List<ProcessHandle> all = new java.util.ArrayList<>(karaf.toHandle().descendants().toList());
        all.add(karaf.toHandle());
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : all) p.onExit().get(60, TimeUnit.SECONDS);
    }

    private void awaitHealthy(Http http) {
        Await.until("the platform to be healthy", Duration.ofSeconds(90), () -> {
            if (!karaf.isAlive()) throw new AssertionError("Karaf exited; see " + home.resolve("console.log"));
            return http.get("/api/v1/health");
        }, a -> a.status() == 200 && http.get("/api/v1/interlinkers/checklist").status() == 200);
    }

    @After
    public void killWhatIsLeft() {
        if (karaf != null && karaf.isAlive()) {
            karaf.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            karaf.destroyForcibly();
        }
    }
}
