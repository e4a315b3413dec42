package eu.interlink.kernel.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.Test;

public class CircuitTest {
    private final List<Boolean> changes = new ArrayList<>();
    private final Circuit circuit = new Circuit((c, open) -> changes.add(open));

    @Test
    public void opensAfterConsecutiveFailuresOnly() {
        circuit.failed(3);
        circuit.failed(3);
        circuit.succeeded();
        circuit.failed(3);
        circuit.failed(3);
        assertFalse(circuit.isOpen());
        circuit.failed(3);
        assertTrue(circuit.isOpen());
        assertEquals(List.of(true), changes);
    }

    @Test
    public void letsOneProbeThroughAfterThePeriodAndClosesOnItsSuccess() {
        for (int i = 0; i < 3; i++) circuit.failed(3);
        assertFalse("still open: no call", circuit.allow(60_000));
        assertTrue("the period is over: a probe", circuit.allow(0));
        assertFalse("only one probe at a time", circuit.allow(0));
        circuit.succeeded();
        assertFalse(circuit.isOpen());
        assertTrue(circuit.allow(60_000));
        assertEquals(List.of(true, false), changes);
    }

    @Test
    public void aFailedProbeKeepsItOpen() {
        for (int i = 0; i < 3; i++) circuit.failed(3);
        assertTrue(circuit.allow(0));
        circuit.failed(3);
        assertTrue(circuit.isOpen());
        assertFalse(circuit.allow(60_000));
        assertTrue(circuit.allow(0));
        assertEquals(List.of(true), changes);
    }
}
