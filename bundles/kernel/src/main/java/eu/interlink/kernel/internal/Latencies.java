package eu.interlink.kernel.internal;

import java.util.Arrays;

/**
 * The durations of the last {@value #SIZE} calls of one Interlinker, for percentiles. A fixed ring: memory and
 * cost do not grow with traffic, and the figures describe recent behaviour, which is what an operator asks.
 */
public final class Latencies {
    static final int SIZE = 1024;
    private final long[] nanos = new long[SIZE];
    private long count;

    synchronized void record(long duration) {
        nanos[(int) (count++ % SIZE)] = duration;
    }

    /** The given quantiles (0..1) of the recorded durations, in seconds; zeros when nothing was recorded. */
    public synchronized double[] quantiles(double... q) {
        int n = (int) Math.min(count, SIZE);
        double[] out = new double[q.length];
        if (n == 0) return out;
        long[] sorted = Arrays.copyOf(nanos, n);
        Arrays.sort(sorted);
        for (int i = 0; i < q.length; i++) {
            int index = (int) Math.ceil(q[i] * n) - 1;
            out[i] = sorted[Math.max(0, Math.min(n - 1, index))] / 1e9;
        }
        return out;
    }

    public synchronized long count() {
        return count;
    }
}
