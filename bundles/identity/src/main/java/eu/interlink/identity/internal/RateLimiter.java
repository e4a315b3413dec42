package eu.interlink.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins counted per key (an account name, an address) in a sliding window. Kept in memory: a node that
 * restarts forgets, and each node of a cluster counts its own, which still bounds guessing to a small multiple.
 */
final class RateLimiter {
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private volatile int max;
    private volatile Duration window;

    RateLimiter(int max, Duration window) {
        configure(max, window);
    }

    void configure(int max, Duration window) {
        this.max = max;
        this.window = window;
    }

    /** Seconds to wait before the next attempt under {@code key}, or 0 when one may be made now. */
    long retryAfter(String key, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) return 0;
        synchronized (times) {
            prune(times, now);
            if (times.size() < max) return 0;
            return Math.max(1, Duration.between(now, times.peekFirst().plus(window)).toSeconds() + 1);
        }
    }

    void failed(String key, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
        }
        if (failures.size() > 100_000) failures.entrySet().removeIf(e -> e.getValue().isEmpty());
    }

    void succeeded(String key) {
        failures.remove(key);
    }

    private void prune(Deque<Instant> times, Instant now) {
        Instant oldest = now.minus(window);
        while (!times.isEmpty() && times.peekFirst().isBefore(oldest)) times.removeFirst();
    }
}
