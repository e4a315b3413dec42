package eu.interlink.kernel.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The circuit breaker of one Interlinker registration. Closed, it lets calls through and counts consecutive
 * failures; at {@code threshold} it opens and calls fail at once, without reaching the Interlinker, for
 * {@code openMillis}; then one call goes through as a probe: its success closes the circuit, its failure opens
 * it again.
 */
final class Circuit {
    /** Told when the circuit opens or closes, to show the Interlinker as failing or active again. */
    interface Listener {
        void changed(Circuit circuit, boolean open);
    }

    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private final AtomicBoolean probing = new AtomicBoolean();
    private final Listener listener;
    private volatile long openedAt;
    private volatile boolean open;

    Circuit(Listener listener) {
        this.listener = listener;
    }

    boolean isOpen() {
        return open;
    }

    /** Whether a call may go through now; when this returns true for an open circuit, the call is the probe. */
    boolean allow(long openMillis) {
        if (!open) return true;
        return System.currentTimeMillis() - openedAt >= openMillis && probing.compareAndSet(false, true);
    }

    void succeeded() {
        consecutiveFailures.set(0);
        if (open) {
            open = false;
            probing.set(false);
            listener.changed(this, false);
        }
    }

    void failed(int threshold) {
        int failures = consecutiveFailures.incrementAndGet();
        if (open) {
            // The probe failed: stay open for another period.
            openedAt = System.currentTimeMillis();
            probing.set(false);
        } else if (failures >= threshold) {
            openedAt = System.currentTimeMillis();
            open = true;
            listener.changed(this, true);
        }
    }

    /** A call that ended without a verdict on the Interlinker's health (bad input, say): frees the probe slot. */
    void neutral() {
        probing.set(false);
    }
}
