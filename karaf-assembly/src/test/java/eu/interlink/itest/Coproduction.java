package eu.interlink.itest;

import static org.junit.Assert.assertEquals;

import java.io.File;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Helpers of the co-production tests. The schema part of the seed importer is an internal service of the
 * co-production bundle, reached here by reflection so the tests need no compile-time view of its packages.
 */
final class Coproduction {
    private Coproduction() {
    }

    /** What one import run reported: per kind {created, updated, unchanged}, and the issues as text. */
    record Report(Map<String, int[]> counts, List<String> issues) {
    }

    static Report importSchemas(BundleContext context, File folder) throws Exception {
        ServiceReference<?>[] refs = context.getAllServiceReferences("eu.interlink.coproduction.internal.SeedImport", "(seed.part=schemas)");
        if (refs == null || refs.length == 0) throw new AssertionError("The schema seed import service is not registered");
        Object service = context.getService(refs[0]);
        try {
            ClassLoader loader = service.getClass().getClassLoader();
            Class<?> builderType = loader.loadClass("eu.interlink.coproduction.ImportReport$Builder");
            Object builder = builderType.getConstructor(String.class).newInstance(folder.toString());
            Method run = service.getClass().getMethod("run", Path.class, builderType);
            run.invoke(service, folder.toPath(), builder);
            Object report = builderType.getMethod("build").invoke(builder);
            Map<String, int[]> counts = new LinkedHashMap<>();
            Map<?, ?> raw = (Map<?, ?>) report.getClass().getMethod("counts").invoke(report);
            for (Map.Entry<?, ?> e : raw.entrySet()) {
                Object c = e.getValue();
                counts.put((String) e.getKey(), new int[] {(int) c.getClass().getMethod("created").invoke(c),
                        (int) c.getClass().getMethod("updated").invoke(c), (int) c.getClass().getMethod("unchanged").invoke(c)});
            }
            List<String> issues = new ArrayList<>();
            for (Object issue : (List<?>) report.getClass().getMethod("issues").invoke(report)) issues.add(issue.toString());
            return new Report(counts, issues);
        } finally {
            context.ungetService(refs[0]);
        }
    }

    /** Whether another bundle provides the catalogue (the catalogue work; absent before it is merged). */
    static boolean catalogueRunning(BundleContext context) {
        return context.getServiceReference("eu.interlink.coproduction.CatalogueService") != null;
    }

    static String createProcess(Http http, String name, String... headers) {
        Http.Answer a = http.post("/api/v1/processes", Map.of("name", name), headers);
        assertEquals(a.toString(), 201, a.status());
        return a.json().path("id").asText();
    }

    /** The item of a tree (nested under "phases" and "children") whose schemaItem or name is {@code key}. */
    static JsonNode find(JsonNode tree, String key) {
        List<JsonNode> todo = new ArrayList<>();
        tree.path("phases").forEach(todo::add);
        while (!todo.isEmpty()) {
            JsonNode n = todo.remove(0);
            if (key.equals(n.path("schemaItem").asText()) || key.equals(n.path("name").asText())) return n;
            n.path("children").forEach(todo::add);
        }
        throw new AssertionError("No item '" + key + "' in " + tree);
    }

    static int count(JsonNode tree, String type) {
        int n = 0;
        List<JsonNode> todo = new ArrayList<>();
        tree.path("phases").forEach(todo::add);
        while (!todo.isEmpty()) {
            JsonNode node = todo.remove(0);
            if (type.equals(node.path("type").asText())) n++;
            node.path("children").forEach(todo::add);
        }
        return n;
    }
}
