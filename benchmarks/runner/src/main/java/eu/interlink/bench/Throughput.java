package eu.interlink.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import eu.interlink.bench.Report.Figure;

/**
 * Measure 3: requests per second of {@code GET /api/v1/interlinkers} against a bare servlet in the same container
 * that answers the very same bytes, under the same closed-loop load.
 */
final class Throughput {
    static final String API = "/api/v1/interlinkers";
    static final String BARE = "/bench/bare";
    static final int CONNECTIONS = 16;

    private Throughput() {
    }

    /** One stretch of load on one path: requests answered 200 with the expected length, and the rest. */
    private record Stretch(String path, long ok, long failed, double seconds) {
        double perSecond() {
            return ok / seconds;
        }
    }

    static Report.Section run(Distribution d, Benchmarks.Effort effort) {
        int seconds = effort.n(15, 4);
        int warmUp = effort.n(5, 2);
        byte[] body;
        try (Loopback http = new Loopback(d.port)) {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (http.get(BARE).status() != 200) {
                if (System.nanoTime() > deadline) throw new IllegalStateException(BARE + " did not come up");
                Benchmarks.sleep(100);
            }
            Loopback.Response api = http.get(API);
            if (api.status() != 200) throw new IllegalStateException(API + ": " + api);
            body = api.body();
            Loopback.Response set = http.post(BARE, "application/json", body);
            if (set.status() != 204) throw new IllegalStateException("POST " + BARE + ": " + set);
            Loopback.Response bare = http.get(BARE);
            if (bare.status() != 200 || !Arrays.equals(bare.body(), body)) throw new IllegalStateException(BARE + " does not answer the same bytes: " + bare);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        load(d.port, API, body.length, warmUp);
        load(d.port, BARE, body.length, warmUp);
        List<Stretch> stretches = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            stretches.add(load(d.port, API, body.length, seconds));
            stretches.add(load(d.port, BARE, body.length, seconds));
        }
        double api = stretches.stream().filter(s -> s.path().equals(API)).mapToDouble(Stretch::perSecond).average().orElseThrow();
        double bare = stretches.stream().filter(s -> s.path().equals(BARE)).mapToDouble(Stretch::perSecond).average().orElseThrow();
        long failed = stretches.stream().mapToLong(Stretch::failed).sum();
        StringBuilder table = new StringBuilder("| stretch | path | answered 200 | other | req/s |\n| --- | --- | --- | --- | --- |\n");
        for (int i = 0; i < stretches.size(); i++) {
            Stretch s = stretches.get(i);
            table.append(String.format(Locale.ROOT, "| %d | `%s` | %,d | %d | %,.0f |%n", i + 1, s.path(), s.ok(), s.failed(), s.perSecond()));
        }
        Benchmarks.log("  %s %.0f req/s, %s %.0f req/s, ratio %.2f", API, api, BARE, bare, api / bare);

        return new Report.Section("3", "Throughput", """
                `GET %s` (the catalogue's first page: %d bytes of JSON, on the platform with 10 generated Interlinkers \
                and the checklist) against `GET %s`, a bare servlet on the same HTTP whiteboard in the same container \
                (`benchmarks/bare-servlet`) that answers the same bytes, captured from the API once at the start, with \
                the same headers. Load: %d threads, each with its own keep-alive connection, each sending its next request \
                as soon as the last is answered, on the same 2 cores as the server; %d s per stretch, alternating \
                API/bare twice, after %d s of each not counted. A request counts when it answers `200` with a body of \
                the same length. The ratio is the API's mean rate ÷ the bare servlet's.""".formatted(API, body.length, BARE,
                CONNECTIONS, seconds, warmUp),
                List.of(
                        Figure.atLeast("3a", "requests/s of `GET " + API + "` ÷ bare servlet, same bytes", api / bare, "×", 0.7,
                                String.format(Locale.ROOT, "%,.0f ÷ %,.0f req/s", api, bare)),
                        Figure.info("3b", "`GET " + API + "`", api, "req/s", "mean of 2 stretches of " + seconds + " s, " + CONNECTIONS + " connections"),
                        Figure.info("3c", "bare servlet, same bytes", bare, "req/s", "mean of 2 stretches of " + seconds + " s, " + CONNECTIONS + " connections"),
                        Figure.info("3d", "requests not answered `200` with the expected length", failed, "requests", "all stretches")),
                List.of(table.toString()));
    }

    private static Stretch load(int port, String path, int length, int seconds) {
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < CONNECTIONS; t++) {
            Thread th = new Thread(() -> {
                long mine = 0;
                long bad = 0;
                try (Loopback http = new Loopback(port, 30_000)) {
                    while (System.nanoTime() < end) {
                        try {
                            Loopback.Response r = http.get(path);
                            if (r.status() == 200 && r.body().length == length) mine++;
                            else bad++;
                        } catch (IOException e) {
                            bad++;
                            http.close();
                        }
                    }
                }
                ok.addAndGet(mine);
                failed.addAndGet(bad);
            }, "throughput-" + t);
            th.start();
            threads.add(th);
        }
        for (Thread th : threads) {
            try {
                th.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return new Stretch(path, ok.get(), failed.get(), (System.nanoTime() - start) / 1e9);
    }
}
