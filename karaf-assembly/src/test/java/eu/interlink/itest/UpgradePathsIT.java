package eu.interlink.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The two other ways a newer version arrives, besides the admin API and the shell: a jar dropped into deploy/
 * next to the older one, and Karaf's own {@code feature:install -u}. Both switch over with the data migrated,
 * under load, without a failed request.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
// In this order: the feature upgrade leaves the data in the newer shape, which the older jar could not read.
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class UpgradePathsIT {

    @Inject
    private FeaturesService features;

    @Configuration
    public Option[] config() {
        return Platform.options();
    }

    /** Reads one asset without pause on a few threads while {@code change} runs; returns the failures. */
    private static List<String> underLoad(String asset, String name, Runnable change) throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger requests = new AtomicInteger();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            Thread t = new Thread(() -> {
                Http mine = Platform.http();
                while (running.get()) {
                    requests.incrementAndGet();
                    Http.Answer a = mine.get("/api/v1/assets/" + asset + "/download");
                    if (a.status() != 200 || !name.equals(a.json().path("name").asText())) failures.add(a.toString());
                }
            });
            t.start();
            clients.add(t);
        }
        try {
            change.run();
        } finally {
            running.set(false);
            for (Thread t : clients) t.join(30_000);
        }
        System.out.printf("%d requests, %d failed%n", requests.get(), failures.size());
        return new ArrayList<>(failures);
    }

    @Test
    public void aNewerJarDroppedIntoDeployTakesOver() throws Exception {
        Http http = Platform.operator();
        Platform.awaitReady(http);
        Path v1 = Fixtures.deploy("sample");
        Fixtures.awaitServing(http, "sample", "0.1.0");
        String asset = http.post("/api/v1/assets", Map.of("interlinker", "sample", "params", Map.of("name", "deployed"))).json().path("id").asText();

        List<String> failures = underLoad(asset, "deployed", () -> {
            Fixtures.deploy("sample-v2");
            Fixtures.awaitServing(http, "sample", "0.2.0");
        });
        assertTrue(failures.size() + " failed: " + failures, failures.isEmpty());
        assertEquals("deployed", http.get("/api/v1/assets/" + asset + "/download").json().path("name").asText());
        // The older bundle stays installed, stopped, for a rollback; its jar is still in deploy/.
        assertTrue(Files.exists(v1));
        assertEquals(200, http.post("/api/v1/admin/interlinkers/sample/rollback", Map.of()).status());
        assertEquals("deployed", http.get("/api/v1/assets/" + asset + "/download").json().path("name").asText());
        Files.delete(deployed("sample-v2"));
        Files.delete(v1);
        Await.until("sample gone", Duration.ofSeconds(15), () -> http.get("/api/v1/interlinkers/sample"), a -> a.status() == 404);
    }

    private static Path deployed(String name) {
        return Path.of(System.getProperty("karaf.base"), "deploy", "interlink-testing-" + name + ".jar");
    }

    @Test
    public void featureInstallUpgradeSwitchesOver() throws Exception {
        Http http = Platform.operator();
        Platform.awaitReady(http);
        Path repo = Path.of(System.getProperty("karaf.base"), "sample-features.xml");
        Files.writeString(repo, "<features name=\"interlink-sample-test\" xmlns=\"http://karaf.apache.org/xmlns/features/v1.6.0\">\n"
                + "  <feature name=\"interlink-sample\" version=\"0.1.0\"><bundle>" + Fixtures.jar("sample").toUri() + "</bundle></feature>\n"
                + "  <feature name=\"interlink-sample\" version=\"0.2.0\"><bundle>" + Fixtures.jar("sample-v2").toUri() + "</bundle></feature>\n"
                + "</features>\n");
        features.addRepository(repo.toUri());
        features.installFeature("interlink-sample", "0.1.0", EnumSet.noneOf(FeaturesService.Option.class));
        Fixtures.awaitServing(http, "sample", "0.1.0");
        String asset = http.post("/api/v1/assets", Map.of("interlinker", "sample", "params", Map.of("name", "featured"))).json().path("id").asText();

        List<String> failures = underLoad(asset, "featured", () -> {
            try {
                features.installFeature("interlink-sample", "0.2.0", EnumSet.of(FeaturesService.Option.Upgrade));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            Fixtures.awaitServing(http, "sample", "0.2.0");
        });
        assertTrue(failures.size() + " failed: " + failures, failures.isEmpty());
        assertEquals("featured", http.get("/api/v1/assets/" + asset + "/download").json().path("name").asText());
        features.uninstallFeature("interlink-sample", "0.2.0");
    }
}
