package eu.interlink.bench;

import java.util.Arrays;

/** Durations of many repetitions of one thing, in nanoseconds, and their percentiles (nearest rank). */
final class Samples {
    private long[] values = new long[1024];
    private int size;

    synchronized void add(long nanos) {
        if (size == values.length) values = Arrays.copyOf(values, size * 2);
        values[size++] = nanos;
    }

    synchronized int count() {
        return size;
    }

    /** The {@code p}th percentile (0 < p ≤ 100), in nanoseconds: the smallest value not below p % of them. */
    synchronized long percentile(double p) {
        if (size == 0) throw new IllegalStateException("no samples");
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size, rank) - 1)];
    }

    double percentileMillis(double p) {
        return percentile(p) / 1e6;
    }

    double percentileSeconds(double p) {
        return percentile(p) / 1e9;
    }

    /** The median of a few values, such as one figure per run. */
    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
