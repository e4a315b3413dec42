package eu.interlink.kernel.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class LatenciesTest {

    @Test
    public void quantilesOfTheRecordedDurations() {
        Latencies l = new Latencies();
        assertArrayEquals(new double[] {0, 0}, l.quantiles(0.5, 0.99), 0);
        for (int ms = 1; ms <= 100; ms++) l.record(ms * 1_000_000L);
        double[] q = l.quantiles(0.5, 0.95, 0.99);
        assertEquals(0.050, q[0], 1e-9);
        assertEquals(0.095, q[1], 1e-9);
        assertEquals(0.099, q[2], 1e-9);
    }

    @Test
    public void keepsOnlyTheLastCalls() {
        Latencies l = new Latencies();
        for (int i = 0; i < Latencies.SIZE; i++) l.record(1_000_000_000L);
        for (int i = 0; i < Latencies.SIZE; i++) l.record(1_000_000L);
        assertEquals(0.001, l.quantiles(0.99)[0], 1e-9);
        assertEquals(2L * Latencies.SIZE, l.count());
    }
}
