package eu.interlink.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import eu.interlink.bench.Report.Figure;

/**
 * Measure 1: with hundreds of Interlinkers installed, how soon one dropped into {@code deploy/} is served, and how
 * long an upload through the admin API takes (it returns once the Interlinker serves).
 */
final class HotDeploy {
    static final String DROP_ID = "gen-drop";
    static final String UPLOAD_ID = "gen-upload";
    static final int WARM_UP = 5;

    private HotDeploy() {
    }

    static Report.Section run(Distribution d, GeneratedBundles generated, int installed, Benchmarks.Effort effort) {
        int drops = effort.n(50, 10);
        Path dropJar = generated.make(DROP_ID, "eu.interlink.bench.drop");
        Path uploadJar = generated.make(UPLOAD_ID, "eu.interlink.bench.upload");
        Samples deployed = new Samples();
        Samples removed = new Samples();
        Samples uploaded = new Samples();
        Samples deleted = new Samples();
        try (Loopback http = new Loopback(d.port)) {
            Path target = d.deploy().resolve(dropJar.getFileName());
            for (int i = 0; i < WARM_UP + drops; i++) {
                long t0 = System.nanoTime();
                Files.copy(dropJar, target);
                awaitServing(http, d, DROP_ID);
                long t1 = System.nanoTime();
                Files.delete(target);
                awaitGone(http, d, DROP_ID);
                long t2 = System.nanoTime();
                if (i >= WARM_UP) {
                    deployed.add(t1 - t0);
                    removed.add(t2 - t1);
                }
                // Let the deployer finish uninstalling and refreshing before the next drop.
                Benchmarks.sleep(300);
            }
            Benchmarks.log("  %d drops: p50 %.3f s, p95 %.3f s", drops, deployed.percentileSeconds(50), deployed.percentileSeconds(95));

            byte[] jar = Files.readAllBytes(uploadJar);
            for (int i = 0; i < WARM_UP + drops; i++) {
                long t0 = System.nanoTime();
                Loopback.Response up = http.post("/api/v1/admin/interlinkers", "application/java-archive", jar);
                long t1 = System.nanoTime();
                if (up.status() != 201) throw new IllegalStateException("upload " + i + ": " + up);
                Loopback.Response gone = http.delete("/api/v1/admin/interlinkers/" + UPLOAD_ID);
                long t2 = System.nanoTime();
                if (gone.status() != 204) throw new IllegalStateException("delete " + i + ": " + gone);
                if (i >= WARM_UP) {
                    uploaded.add(t1 - t0);
                    deleted.add(t2 - t1);
                }
                Benchmarks.sleep(100);
            }
            Benchmarks.log("  %d uploads: p50 %.3f s", drops, uploaded.percentileSeconds(50));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        return new Report.Section("1", "Hot deploy", """
                A platform with %d generated Interlinkers installed (each its own bundle in `deploy/`, made at benchmark \
                time from `benchmarks/interlinker` by rewriting only its manifest), plus the shipped checklist. \
                **Drop:** the clock starts as the jar of another generated Interlinker (`%s`) is copied into `deploy/` \
                and stops at the first `GET /api/v1/interlinkers/%s` that answers `200` with `"serving": true` (polled \
                every 5 ms on one keep-alive connection); the file is then deleted and the clock runs until that answers \
                `404`; 300 ms pause; %d drops after %d not counted. `deploy/` is polled by Felix FileInstall every \
                100 ms, and FileInstall waits for a file to be unchanged over two polls before it installs it. \
                **Upload:** `POST /api/v1/admin/interlinkers` with the jar (`application/java-archive`), which returns \
                once the kernel serves it, then `DELETE /api/v1/admin/interlinkers/%s`; %d of each after %d not counted.\
                """.formatted(installed, DROP_ID, DROP_ID, drops, WARM_UP, UPLOAD_ID, drops, WARM_UP),
                List.of(
                        Figure.atMost("1a", "drop into `deploy/` → served, p50 (" + installed + " installed)", deployed.percentileSeconds(50), "s", 0.25, drops + " drops"),
                        Figure.atMost("1b", "drop into `deploy/` → served, p95 (" + installed + " installed)", deployed.percentileSeconds(95), "s", 0.5, drops + " drops"),
                        Figure.atMost("1c", "upload through the admin API → served, p50", uploaded.percentileSeconds(50), "s", 0.1, drops + " uploads"),
                        Figure.info("1d", "upload through the admin API → served, p95", uploaded.percentileSeconds(95), "s", drops + " uploads"),
                        Figure.info("1e", "file deleted from `deploy/` → `404`, p50", removed.percentileSeconds(50), "s", drops + " removals"),
                        Figure.info("1f", "file deleted from `deploy/` → `404`, p95", removed.percentileSeconds(95), "s", drops + " removals"),
                        Figure.info("1g", "`DELETE /api/v1/admin/interlinkers/{id}` (uninstall and refresh), p50", deleted.percentileSeconds(50), "s", drops + " deletions")),
                List.of());
    }

    static void awaitServing(Loopback http, Distribution d, String id) throws IOException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            Loopback.Response r = http.get("/api/v1/interlinkers/" + id);
            if (r.status() == 200 && Benchmarks.json(r).path("serving").asBoolean()) return;
            pause();
        }
        d.checkAlive();
        throw new IllegalStateException(id + " not served 30 s after it was dropped into " + d.deploy());
    }

    static void awaitGone(Loopback http, Distribution d, String id) throws IOException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (http.get("/api/v1/interlinkers/" + id).status() == 404) return;
            pause();
        }
        d.checkAlive();
        throw new IllegalStateException(id + " still listed 30 s after its jar left " + d.deploy());
    }

    private static void pause() {
        Benchmarks.sleep(5);
    }
}
