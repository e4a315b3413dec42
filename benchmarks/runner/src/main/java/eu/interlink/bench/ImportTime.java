package eu.interlink.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import eu.interlink.bench.Report.Figure;

/**
 * Measure 5 (second part): the import of the original platform's whole seed catalogue
 * ({@code ../shared/data/interlink-catalogue}) through {@code POST /api/v1/admin/import}. The first import into a
 * fresh platform is what the target is about; re-imports of the same folder change nothing and show what
 * reading and comparing cost alone.
 */
final class ImportTime {
    static final int REIMPORTS = 10;

    private ImportTime() {
    }

    static Report.Section run(Benchmarks.Paths paths, Benchmarks.Effort effort) {
        Path folder = paths.root().resolve("../shared/data/interlink-catalogue").normalize();
        if (!Files.isRegularFile(folder.resolve("problemprofiles/problemprofiles.json"))) {
            throw new IllegalStateException("No seed catalogue at " + folder + ": ../shared/data must be beside the project");
        }
        String body = "{\"folder\":\"" + folder.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        int platforms = effort.n(5, 2);
        Samples first = new Samples();
        Samples again = new Samples();
        String counts = "";
        for (int n = 0; n < platforms; n++) {
            try (Distribution d = Distribution.ours(paths.distribution(), paths.work().resolve("import-" + n), "platform for import " + n)) {
                d.start();
                Benchmarks.awaitBooted(d, 240);
                Benchmarks.sleep(2000); // let the boot's last work (activity log, JIT of the boot path) settle
                try (Loopback http = new Loopback(d.port, 120_000).asOperator()) {
                    long t0 = System.nanoTime();
                    Loopback.Response r = http.postJson("/api/v1/admin/import", body);
                    long t1 = System.nanoTime();
                    if (r.status() != 200) throw new IllegalStateException("import on " + d.name + ": " + r);
                    first.add(t1 - t0);
                    counts = summary(Benchmarks.JSON.readTree(r.body()));
                    Benchmarks.log("  first import on a fresh platform: %.3f s (%s)", (t1 - t0) / 1e9, counts);
                    if (n == platforms - 1) {
                        for (int i = 0; i < REIMPORTS; i++) {
                            long a = System.nanoTime();
                            Loopback.Response again1 = http.postJson("/api/v1/admin/import", body);
                            long b = System.nanoTime();
                            if (again1.status() != 200) throw new IllegalStateException("re-import: " + again1);
                            again.add(b - a);
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return new Report.Section("5", "Catalogue import", """
                The whole seed catalogue of the original platform (`../shared/data/interlink-catalogue`: %s) imported \
                with `POST /api/v1/admin/import`, timed from the request to the answer with the import's report. \
                **First import:** into the empty catalogue of a freshly booted platform (one import per platform, %d \
                platforms, each started 2 s before). **Re-import:** the same folder %d times more into the last one; \
                nothing changes then (every item is `unchanged`), so it is the cost of reading, parsing and comparing.\
                """.formatted(counts, platforms, REIMPORTS),
                List.of(
                        Figure.atMost("5j", "import of the whole seed catalogue into a fresh platform, median", first.percentileSeconds(50), "s", 2.0, platforms + " platforms"),
                        Figure.info("5k", "import of the whole seed catalogue into a fresh platform, slowest", first.percentileSeconds(100), "s", platforms + " platforms"),
                        Figure.info("5l", "re-import of the same folder (nothing changes), median", again.percentileSeconds(50), "s", REIMPORTS + " re-imports")),
                List.of());
    }

    /** "45 problem profiles, 69 Interlinkers…" from the report's counts. */
    private static String summary(JsonNode report) {
        StringBuilder s = new StringBuilder();
        report.path("counts").fields().forEachRemaining(e -> {
            JsonNode c = e.getValue();
            int all = c.path("created").asInt() + c.path("updated").asInt() + c.path("unchanged").asInt();
            if (s.length() > 0) s.append(", ");
            s.append(all).append(' ').append(e.getKey());
        });
        return s.toString();
    }
}
