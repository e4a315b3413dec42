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
        double bootSeconds = Double.NaN;
        long[] heap;

        Probe(int installed) {
            this.installed = installed;
        }
    }

    private Scale() {
    }

    /**
     * On one keep-alive connection, in turn: {@code ?limit=20}, {@code ?limit=10}, and one Interlinker by id
     * (random among the generated ones, same seed everywhere), after as many not counted.
     */
    static Probe probe(Distribution d, int installed, Benchmarks.Effort effort) {
        int rounds = effort.n(3000, 300);
        int warmUp = effort.n(1500, 150);
        Probe p = new Probe(installed);
        Random random = new Random(11);
        try (Loopback http = new Loopback(d.port)) {
            for (int i = 0; i < warmUp + rounds; i++) {
                boolean counted = i >= warmUp;
                time(http, "/api/v1/interlinkers?limit=20", counted ? p.page20 : null);
                time(http, "/api/v1/interlinkers?limit=10", counted ? p.page10 : null);
                time(http, "/api/v1/interlinkers/" + GeneratedBundles.id(1 + random.nextInt(installed)), counted ? p.byId : null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Benchmarks.log("  %d installed: ?limit=20 p50 %.3f ms p95 %.3f ms; by id p50 %.3f ms p95 %.3f ms", installed,
                p.page20.percentileMillis(50), p.page20.percentileMillis(95), p.byId.percentileMillis(50), p.byId.percentileMillis(95));
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
                Figure.info("5g", "start to " + n + " Interlinkers active (all jars in `deploy/` before the start)", many.bootSeconds, "s",
                        "one run; fresh distribution"),
                Figure.info("5h", "heap used after a full GC with " + n + " installed", many.heap == null ? Double.NaN : many.heap[0] / 1048576.0, "MiB",
                        "one run, after the measurements; compare 6b"),
                Figure.notMeasured("5i", "catalogue import time", "not measured: the importer comes with issue 4"));
        return new Report.Section("5", "Scale", """
                Two fresh platforms, one with %s generated Interlinkers installed and one with %s (each jar in \
                `deploy/` before the start), plus the checklist. On each, one client on one keep-alive connection sends, \
                in turn, `GET /api/v1/interlinkers?limit=20`, `GET /api/v1/interlinkers?limit=10` and \
                `GET /api/v1/interlinkers/gen-NNNN` (a random installed one, the same seed on both), %d rounds counted \
                after %d not counted. Each figure is the percentile with %s installed ÷ the same percentile with %s.\
                """.formatted(f, n, few.page20.count(), few.page20.count() / 2, n, f), figures, List.of());
    }

    private static double ratio(Samples many, Samples few, double p) {
        return many.percentile(p) / (double) few.percentile(p);
    }

    private static String ms(Samples s, double p) {
        return String.format(Locale.ROOT, "%.3f ms", s.percentileMillis(p));
    }
}
