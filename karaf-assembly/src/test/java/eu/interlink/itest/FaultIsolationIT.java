package eu.interlink.itest;

import static eu.interlink.itest.Problems.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Real faulty bundles, dropped into deploy/ of a serving platform one after another: each shows the right
 * status and a reason that says what to fix, and the kernel and every other Interlinker keep serving.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FaultIsolationIT {
    private Http http;

    @Configuration
    public Option[] config() {
        // Short limits, so that a blocked call and an open circuit show within the test.
        return Platform.options(
                editConfigurationFilePut("etc/eu.interlink.kernel.cfg", "call.timeout.ms", "1500"),
                editConfigurationFilePut("etc/eu.interlink.kernel.cfg", "circuit.failures", "3"),
                editConfigurationFilePut("etc/eu.interlink.kernel.cfg", "circuit.open.ms", "60000"));
    }

    @Test
    public void everyFaultIsContainedAndExplained() {
        http = Platform.operator();
        Platform.awaitReady(http);
        Await.until("the checklist Interlinker", Duration.ofSeconds(60), () -> http.get("/api/v1/interlinkers/checklist"), a -> a.status() == 200);
        Fixtures.install(http, "sample");
        othersStillServe();

        // Throws in activation: its component never comes up.
        Fixtures.deploy("faulty-activation");
        assertRejected("eu.interlink.testing.faulty.activation", "failed to activate");
        othersStillServe();

        // Its descriptor throws.
        Fixtures.deploy("faulty-descriptor");
        assertRejected("eu.interlink.testing.faulty.descriptor", "descriptor() failed");
        othersStillServe();

        // Needs a package nobody exports.
        Fixtures.deploy("faulty-missing-import");
        assertRejected("eu.interlink.testing.faulty.missing.import", "org.example.nowhere");
        othersStillServe();

        // Built for API 2.x.
        Fixtures.deploy("faulty-api-major");
        JsonNode major = assertRejected("eu.interlink.testing.faulty.api.major", "Interlinker API [2.0.0,3.0.0)");
        assertTrue(major.toString(), major.path("reason").asText().contains("serves 1.0.0"));
        othersStillServe();

        // Takes the id of another bundle's Interlinker.
        Fixtures.deploy("faulty-duplicate-id");
        assertRejected("eu.interlink.testing.faulty.duplicate", "already taken by bundle eu.interlink.testing.sample");
        assertEquals("eu.interlink.testing.sample", http.get("/api/v1/interlinkers/sample").json().path("bundle").path("symbolicName").asText());
        othersStillServe();

        // Throws on every call: 502 each time, then its circuit opens and it is marked failing (503 at once).
        Fixtures.deploy("faulty-calls");
        Await.until("faulty-calls listed", Duration.ofSeconds(15), () -> http.get("/api/v1/interlinkers/faulty-calls"), a -> a.status() == 200);
        for (int i = 0; i < 3; i++) {
            assertProblem(http.post("/api/v1/assets", Map.of("interlinker", "faulty-calls", "params", Map.of())), 502);
        }
        JsonNode failing = assertProblem(http.post("/api/v1/assets", Map.of("interlinker", "faulty-calls", "params", Map.of())), 503);
        assertEquals("urn:interlink:problem:interlinker-failing", failing.path("type").asText());
        assertEquals("failing", http.get("/api/v1/interlinkers/faulty-calls").json().path("status").asText());
        assertEquals("failing", http.get("/api/v1/health").json().path("components").path("registry").path("interlinkers").path("faulty-calls").path("status").asText());
        othersStillServe();

        // Blocks forever: the kernel gives up after its time limit, and the request is answered.
        Fixtures.deploy("faulty-blocking");
        Await.until("faulty-blocking listed", Duration.ofSeconds(15), () -> http.get("/api/v1/interlinkers/faulty-blocking"), a -> a.status() == 200);
        long start = System.nanoTime();
        JsonNode timeout = assertProblem(http.post("/api/v1/assets", Map.of("interlinker", "faulty-blocking", "params", Map.of())), 504);
        long took = (System.nanoTime() - start) / 1_000_000;
        assertTrue(timeout.toString(), timeout.path("detail").asText().contains("1500 ms"));
        assertTrue("answered after " + took + " ms", took < 15_000);
        othersStillServe();

        // Leaks threads: it works, and does not disturb anyone (the soak test watches thread counts).
        Fixtures.deploy("faulty-thread-leak");
        Await.until("faulty-thread-leak listed", Duration.ofSeconds(15), () -> http.get("/api/v1/interlinkers/faulty-thread-leak"), a -> a.status() == 200);
        assertEquals(201, http.post("/api/v1/assets", Map.of("interlinker", "faulty-thread-leak", "params", Map.of())).status());
        othersStillServe();

        // All of them together, and the good ones are still the good ones.
        JsonNode all = http.get("/api/v1/interlinkers?limit=100").json();
        int rejected = 0;
        for (JsonNode e : all.path("items")) if (e.path("status").asText().equals("rejected")) rejected++;
        assertEquals(all.toString(), 5, rejected);
        assertEquals("UP", http.get("/api/v1/health").json().path("status").asText());
        String metrics = http.get("/metrics").body();
        assertTrue(metrics, metrics.contains("interlink_interlinker_calls_total{interlinker=\"faulty-calls\",outcome=\"error\"} 3"));
        assertTrue(metrics, metrics.contains("interlink_interlinker_calls_total{interlinker=\"faulty-blocking\",outcome=\"timeout\"} 1"));
        assertTrue(metrics, metrics.contains("interlink_interlinker_status{interlinker=\"faulty-calls\",status=\"failing\"} 1"));
    }

    /** The refused bundle is listed as rejected, with a reason containing {@code because}. */
    private JsonNode assertRejected(String symbolicName, String because) {
        Http.Answer listed = Await.until(symbolicName + " rejected", Duration.ofSeconds(20), () -> http.get("/api/v1/interlinkers?limit=100"),
                a -> find(a.json(), symbolicName) != null);
        JsonNode e = find(listed.json(), symbolicName);
        assertEquals(e.toString(), "rejected", e.path("status").asText());
        assertTrue(e.toString(), e.path("reason").asText().contains(because));
        return e;
    }

    private static JsonNode find(JsonNode list, String symbolicName) {
        for (JsonNode e : list.path("items")) {
            if (symbolicName.equals(e.path("bundle").path("symbolicName").asText()) && e.path("status").asText().equals("rejected")) return e;
        }
        return null;
    }

    /** The kernel and the good Interlinkers answer as before. */
    private void othersStillServe() {
        assertEquals(200, http.get("/api/v1/health").status());
        for (String id : List.of("checklist", "sample")) {
            Http.Answer created = http.post("/api/v1/assets", Map.of("interlinker", id, "params", Map.of("title", "still here", "name", "still here")));
            assertEquals(created.toString(), 201, created.status());
            Http.Answer download = http.get("/api/v1/assets/" + created.json().path("id").asText() + "/download");
            assertEquals(download.toString(), 200, download.status());
            assertTrue(download.body(), download.body().contains("still here"));
        }
    }
}
