package eu.interlink.itest;

import static eu.interlink.itest.Problems.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

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

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Upgrades that go wrong and swaps that are not upgrades: a failing data migration leaves the old version
 * serving with its data intact; an updated bundle (a jar replaced in place) holds requests instead of failing
 * them; a removed Interlinker comes back with its data.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class UpgradeIT {

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return Platform.options();
    }

    private Http ready() {
        Http http = Platform.operator();
        Platform.awaitReady(http);
        if (http.get("/api/v1/interlinkers/sample").status() == 404) Fixtures.install(http, "sample");
        Fixtures.awaitServing(http, "sample", "0.1.0");
        return http;
    }

    private static String create(Http http, String name) {
        Http.Answer a = http.post("/api/v1/assets", Map.of("interlinker", "sample", "params", Map.of("name", name)));
        assertEquals(a.toString(), 201, a.status());
        return a.json().path("id").asText();
    }

    @Test
    public void aFailingMigrationIsRolledBackAndTheOlderVersionKeepsServing() {
        Http http = ready();
        String id = create(http, "before the broken upgrade");

        JsonNode p = assertProblem(http.postRaw("/api/v1/admin/interlinkers/sample/upgrade", "application/java-archive",
                Fixtures.bytes("sample-v3-broken")), 409);
        assertTrue(p.toString(), p.path("detail").asText().contains("failed and was rolled back") && p.path("detail").asText().contains("0.1.0 stays in service"));

        JsonNode serving = http.get("/api/v1/interlinkers/sample").json();
        assertEquals("0.1.0", serving.path("version").asText());
        assertEquals("active", serving.path("status").asText());
        boolean marked = false;
        for (JsonNode v : serving.path("versions")) {
            if (v.path("version").asText().equals("0.3.0")) {
                assertEquals("rejected", v.path("status").asText());
                assertTrue(v.toString(), v.path("reason").asText().contains("migration"));
                marked = true;
            }
        }
        assertTrue("0.3.0 is listed as failed: " + serving, marked);
        // The migration's partial writes are gone: the data is exactly as before.
        assertEquals("before the broken upgrade", http.get("/api/v1/assets/" + id + "/download").json().path("name").asText());
        Http.Answer history = http.get("/api/v1/admin/interlinkers/sample/history");
        JsonNode last = history.json().path("items").path(0);
        assertEquals("upgraded", last.path("action").asText());
        assertEquals("failed", last.path("outcome").asText());
        assertEquals("0.3.0", last.path("version").asText());
        // And it upgrades cleanly to a good version afterwards, then back.
        Http.Answer up = http.postRaw("/api/v1/admin/interlinkers/sample/upgrade", "application/java-archive", Fixtures.bytes("sample-v2"));
        assertEquals(up.toString(), 200, up.status());
        assertEquals("before the broken upgrade", http.get("/api/v1/assets/" + id + "/download").json().path("name").asText());
        assertEquals(200, http.post("/api/v1/admin/interlinkers/sample/rollback", Map.of()).status());
        assertEquals("before the broken upgrade", http.get("/api/v1/assets/" + id + "/download").json().path("name").asText());
        assertProblem(http.post("/api/v1/admin/interlinkers/sample/rollback", Map.of()), 409);
    }

    @Test
    public void aBundleUpdatedInPlaceHoldsRequestsInsteadOfFailingThem() throws Exception {
        Http http = ready();
        String id = create(http, "held");
        Bundle sample = null;
        for (Bundle b : context.getBundles()) {
            if ("eu.interlink.testing.sample".equals(b.getSymbolicName()) && b.getVersion().toString().startsWith("0.1.0") && b.getState() == Bundle.ACTIVE) sample = b;
        }
        assertTrue("the sample bundle is active", sample != null);

        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        List<Thread> clients = new ArrayList<>();
        int[] done = new int[1];
        for (int c = 0; c < 3; c++) {
            Thread t = new Thread(() -> {
                Http mine = Platform.http();
                while (running.get()) {
                    Http.Answer a = mine.get("/api/v1/assets/" + id + "/download");
                    if (a.status() != 200 || !a.json().path("name").asText().equals("held")) failures.add(a.toString());
                    synchronized (done) {
                        done[0]++;
                    }
                }
            });
            t.start();
            clients.add(t);
        }
        try {
            for (int i = 0; i < 5; i++) {
                // Stop, reinstall and start the same bundle: its Interlinker leaves and comes back.
                sample.update(java.nio.file.Files.newInputStream(Fixtures.jar("sample")));
                Fixtures.awaitServing(http, "sample", "0.1.0");
            }
        } finally {
            running.set(false);
            for (Thread t : clients) t.join(30_000);
        }
        System.out.printf("%d requests during 5 in-place updates, %d failed%n", done[0], failures.size());
        assertTrue(failures.size() + " failed, first: " + failures.peek(), failures.isEmpty());
    }

    @Test
    public void aRemovedInterlinkerComesBackWithItsData() {
        Http http = ready();
        String id = create(http, "kept while away");
        assertEquals(204, http.delete("/api/v1/admin/interlinkers/sample").status());
        assertProblem(http.get("/api/v1/interlinkers/sample"), 404);
        assertEquals("unavailable", http.get("/api/v1/assets/" + id).json().path("status").asText());
        JsonNode p = assertProblem(http.get("/api/v1/assets/" + id + "/download"), 503);
        assertTrue(p.path("detail").asText().contains("'sample'"));
        JsonNode health = http.get("/api/v1/health").json().path("components").path("registry");
        assertEquals("unavailable", health.path("interlinkers").path("sample").path("status").asText());
        assertEquals("removed", http.get("/api/v1/admin/interlinkers/sample/history").json().path("items").path(0).path("action").asText());

        Fixtures.install(http, "sample");
        assertEquals("kept while away", http.get("/api/v1/assets/" + id + "/download").json().path("name").asText());
        assertEquals("available", http.get("/api/v1/assets/" + id).json().path("status").asText());
    }
}
