package eu.interlink.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * What an Interlinker author does, from an empty folder: generate a project from the archetype, build it with
 * {@code mvn verify} (which runs its unit test and its own Pax Exam test with the conformance kit), and drop the
 * bundle into the running platform, where the catalogue lists it and its page serves. The same for a knowledge
 * pack, which builds, starts and is listed in the catalogue by the knowledge extender.
 *
 * <p>Maven runs offline on the local repository this build filled, so the platform's artifacts must be installed
 * there: run it after {@code mvn install} ({@code ./interlink test} does).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ArchetypeIT {
    private static final String[] PASSED = {"interlink.maven.home", "interlink.test.repository", "interlink.version", "interlink.archetype.plugin"};

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        List<Option> more = new ArrayList<>();
        for (String p : PASSED) more.add(systemProperty(p).value(System.getProperty(p)));
        more.add(systemProperty("interlink.test.work").value(new File("target/archetype-it").getAbsolutePath()));
        more.add(systemProperty("interlink.test.distribution").value(new File(System.getProperty("interlink.distribution")).getAbsolutePath()));
        return Platform.options(more.toArray(new Option[0]));
    }

    @Test
    public void aGeneratedInterlinkerBuildsAndHotDeploys() throws Exception {
        Http http = Platform.http();
        Path work = Path.of(System.getProperty("interlink.test.work"));
        deleteTree(work);
        Files.createDirectories(work);
        requireInstalled("interlink-api", "interlink-testkit", "interlink-archetype-software");

        long start = System.nanoTime();
        maven(work, work.resolve("generate.log"), generate("interlink-archetype-software", "org.example.ci", "ci-notes",
                "-DinterlinkerName=Notes from CI", "-DclassPrefix=CiNotes"));
        Path project = work.resolve("ci-notes");
        assertTrue(Files.isRegularFile(project.resolve("src/main/java/org/example/ci/CiNotesInterlinker.java")));
        // The project's own build, tests included: its unit test and its Pax Exam test run the conformance kit.
        maven(project, work.resolve("verify.log"), List.of("verify", "-Dmdep.skip=true",
                "-Dinterlink.distribution=" + System.getProperty("interlink.test.distribution"),
                "-Dinterlink.testkit=" + Path.of(System.getProperty(Platform.BUNDLES), "interlink-testkit.jar")));
        String log = Files.readString(work.resolve("verify.log"));
        assertTrue(log, log.contains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0") && log.contains("CiNotesConformanceIT"));
        System.out.printf("generate and verify: %d s%n", (System.nanoTime() - start) / 1_000_000_000);

        Platform.awaitReady(http);
        Await.until("the checklist Interlinker", Duration.ofSeconds(60), () -> http.get("/api/v1/interlinkers/checklist"), a -> a.status() == 200);
        Path dropped = Path.of(System.getProperty("karaf.base"), "deploy", "ci-notes.jar");
        Files.copy(project.resolve("target/ci-notes-0.1.0-SNAPSHOT.jar"), dropped, StandardCopyOption.REPLACE_EXISTING);
        Http.Answer listed = Await.until("ci-notes in the catalogue", Duration.ofSeconds(30),
                () -> http.get("/api/v1/interlinkers/ci-notes"), a -> a.status() == 200);
        assertEquals("Notes from CI", listed.json().path("name").asText());
        assertEquals(1, CatalogueIT.count(http.get("/api/v1/interlinkers?limit=100").json(), "ci-notes"));

        Http.Answer created = http.post("/api/v1/assets", Map.of("interlinker", "ci-notes", "params", Map.of("title", "Retrospective", "text", "Keep <b>it</b> short.")));
        assertEquals(created.toString(), 201, created.status());
        Http.Answer page = http.get("/interlinkers/ci-notes/assets/" + created.json().path("id").asText());
        assertEquals(page.toString(), 200, page.status());
        assertTrue(page.body(), page.body().contains("<h1>Retrospective</h1>") && page.body().contains("Keep &lt;b&gt;it&lt;/b&gt; short."));
        Files.delete(dropped);
        Await.until("ci-notes to leave", Duration.ofSeconds(30), () -> http.get("/api/v1/interlinkers/ci-notes"), a -> a.status() == 404);
    }

    @Test
    public void aGeneratedKnowledgePackBuildsAndStarts() throws Exception {
        Path work = Path.of(System.getProperty("interlink.test.work")).resolve("knowledge");
        deleteTree(work);
        Files.createDirectories(work);
        requireInstalled("interlink-archetype-knowledge");
        maven(work, work.resolve("generate.log"), generate("interlink-archetype-knowledge", "org.example.ci", "ci-guide", "-DpackName=Guide from CI"));
        Path project = work.resolve("ci-guide");
        assertTrue(Files.isRegularFile(project.resolve("src/main/resources/knowledge/ci-guide/interlinker.json")));
        maven(project, work.resolve("verify.log"), List.of("verify"));

        Path dropped = Path.of(System.getProperty("karaf.base"), "deploy", "ci-guide.jar");
        Files.copy(project.resolve("target/ci-guide-0.1.0-SNAPSHOT.jar"), dropped, StandardCopyOption.REPLACE_EXISTING);
        Bundle pack = Await.until("the pack to start", Duration.ofSeconds(30), () -> find("org.example.ci.ci-guide"),
                b -> b != null && b.getState() == Bundle.ACTIVE);
        assertEquals("knowledge", pack.getHeaders().get("Interlink-Knowledge"));
        assertTrue(pack.getEntry("knowledge/ci-guide/es/instructions.md") != null);
        Http http = Platform.http();
        Http.Answer listed = Await.until("ci-guide in the catalogue", Duration.ofSeconds(30), () -> http.get("/api/v1/interlinkers/ci-guide?lang=es"),
                a -> a.status() == 200);
        assertEquals("knowledge", listed.json().path("nature").asText());
        assertEquals("pack", listed.json().path("origin").asText());
        assertEquals("Guide from CI", listed.json().path("name").asText());
        Files.delete(dropped);
        Await.until("ci-guide to leave", Duration.ofSeconds(30), () -> http.get("/api/v1/interlinkers/ci-guide"), a -> a.status() == 404);
    }

    private Bundle find(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) return b;
        }
        return null;
    }

    private static List<String> generate(String archetype, String groupId, String artifactId, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "org.apache.maven.plugins:maven-archetype-plugin:" + System.getProperty("interlink.archetype.plugin") + ":generate",
                "-DarchetypeGroupId=eu.interlink", "-DarchetypeArtifactId=" + archetype,
                "-DarchetypeVersion=" + System.getProperty("interlink.version"),
                "-DgroupId=" + groupId, "-DartifactId=" + artifactId, "-Dversion=0.1.0-SNAPSHOT"));
        args.addAll(List.of(more));
        return args;
    }

    /** The platform's artifacts the generated projects resolve, from the local repository. */
    private static void requireInstalled(String... artifactIds) {
        String version = System.getProperty("interlink.version");
        for (String a : artifactIds) {
            Path jar = Path.of(System.getProperty("interlink.test.repository"), "eu", "interlink", a, version, a + "-" + version + ".jar");
            assertTrue(jar + " is not in the local repository: run 'mvn install' (./interlink test does) before this test", Files.isRegularFile(jar));
        }
    }

    /** Runs Maven offline in {@code dir}, its output in {@code log}; fails with the log's end. */
    private static void maven(Path dir, Path log, List<String> goals) throws IOException, InterruptedException {
        String home = System.getProperty("interlink.maven.home");
        List<String> command = new ArrayList<>(List.of(Path.of(home, "bin", "mvn").toString(), "-B", "-o", "-Dstyle.color=never",
                "-Dmaven.repo.local=" + System.getProperty("interlink.test.repository")));
        command.addAll(goals);
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("mvn " + goals.get(0) + " did not finish within 5 minutes; see " + log);
        }
        if (p.exitValue() != 0) {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            throw new AssertionError("mvn " + String.join(" ", goals) + " failed in " + dir + ":\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size())));
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
