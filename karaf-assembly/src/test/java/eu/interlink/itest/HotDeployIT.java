package eu.interlink.itest;

import static eu.interlink.itest.Problems.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
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
 * An Interlinker bundle built in this build but not shipped, dropped into the running platform's deploy/
 * folder as an operator would: it is listed, serves assets, and when removed is gone while its assets and
 * their data stay, to work again when it returns.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HotDeployIT {

    @Configuration
    public Option[] config() {
        return Platform.options();
    }

    @Test
    public void aDroppedBundleIsListedAndARemovedOneIsGoneWithItsDataKept() throws Exception {
        Http http = Platform.http();
        Platform.awaitReady(http);
        Await.until("the checklist Interlinker", Duration.ofSeconds(60), () -> http.get("/api/v1/interlinkers/checklist"), a -> a.status() == 200);
        assertProblem(http.get("/api/v1/interlinkers/sample"), 404);

        Path jar = Path.of(System.getProperty(Platform.BUNDLES), "interlink-testing-sample.jar");
        Path dropped = Path.of(System.getProperty("karaf.base"), "deploy", "interlink-testing-sample.jar");
        long start = System.nanoTime();
        Files.copy(jar, dropped, StandardCopyOption.REPLACE_EXISTING);
        Http.Answer listed = Await.until("the sample Interlinker to be listed", Duration.ofSeconds(15),
                () -> http.get("/api/v1/interlinkers/sample"), a -> a.status() == 200);
        System.out.printf("deploy/ to listed: %d ms%n", (System.nanoTime() - start) / 1_000_000);
        assertEquals("active", listed.json().path("status").asText());
        assertEquals("eu.interlink.testing.sample", listed.json().path("bundle").path("symbolicName").asText());
        assertEquals(1, CatalogueIT.count(http.get("/api/v1/interlinkers?q=sample").json(), "sample"));

        Http.Answer created = http.post("/api/v1/assets", Map.of("interlinker", "sample", "params", Map.of("name", "Kept data", "answer", 42)));
        assertEquals(created.toString(), 201, created.status());
        String id = created.json().path("id").asText();
        Http.Answer download = http.get("/api/v1/assets/" + id + "/download");
        assertEquals(download.toString(), 200, download.status());
        assertEquals(42, download.json().path("answer").asInt());

        Http operator = Platform.operator();
        Http.Answer arrived = Await.until("the arrival in the activity log", Duration.ofSeconds(10),
                () -> operator.get("/api/v1/activity?subjectType=interlinker&subjectId=sample"), a -> a.json().path("total").asInt() >= 1);
        assertEquals("eu/interlink/interlinker/ARRIVED", arrived.json().path("items").path(0).path("topic").asText());

        start = System.nanoTime();
        Files.delete(dropped);
        Await.until("the sample Interlinker to be gone", Duration.ofSeconds(15),
                () -> http.get("/api/v1/interlinkers/sample"), a -> a.status() == 404);
        System.out.printf("removed from deploy/ to gone: %d ms%n", (System.nanoTime() - start) / 1_000_000);
        assertEquals(0, http.get("/api/v1/interlinkers?q=sample").json().path("total").asInt());

        // Its asset stays, unavailable, and calls that need it say so and name it.
        JsonNode kept = http.get("/api/v1/assets/" + id).json();
        assertEquals("unavailable", kept.path("status").asText());
        JsonNode problem = assertProblem(http.get("/api/v1/assets/" + id + "/download"), 503);
        assertTrue(problem.toString(), problem.path("detail").asText().contains("'sample'"));
        assertProblem(http.post("/api/v1/assets", Map.of("interlinker", "sample")), 503);
        Await.until("the departure in the activity log", Duration.ofSeconds(10),
                () -> operator.get("/api/v1/activity?subjectType=interlinker&subjectId=sample"),
                a -> a.json().path("items").path(0).path("topic").asText().equals("eu/interlink/interlinker/DEPARTED"));

        // Back again: the same data.
        Files.copy(jar, dropped, StandardCopyOption.REPLACE_EXISTING);
        Await.until("the sample Interlinker to return", Duration.ofSeconds(15),
                () -> http.get("/api/v1/assets/" + id), a -> a.json().path("status").asText().equals("available"));
        assertEquals(42, http.get("/api/v1/assets/" + id + "/download").json().path("answer").asInt());
        Files.delete(dropped);
    }
}
