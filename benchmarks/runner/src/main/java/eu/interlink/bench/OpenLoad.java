package eu.interlink.bench;

import java.io.IOException;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * An open-loop load: a request is due every {@code 1/rate} seconds whatever the server does, sent by a pool of
 * workers each with its own keep-alive connection. A request's latency runs from when it was due, not from when a
 * worker got to it, so that a stall of the server shows in full (no coordinated omission).
 */
final class OpenLoad implements AutoCloseable {
    /** The requests due during one stretch of the run, and how they went. */
    static final class Phase {
        final Samples latencies = new Samples();
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final Queue<String> examples = new ConcurrentLinkedQueue<>();
    }

    private final int port;
    private final long periodNanos;
    private final IntFunction<String> paths;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "load-ticker"));
    private final ThreadPoolExecutor workers;
    private final Queue<Loopback> connections = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<Loopback> connection;
    private final AtomicLong due = new AtomicLong();
    private volatile Phase phase;
    private long startNanos;

    /** {@code paths} gives the path of request {@code n}. */
    OpenLoad(int port, int perSecond, int workers, IntFunction<String> paths) {
        this.port = port;
        this.periodNanos = 1_000_000_000L / perSecond;
        this.paths = paths;
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> daemon(r, "load-worker-" + n.incrementAndGet()));
        this.connection = ThreadLocal.withInitial(() -> {
            Loopback l = new Loopback(this.port, 30_000);
            connections.add(l);
            return l;
        });
    }

    /** Starts sending, counting into {@code first}. */
    void start(Phase first) {
        phase = first;
        startNanos = System.nanoTime();
        ticker.scheduleAtFixedRate(this::tick, 0, periodNanos, TimeUnit.NANOSECONDS);
    }

    /** From now on, requests count into {@code next}. */
    void switchTo(Phase next) {
        phase = next;
    }

    private void tick() {
        // Every request due by now, even when the ticker itself was late.
        long now = System.nanoTime();
        while (true) {
            long n = due.get();
            long at = startNanos + n * periodNanos;
            if (at > now || !due.compareAndSet(n, n + 1)) {
                if (at > now) return;
                continue;
            }
            Phase p = phase;
            String path = paths.apply((int) n);
            p.sent.incrementAndGet();
            workers.execute(() -> send(p, path, at));
        }
    }

    private void send(Phase p, String path, long dueAt) {
        Loopback http = connection.get();
        try {
            Loopback.Response r = http.get(path);
            p.latencies.add(System.nanoTime() - dueAt);
            if (r.status() != 200) fail(p, path + " → " + r);
        } catch (IOException | RuntimeException e) {
            p.latencies.add(System.nanoTime() - dueAt);
            http.close();
            fail(p, path + " → " + e);
        }
    }

    private static void fail(Phase p, String what) {
        p.failed.incrementAndGet();
        if (p.examples.size() < 5) p.examples.add(what);
    }

    /** Stops sending and waits for the requests already due to finish. */
    @Override
    public void close() {
        ticker.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(60, TimeUnit.SECONDS)) workers.shutdownNow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connections.forEach(Loopback::close);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    static String examples(Phase p) {
        return p.examples.isEmpty() ? "" : " First failures: " + String.join("; ", List.copyOf(p.examples));
    }
}
