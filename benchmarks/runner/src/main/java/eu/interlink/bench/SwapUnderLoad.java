package eu.interlink.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import eu.interlink.bench.Report.Figure;

/**
 * Measure 2: upgrades (with a data migration) and rollbacks of the {@code sample} Interlinker while a steady
 * open-loop load downloads its assets. Not one request may fail.
 */
final class SwapUnderLoad {
    static final int RATE = 200;
    static final int WORKERS = 64;
    static final int ASSETS = 20;
    /** How long the load runs on each version a step leaves serving, before the next step. */
    static final int DWELL_MILLIS = 250;

    private SwapUnderLoad() {
    }

    static Report.Section run(Distribution d, Benchmarks.Paths paths, Benchmarks.Effort effort) {
        int cycles = effort.n(20, 3);
        int quietSeconds = effort.n(10, 3);
        Samples upgrades = new Samples();
        Samples rollbacks = new Samples();
        OpenLoad.Phase quiet = new OpenLoad.Phase();
        OpenLoad.Phase swapping = new OpenLoad.Phase();
        try (Loopback http = new Loopback(d.port).asOperator()) {
            byte[] v1 = Files.readAllBytes(paths.testBundles().resolve("interlink-testing-sample.jar"));
            byte[] v2 = Files.readAllBytes(paths.testBundles().resolve("interlink-testing-sample-v2.jar"));
            Loopback.Response installed = http.post("/api/v1/admin/interlinkers", "application/java-archive", v1);
            if (installed.status() != 201) throw new IllegalStateException("install sample: " + installed);
            List<String> assets = new ArrayList<>();
            for (int i = 0; i < ASSETS; i++) {
                Loopback.Response a = http.postJson("/api/v1/assets", "{\"interlinker\":\"sample\",\"params\":{\"name\":\"bench-" + i + "\",\"n\":" + i + "}}");
                if (a.status() != 201) throw new IllegalStateException("create asset: " + a);
                assets.add(Benchmarks.json(a).path("id").asText());
            }
            try (OpenLoad load = new OpenLoad(d.port, RATE, WORKERS, n -> "/api/v1/assets/" + assets.get(n % assets.size()) + "/download")) {
                load.start(quiet);
                Benchmarks.sleep(quietSeconds * 1000L);
                load.switchTo(swapping);
                for (int c = 0; c < cycles; c++) {
                    long t0 = System.nanoTime();
                    Loopback.Response up = http.post("/api/v1/admin/interlinkers/sample/upgrade", "application/java-archive", v2);
                    long t1 = System.nanoTime();
                    if (up.status() != 200 || !"0.2.0".equals(Benchmarks.json(up).path("version").asText())) {
                        throw new IllegalStateException("upgrade " + c + ": " + up);
                    }
                    Benchmarks.sleep(DWELL_MILLIS);
                    long t2 = System.nanoTime();
                    Loopback.Response back = http.postJson("/api/v1/admin/interlinkers/sample/rollback", "{}");
                    long t3 = System.nanoTime();
                    if (back.status() != 200 || !"0.1.0".equals(Benchmarks.json(back).path("version").asText())) {
                        throw new IllegalStateException("rollback " + c + ": " + back);
                    }
                    upgrades.add(t1 - t0);
                    rollbacks.add(t3 - t2);
                    Benchmarks.sleep(DWELL_MILLIS);
                }
                load.switchTo(new OpenLoad.Phase());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Benchmarks.log("  %d cycles: %d requests, %d failed; p50 %.1f ms, p99 %.1f ms", cycles, swapping.sent.get(), swapping.failed.get(),
                swapping.latencies.percentileMillis(50), swapping.latencies.percentileMillis(99));

        return new Report.Section("2", "Swap under load", """
                The test bundle `sample` 0.1.0 is installed through the admin API and %d of its assets are created. An \
                open-loop load of %d requests per second (a scheduler; %d workers, each with its own keep-alive \
                connection; latency counted from when each request was due, so a stall shows in full) downloads them \
                (`GET /api/v1/assets/{id}/download`, in turn): first %d s without swaps (the baseline), then during %d \
                cycles of `POST /api/v1/admin/interlinkers/sample/upgrade` with the 0.2.0 jar (which migrates every \
                asset's data) and `POST …/sample/rollback` (which reverts it), each step followed by %d ms of load on \
                the version it left serving. A request fails when it does not answer `200`.%s\
                """.formatted(ASSETS, RATE, WORKERS, quietSeconds, cycles, DWELL_MILLIS, OpenLoad.examples(swapping)),
                List.of(
                        Figure.atMost("2a", "failed requests during " + cycles + " upgrade/rollback cycles at " + RATE + " req/s",
                                swapping.failed.get(), "failed requests", 0, swapping.sent.get() + " requests"),
                        Figure.info("2b", "requests sent during the cycles", swapping.sent.get(), "requests", "over " + cycles + " cycles"),
                        Figure.info("2c", "download latency during the cycles, p50", swapping.latencies.percentileMillis(50), "ms", swapping.latencies.count() + " requests"),
                        Figure.info("2d", "download latency during the cycles, p99", swapping.latencies.percentileMillis(99), "ms", swapping.latencies.count() + " requests"),
                        Figure.info("2e", "download latency without swaps, p50", quiet.latencies.percentileMillis(50), "ms", quiet.latencies.count() + " requests"),
                        Figure.info("2f", "download latency without swaps, p99", quiet.latencies.percentileMillis(99), "ms", quiet.latencies.count() + " requests"),
                        Figure.info("2g", "p99 during the cycles ÷ p99 without", swapping.latencies.percentile(99) / (double) quiet.latencies.percentile(99), "×",
                                "what the swaps cost the slowest requests (holds while data migrates)"),
                        Figure.info("2h", "upgrade (with the migration of " + ASSETS + " assets), p50", upgrades.percentileSeconds(50), "s", cycles + " upgrades"),
                        Figure.info("2i", "rollback (with the revert), p50", rollbacks.percentileSeconds(50), "s", cycles + " rollbacks")),
                List.of());
    }
}
