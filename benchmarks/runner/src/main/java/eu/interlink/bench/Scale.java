package eu.interlink.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import eu.interlink.bench.Report.Figure;

/**
 * Measure 5: the latency of the catalogue's two reads with many Interlinkers installed against few, each on a
 * platform of its own, measured the same way.
 */
final class Scale {
    /** What one platform measured. */
    static final class Probe {
        final int installed;
        final Samples page20 = new Samples();
        final Samples page10 = new Samples();
        final Samples byId = new Samples();
        int warmUpRounds;
        double bootSeconds = Double.NaN;
        /** Share of one core the idle platform uses (FileInstall polls deploy/, which holds every jar). */
        double idleCpu = Double.NaN;
        long[] heap;

        Probe(int installed) {
            this.installed = installed;
        }
    }

    static final int IDLE_SECONDS = 5;
    static final int REST_SECONDS = 10;
    static final int WARM_UP_ROUNDS = 2000;

    private Scale() {
    }

    /**
     * Both platforms running at once, so that whatever else the machine does weighs on both alike: first the CPU
     * each uses while idle, over the same seconds; then, on one keep-alive connection to each, in turn:
     * {@code ?limit=20}, {@code ?limit=10}, and one Interlinker by id (random among its generated ones, the same
     * seed for both), each sent to one platform and then to the other, after as many rounds not counted.
     */
    static Probe[] compare(Distribution fewD, int few, Distribution manyD, int many, Benchmarks.Effort effort) {
        int rounds = effort.n(3000, 300);
        int warmUp = effort.quick() ? 150 : WARM_UP_ROUNDS;
        Probe[] p = {new Probe(few), new Probe(many)};
        Distribution[] d = {fewD, manyD};
        Benchmarks.sleep(REST_SECONDS * 1000L); // let the installs' last events (activity log, JIT) settle
        double[] cpu0 = {d[0].cpuSeconds(), d[1].cpuSeconds()};
        long t0 = System.nanoTime();
        Benchmarks.sleep(IDLE_SECONDS * 1000L);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        for (int k = 0; k < 2; k++) {
            p[k].idleCpu = (d[k].cpuSeconds() - cpu0[k]) / elapsed;
            p[k].warmUpRounds = warmUp;
        }
        Random[] random = {new Random(11), new Random(11)};
        try (Loopback a = new Loopback(d[0].port); Loopback b = new Loopback(d[1].port)) {
            Loopback[] http = {a, b};
            for (int i = 0; i < warmUp + rounds; i++) {
                boolean counted = i >= warmUp;
                // Which platform goes first alternates too.
                int first = i % 2;
                for (int j = 0; j < 2; j++) {
                    int k = (first + j) % 2;
                    time(http[k], "/api/v1/interlinkers?limit=20", counted ? p[k].page20 : null);
                }
                for (int j = 0; j < 2; j++) {
                    int k = (first + j) % 2;
                    time(http[k], "/api/v1/interlinkers?limit=10", counted ? p[k].page10 : null);
                }
                for (int j = 0; j < 2; j++) {
                    int k = (first + j) % 2;
                    time(http[k], "/api/v1/interlinkers/" + GeneratedBundles.id(1 + random[k].nextInt(p[k].installed)), counted ? p[k].byId : null);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Probe q : p) {
            Benchmarks.log("  %d installed: ?limit=20 p50 %.3f ms p95 %.3f ms; by id p50 %.3f ms p95 %.3f ms; idle CPU %.1f %%", q.installed,
                    q.page20.percentileMillis(50), q.page20.percentileMillis(95), q.byId.percentileMillis(50), q.byId.percentileMillis(95), 100 * q.idleCpu);
        }
        return p;
    }

    private static void time(Loopback http, String path, Samples into) throws IOException {
        long t0 = System.nanoTime();
        Loopback.Response r = http.get(path);
        long t = System.nanoTime() - t0;
        if (r.status() != 200) throw new IllegalStateException(path + ": " + r);
        if (into != null) into.add(t);
    }

    static Report.Section section(Probe few, Probe many) {
        String n = String.valueOf(many.installed);
        String f = String.valueOf(few.installed);
        String how = few.page20.count() + " requests each";
        List<Figure> figures = List.of(
                Figure.atMost("5a", "`GET /api/v1/interlinkers?limit=20` p50: " + n + " installed ÷ " + f, ratio(many.page20, few.page20, 50), "×", 1.2,
                        ms(many.page20, 50) + " ÷ " + ms(few.page20, 50) + "; " + how),
                Figure.atMost("5b", "`GET /api/v1/interlinkers?limit=20` p95: " + n + " installed ÷ " + f, ratio(many.page20, few.page20, 95), "×", 1.2,
                        ms(many.page20, 95) + " ÷ " + ms(few.page20, 95)),
                Figure.atMost("5c", "`GET /api/v1/interlinkers/{id}` p50: " + n + " installed ÷ " + f, ratio(many.byId, few.byId, 50), "×", 1.2,
                        ms(many.byId, 50) + " ÷ " + ms(few.byId, 50) + "; " + how),
                Figure.atMost("5d", "`GET /api/v1/interlinkers/{id}` p95: " + n + " installed ÷ " + f, ratio(many.byId, few.byId, 95), "×", 1.2,
                        ms(many.byId, 95) + " ÷ " + ms(few.byId, 95)),
                Figure.info("5e", "`GET /api/v1/interlinkers?limit=10` p50: " + n + " ÷ " + f + " (a page of 10 on both)", ratio(many.page10, few.page10, 50), "×",
                        ms(many.page10, 50) + " ÷ " + ms(few.page10, 50) + "; with " + f + " installed the `limit=20` page holds only " + (few.installed + 1)
                                + " entries, so 5a also pays for a longer page"),
                Figure.info("5f", "`GET /api/v1/interlinkers?limit=10` p95: " + n + " ÷ " + f, ratio(many.page10, few.page10, 95), "×",
                        ms(many.page10, 95) + " ÷ " + ms(few.page10, 95)),
                Figure.info("5g", n + " uploads through the admin API, one after the other → all " + n + " serving", many.bootSeconds, "s",
                        "one run, while the platform with " + f + " idled"),
                Figure.info("5h", "heap used after a full GC with " + n + " installed", many.heap == null ? Double.NaN : many.heap[0] / 1048576.0, "MiB",
                        "one run, after the measurements; compare 6b"),
                Figure.info("5i", "CPU used by the idle platform, " + n + " installed ÷ " + f, many.idleCpu / few.idleCpu, "×",
                        String.format(Locale.ROOT, "%.1f %% ÷ %.1f %% of one core over %d s before the measurements",
                                100 * many.idleCpu, 100 * few.idleCpu, IDLE_SECONDS)));
        return new Report.Section("5", "Scale", """
                Two fresh platforms running side by side, one with %s generated Interlinkers installed and one with \
                %s (uploaded one after the other through the admin API once the platform had booted), plus the \
                checklist; neither has served any other measure before (measure 3 runs on the smaller one afterwards: \
                its minute of load used to leave that one's JIT better trained than the other's, which made the ratios \
                1.2–1.3× in earlier runs and 1.0× without it). Once all are active: %d s of rest, then the CPU each uses while idle over the same %d s; then one \
                client with one keep-alive connection to each sends `GET /api/v1/interlinkers?limit=20` to one and then \
                the other (which goes first alternates), then `?limit=10` likewise, then \
                `GET /api/v1/interlinkers/gen-NNNN` (a random installed one, the same seed for both): %d rounds \
                counted after %d not counted. Running both at once and interleaving their requests keeps anything \
                else on the machine from favouring one. Each figure is the percentile with %s installed ÷ the same \
                percentile with %s.\
                """.formatted(f, n, REST_SECONDS, IDLE_SECONDS, few.page20.count(), few.warmUpRounds, n, f), figures, List.of());
    }

    private static double ratio(Samples many, Samples few, double p) {
        return many.percentile(p) / (double) few.percentile(p);
    }

    private static String ms(Samples s, double p) {
        return String.format(Locale.ROOT, "%.3f ms", s.percentileMillis(p));
    }
}
