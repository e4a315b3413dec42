package eu.interlink.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The OpenAPI document is complete and true: every endpoint the platform routes under {@code /api/v1} is
 * described, every reference resolves, and every described read of a fixed path answers (not the catch-all 404).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class OpenApiIT {
    private static final java.util.Set<String> OPERATIONS = java.util.Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private Http http;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return Platform.options();
    }

    @Before
    public void waitForTheApi() {
        http = Platform.http();
        Platform.awaitReady(http);
        Await.until("the OpenAPI document", Duration.ofSeconds(60), () -> http.get("/api/v1/openapi.json"), a -> a.status() == 200);
    }

    @Test
    public void isAnOpenApi3DocumentWhoseReferencesResolve() {
        Http.Answer a = http.get("/api/v1/openapi.json");
        assertTrue(a.header("Content-Type"), a.header("Content-Type").startsWith("application/json"));
        JsonNode doc = a.json();
        assertTrue(doc.path("openapi").asText().startsWith("3."));
        assertEquals("Interlink API", doc.path("info").path("title").asText());
        List<String> unresolved = new ArrayList<>();
        collectRefs(doc, doc, unresolved);
        assertTrue("References that resolve to nothing: " + unresolved, unresolved.isEmpty());
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!OPERATIONS.contains(op.getKey())) return; // "parameters", "summary"… of the path itself
            assertTrue(path.getKey() + " " + op.getKey() + " has no responses", op.getValue().path("responses").size() > 0);
        }));
        String etag = a.header("ETag");
        assertEquals(304, http.get("/api/v1/openapi.json", "If-None-Match", etag).status());
    }

    @Test
    public void describesEveryEndpointOfTheApi() throws Exception {
        JsonNode paths = http.get("/api/v1/openapi.json").json().path("paths");
        TreeSet<String> documented = new TreeSet<>();
        paths.fieldNames().forEachRemaining(documented::add);
        TreeSet<String> missing = new TreeSet<>();
        // The endpoints are services with the patterns the web bundle's router dispatches by.
        ServiceReference<?>[] endpoints = context.getAllServiceReferences(null, "(interlink.api.pattern=*)");
        assertTrue("no API endpoint is registered", endpoints != null && endpoints.length >= 20);
        for (ServiceReference<?> endpoint : endpoints) {
            Object value = endpoint.getProperty("interlink.api.pattern");
            for (String pattern : value instanceof String[] many ? many : new String[] {String.valueOf(value)}) {
                assertTrue(pattern, pattern.startsWith("/api/v1/"));
                String base = pattern.endsWith("/*") ? pattern.substring(0, pattern.length() - 2) : pattern;
                boolean described = documented.contains(base) || documented.stream().anyMatch(p -> p.startsWith(base + "/"));
                if (!described) missing.add(pattern + " (" + endpoint.getProperty("interlink.api.name") + ")");
            }
        }
        assertTrue("Endpoints under /api/v1 the OpenAPI document does not describe: " + missing, missing.isEmpty());
    }

    @Test
    public void everyDescribedReadOfAFixedPathAnswers() {
        JsonNode paths = http.get("/api/v1/openapi.json").json().path("paths");
        List<String> failing = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            if (path.getKey().contains("{") || !path.getValue().has("get")) continue;
            // Servlets register one by one as their bundles start: each path gets a deadline of its own.
            try {
                Await.until(path.getKey(), Duration.ofSeconds(30), () -> http.get(path.getKey()), a -> a.status() != 404 && a.status() < 500);
            } catch (AssertionError e) {
                failing.add(path.getKey() + " → " + http.get(path.getKey()).status());
            }
        }
        assertTrue("Described reads that do not answer: " + failing, failing.isEmpty());
        assertNotEquals(0, paths.size());
    }

    private static void collectRefs(JsonNode root, JsonNode node, List<String> unresolved) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && (!ref.asText().startsWith("#/") || root.at(ref.asText().substring(1)).isMissingNode())) {
                unresolved.add(ref.asText());
            }
            node.elements().forEachRemaining(child -> collectRefs(root, child, unresolved));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> collectRefs(root, child, unresolved));
        }
    }
}
