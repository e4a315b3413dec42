package eu.interlink.testkit.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Every call the kit makes into an Interlinker, timed. Calls made straight into the Interlinker run on a thread
 * of their own with a cut-off, as the kernel's guard does, so that an Interlinker that never answers cannot hang
 * the test; the cut-off is well past the limit, so that a slow call is measured, not just cut.
 */
public final class Calls implements AutoCloseable {
    /** One call: what it was and how long it took. */
    public record Call(String operation, Duration took) {
    }

    private final List<Call> calls = new ArrayList<>();
    private final Duration limit;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "interlink-testkit-call");
        t.setDaemon(true);
        return t;
    });

    public Calls(Duration limit) {
        this.limit = limit;
    }

    public Duration limit() { return limit; }

    public synchronized List<Call> all() { return List.copyOf(calls); }

    private synchronized void record(String operation, long startNanos) {
        calls.add(new Call(operation, Duration.ofNanos(System.nanoTime() - startNanos)));
    }

    /** Times work done in this thread (a kernel call, which has a time limit of its own). */
    public <T> T timed(String operation, Callable<T> work, Function<Exception, RuntimeException> failure) {
        long start = System.nanoTime();
        try {
            return work.call();
        } catch (Exception e) {
            throw failure.apply(e);
        } finally {
            record(operation, start);
        }
    }

    /** Runs a call straight into the Interlinker on a thread of its own; past the cut-off it is abandoned as a 504. */
    public <T> T direct(String operation, String interlinkerId, Callable<T> work) {
        long start = System.nanoTime();
        Future<T> f = threads.submit(work);
        Duration cutOff = limit.multipliedBy(2).plusSeconds(1);
        try {
            return f.get(cutOff.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new Refusal(504, "Interlinker '" + interlinkerId + "' did not " + operation + " within " + cutOff.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw Outcomes.refusal(interlinkerId, operation, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refusal(500, "interrupted while waiting for " + operation);
        } finally {
            record(operation, start);
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
