package eu.interlink.itest;

import static eu.interlink.itest.Problems.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

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

/** The admin API an operator (or a script) uses: install, disable, enable, remove, history, health, metrics. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class OperatorIT {
    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return Platform.options();
    }

    /** The health is only up when every endpoint serves; with part of the API gone it says which part. */
    @Test
    public void healthNamesTheEndpointsThatAreNotServing() throws Exception {
        Http http = Platform.operator();
        Platform.awaitReady(http);
        JsonNode api = http.get("/api/v1/health").json().path("components").path("api");
        assertEquals(api.toString(), "UP", api.path("status").asText());
        assertTrue(api.toString(), api.path("servlets").asInt() >= 18);

        // The processes endpoint needs the co-production bundle's services.
        Bundle coproduction = Arrays.stream(context.getBundles())
                .filter(b -> "eu.interlink.coproduction".equals(b.getSymbolicName())).findFirst().orElseThrow();
        coproduction.stop();
        try {
            Http.Answer down = Await.until("the health to report the processes endpoint missing", Duration.ofSeconds(30),
                    () -> http.get("/api/v1/health"), a -> a.status() == 503);
            JsonNode missing = down.json().path("components").path("api");
            assertEquals(down.toString(), "DOWN", down.json().path("status").asText());
            assertTrue(down.toString(), missing.path("missing").toString().contains("interlink-api-processes"));
            assertEquals("the kernel itself is up", "UP", down.json().path("components").path("store").path("status").asText());
        } finally {
            coproduction.start();
        }
        Platform.awaitReady(http);
        assertEquals(200, http.get("/api/v1/processes").status());
    }

    @Test
    public void installDisableEnableRemoveWithHistory() {
        Http http = Platform.operator();
        Platform.awaitReady(http);
        Await.until("the checklist Interlinker", Duration.ofSeconds(60), () -> http.get("/api/v1/interlinkers/checklist"), a -> a.status() == 200);

        // Install from a file path given as JSON.
        Http.Answer installed = http.post("/api/v1/admin/interlinkers", Map.of("location", Fixtures.jar("sample").toString()));
        assertEquals(installed.toString(), 201, installed.status());
        assertEquals("sample", installed.json().path("id").asText());
        assertEquals("active", installed.json().path("status").asText());
        Http.Answer asset = http.post("/api/v1/assets", Map.of("interlinker", "sample", "params", Map.of("name", "operated")));
        String id = asset.json().path("id").asText();

        // The same version again is refused: it is installed and serving.
        assertProblem(http.postRaw("/api/v1/admin/interlinkers", "application/java-archive", Fixtures.bytes("sample")), 409);

        // Disabled: listed as such, and calls that need it are 503 with the reason; the data stays.
        Http.Answer disabled = http.post("/api/v1/admin/interlinkers/sample/disable", Map.of());
        assertEquals(disabled.toString(), 200, disabled.status());
        assertEquals("disabled", http.get("/api/v1/interlinkers/sample").json().path("status").asText());
        JsonNode p = assertProblem(http.get("/api/v1/assets/" + id + "/download"), 503);
        assertTrue(p.toString(), p.path("detail").asText().contains("disabled"));
        assertEquals("disabled", http.get("/api/v1/health").json().path("components").path("registry").path("interlinkers").path("sample").path("status").asText());

        assertEquals(200, http.post("/api/v1/admin/interlinkers/sample/enable", Map.of()).status());
        assertEquals("operated", http.get("/api/v1/assets/" + id + "/download").json().path("name").asText());

        // The admin listing shows every version; history shows what was done, in order.
        JsonNode admin = http.get("/api/v1/admin/interlinkers").json();
        assertTrue(admin.path("total").asInt() >= 2);
        JsonNode history = http.get("/api/v1/admin/interlinkers/sample/history").json().path("items");
        assertEquals("enabled", history.path(0).path("action").asText());
        assertEquals("disabled", history.path(1).path("action").asText());
        boolean sawInstall = false;
        for (JsonNode h : history) sawInstall |= h.path("action").asText().equals("installed");
        assertTrue(history.toString(), sawInstall);

        assertEquals(204, http.delete("/api/v1/admin/interlinkers/sample").status());
        assertProblem(http.get("/api/v1/interlinkers/sample"), 404);
        assertEquals("unavailable", http.get("/api/v1/assets/" + id).json().path("status").asText());
    }

    @Test
    public void badRequestsAreProblems() {
        Http http = Platform.operator();
        Platform.awaitReady(http);
        assertProblem(http.postRaw("/api/v1/admin/interlinkers", "application/java-archive", "not a jar".getBytes(StandardCharsets.UTF_8)), 400);
        assertProblem(http.postRaw("/api/v1/admin/interlinkers", "text/plain", "x".getBytes(StandardCharsets.UTF_8)), 415);
        assertProblem(http.post("/api/v1/admin/interlinkers", Map.of("location", "/no/such/file.jar")), 400);
        assertProblem(http.post("/api/v1/admin/interlinkers", Map.of()), 400);
        JsonNode refused = assertProblem(http.postRaw("/api/v1/admin/interlinkers", "application/java-archive", Fixtures.bytes("faulty-api-major")), 422);
        assertTrue(refused.toString(), refused.path("detail").asText().contains("rebuild it against eu.interlink.api 1.x"));
        assertProblem(http.post("/api/v1/admin/interlinkers/no-such-id/rollback", Map.of()), 404);
        assertProblem(http.post("/api/v1/admin/interlinkers/checklist/rollback", Map.of()), 409);
        assertProblem(http.post("/api/v1/admin/interlinkers/checklist/explode", Map.of()), 404);
        assertProblem(http.get("/api/v1/admin/interlinkers/no-such-id/history"), 404);
        assertProblem(http.postRaw("/api/v1/admin/interlinkers/checklist/upgrade", "application/java-archive", Fixtures.bytes("sample")), 400);
        // The checklist was never disturbed.
        assertEquals("active", http.get("/api/v1/interlinkers/checklist").json().path("status").asText());
    }

    @Test
    public void metricsAreInPrometheusTextFormat() {
        Http http = Platform.operator();
        Platform.awaitReady(http);
        Await.until("the checklist Interlinker", Duration.ofSeconds(60), () -> http.get("/api/v1/interlinkers/checklist"), a -> a.status() == 200);
        String id = http.post("/api/v1/assets", Map.of("interlinker", "checklist", "params", Map.of("title", "Measured"))).json().path("id").asText();
        http.get("/api/v1/assets/" + id + "/download");
        Http.Answer m = http.get("/metrics");
        assertEquals(200, m.status());
        assertTrue(m.header("Content-Type"), m.header("Content-Type").startsWith("text/plain; version=0.0.4"));
        assertTrue(m.body(), m.body().contains("# TYPE interlink_interlinker_calls_total counter"));
        assertTrue(m.body(), m.body().matches("(?s).*interlink_interlinker_calls_total\\{interlinker=\"checklist\",outcome=\"ok\"\\} [1-9]\\d*\n.*"));
        assertTrue(m.body(), m.body().matches("(?s).*interlink_interlinker_call_seconds\\{interlinker=\"checklist\",quantile=\"0.95\"\\} \\d+\\.\\d+\n.*"));
        assertTrue(m.body(), m.body().contains("interlink_interlinker_status{interlinker=\"checklist\",status=\"active\"} 1"));
    }
}
