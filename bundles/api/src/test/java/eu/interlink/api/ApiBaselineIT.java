package eu.interlink.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.junit.Test;

/**
 * The API baseline fails the build for real. Copies of this API's sources are built as a bundle of their own
 * (group {@code eu.interlink.baselinetest}), inheriting the baseline configuration of {@code bundles/pom.xml}: a
 * "release" 1.0.0 is installed; then an unchanged 1.0.1 passes, a 1.0.1 with a new abstract method on the
 * {@code @ConsumerType} {@code Interlinker} but the same package version fails with bnd's baseline mismatch, and
 * the same change with a major bump passes. Maven runs offline on the local repository of this build.
 */
public class ApiBaselineIT {
    private static final Path WORK = Path.of("target/baseline-it").toAbsolutePath();
    private static final Path SOURCES = Path.of("src/main/java").toAbsolutePath();
    private static final Path BUNDLES_POM = Path.of("../pom.xml").toAbsolutePath().normalize();

    private static final UnaryOperator<String> BREAK_INTERLINKER = s -> s.replace("public interface Interlinker {",
            "public interface Interlinker {\n\n    /** New and abstract: every Interlinker written for 1.0 stops compiling. */\n    String mustNowBeImplemented();\n");

    @Test
    public void anIncompatibleChangeWithoutAMajorBumpFailsTheBuild() throws Exception {
        deleteTree(WORK);
        String release = build("release", "1.0.0", UnaryOperator.identity(), UnaryOperator.identity(), "install");
        assertTrue(release, release.contains("BUILD SUCCESS"));

        String unchanged = build("unchanged", "1.0.1", UnaryOperator.identity(), UnaryOperator.identity(), "verify");
        assertTrue(unchanged, unchanged.contains("The baseline version was found to be 1.0.0") && unchanged.contains("BUILD SUCCESS"));

        String broken = build("broken", "1.0.1", BREAK_INTERLINKER, UnaryOperator.identity(), "verify");
        assertTrue(broken, broken.contains("BUILD FAILURE"));
        assertTrue(broken, broken.contains("Baseline problems detected"));
        // The package needs 2.0.0 where it says 1.0.0, because of the new method.
        assertTrue(broken, java.util.regex.Pattern.compile("\\* eu\\.interlink\\.api\\s+PACKAGE\\s+MAJOR\\s+1\\.0\\.0\\s+1\\.0\\.0\\s+2\\.0\\.0").matcher(broken).find());
        assertTrue(broken, broken.contains("ADDED        METHOD     mustNowBeImplemented()"));

        String bumped = build("bumped", "2.0.0", BREAK_INTERLINKER, s -> s.replace("@Version(\"1.0.0\")", "@Version(\"2.0.0\")"), "verify");
        assertTrue(bumped, bumped.contains("BUILD SUCCESS"));
    }

    /** Builds a copy of the API's sources, changed by the two functions; returns Maven's output. */
    private static String build(String name, String version, UnaryOperator<String> interlinker, UnaryOperator<String> packageInfo, String goal)
            throws IOException, InterruptedException {
        Path project = WORK.resolve(name);
        Path target = project.resolve("src/main/java");
        try (var files = Files.walk(SOURCES)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path copy = target.resolve(SOURCES.relativize(f).toString());
                Files.createDirectories(copy.getParent());
                String text = Files.readString(f, StandardCharsets.UTF_8);
                if (f.endsWith("Interlinker.java")) text = interlinker.apply(text);
                if (f.endsWith("package-info.java")) text = packageInfo.apply(text);
                Files.writeString(copy, text, StandardCharsets.UTF_8);
            }
        }
        Files.writeString(project.resolve("pom.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <parent>
                    <groupId>eu.interlink</groupId>
                    <artifactId>interlink-bundles</artifactId>
                    <version>%s</version>
                    <relativePath>%s</relativePath>
                  </parent>
                  <groupId>eu.interlink.baselinetest</groupId>
                  <artifactId>interlink-api-copy</artifactId>
                  <version>%s</version>
                  <dependencies>
                    <dependency><groupId>org.osgi</groupId><artifactId>osgi.core</artifactId></dependency>
                  </dependencies>
                  <build>
                    <plugins><plugin><groupId>biz.aQute.bnd</groupId><artifactId>bnd-baseline-maven-plugin</artifactId></plugin></plugins>
                  </build>
                </project>
                """.formatted(System.getProperty("interlink.version"), project.relativize(BUNDLES_POM), version), StandardCharsets.UTF_8);

        Path log = WORK.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("interlink.maven.home"), "bin", "mvn").toString(),
                "-B", "-o", "-Dstyle.color=never", "-Dmaven.repo.local=" + System.getProperty("interlink.test.repository"), goal));
        ProcessBuilder pb = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        p.getOutputStream().close();
        assertTrue("mvn " + goal + " of the " + name + " copy did not finish within 3 minutes", p.waitFor(3, TimeUnit.MINUTES));
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(output, output.contains("BUILD SUCCESS") ? 0 : 1, p.exitValue());
        return output;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
