package eu.interlink.kernel.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import eu.interlink.api.CapabilityNotSupportedException;
import eu.interlink.api.StaleDocumentException;
import eu.interlink.kernel.service.ConfigurationStatus;
import eu.interlink.kernel.service.KernelException;
import eu.interlink.kernel.service.SettingException;
import eu.interlink.kernel.service.Settings;
import eu.interlink.store.StoreException;

/**
 * The one way the kernel calls into an Interlinker: on a thread of its own, within a time limit, with every
 * exception caught, counted and turned into a {@link KernelException}. A faulty Interlinker fails its own
 * requests and nothing else.
 */
@Component(service = Guard.class, configurationPid = "eu.interlink.kernel")
@Designate(ocd = Guard.Config.class)
public class Guard {
    private static final Logger LOG = LoggerFactory.getLogger(Guard.class);

    @ObjectClassDefinition(name = "Interlink kernel", description = "How the kernel calls Interlinkers")
    public @interface Config {
        @AttributeDefinition(name = "Call time limit (ms)", min = "50", max = "600000",
                description = "How long one call into an Interlinker may take before the kernel gives up on it")
        long call_timeout_ms() default 10_000;

        @AttributeDefinition(name = "Failures that open the circuit", min = "1", max = "1000",
                description = "Consecutive failed calls after which an Interlinker is marked failing and not called for a while")
        int circuit_failures() default 5;

        @AttributeDefinition(name = "Open circuit period (ms)", min = "100", max = "3600000",
                description = "How long a failing Interlinker is left alone before one probe call is let through")
        long circuit_open_ms() default 30_000;

        @AttributeDefinition(name = "Hold during a swap (ms)", min = "0", max = "60000",
                description = "How long a request waits for an Interlinker that is being swapped, before it is told the Interlinker is unavailable")
        long swap_hold_ms() default 5_000;

        @AttributeDefinition(name = "Cluster reconciliation period (s)", min = "0", max = "3600",
                description = "With several nodes on one PostgreSQL database: how often each node brings its Interlinker bundles in line with"
                        + " the set recorded in the database (also done at start). 0, the default, turns it off (one node)")
        int cluster_reconcile_seconds() default 0;

        @AttributeDefinition(name = "Node id", description = "This node's name in the health endpoint and the cluster's records;"
                + " by default karaf.name@host name")
        String cluster_node_id();
    }

    /** Counts per Interlinker id, for health and metrics. */
    public static final class CallStats {
        public final LongAdder calls = new LongAdder();
        public final LongAdder failures = new LongAdder();
        public final LongAdder timeouts = new LongAdder();
        /** Calls refused at once because the circuit was open. */
        public final LongAdder refused = new LongAdder();
        public final Latencies latencies = new Latencies();
        final AtomicLong lastFailureLogged = new AtomicLong();
    }

    private final Map<String, CallStats> stats = new ConcurrentHashMap<>();
    private final AtomicLong threads = new AtomicLong();
    private ExecutorService executor;
    private volatile long timeoutMillis;
    private volatile int circuitFailures;
    private volatile long circuitOpenMillis;
    private volatile long swapHoldMillis;
    private volatile int clusterReconcileSeconds;
    private volatile String nodeId = defaultNodeId();

    static final String PID = "eu.interlink.kernel";

    @Reference
    private ConfigurationStatus configurationStatus;

    @Activate
    void activate(Map<String, Object> properties) {
        executor = Executors.newCachedThreadPool(task -> {
            Thread t = new Thread(task, "interlinker-call-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        timeoutMillis = 10_000;
        circuitFailures = 5;
        circuitOpenMillis = 30_000;
        swapHoldMillis = 5_000;
        modified(properties);
    }

    /**
     * Applies a new configuration only when every value is valid; otherwise keeps the values in effect (the
     * defaults, at the first start) and reports the refusal. The ranges are those of {@link Config}.
     */
    @Modified
    void modified(Map<String, Object> properties) {
        try {
            Settings s = Settings.of(properties);
            long timeout = s.longIn("call.timeout.ms", 10_000, 50, 600_000);
            int failures = s.intIn("circuit.failures", 5, 1, 1000);
            long open = s.longIn("circuit.open.ms", 30_000, 100, 3_600_000);
            long hold = s.longIn("swap.hold.ms", 5_000, 0, 60_000);
            int reconcile = s.intIn("cluster.reconcile.seconds", 0, 0, 3600);
            String node = s.text("cluster.node.id", defaultNodeId());
            if (node.length() > 100) throw new SettingException("cluster.node.id", "cluster.node.id must have at most 100 characters");
            timeoutMillis = timeout;
            circuitFailures = failures;
            circuitOpenMillis = open;
            swapHoldMillis = hold;
            clusterReconcileSeconds = reconcile;
            nodeId = node;
            configurationStatus.applied(PID, inEffect());
        } catch (SettingException refused) {
            configurationStatus.refused(PID, refused, inEffect());
        }
    }

    private Map<String, Object> inEffect() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("call.timeout.ms", timeoutMillis);
        values.put("circuit.failures", circuitFailures);
        values.put("circuit.open.ms", circuitOpenMillis);
        values.put("swap.hold.ms", swapHoldMillis);
        values.put("cluster.reconcile.seconds", clusterReconcileSeconds);
        values.put("cluster.node.id", nodeId);
        return values;
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }

    public long timeoutMillis() {
        return timeoutMillis;
    }

    public long swapHoldMillis() {
        return swapHoldMillis;
    }

    /** How often this node reconciles its Interlinker bundles with the cluster's desired set; 0: never (one node). */
    public int clusterReconcileSeconds() {
        return clusterReconcileSeconds;
    }

    public String nodeId() {
        return nodeId;
    }

    private static String defaultNodeId() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException | RuntimeException e) {
            host = "localhost";
        }
        return System.getProperty("karaf.name", "root") + "@" + host;
    }

    public Map<String, CallStats> stats() {
        return stats;
    }

    /**
     * Runs {@code work}, a call into the Interlinker of {@code target}, and returns its result.
     *
     * @param operation what is being done, for messages: {@code instantiate}, {@code describe itself}…
     * @throws KernelException 400 with the Interlinker's own words when it refused the input, 409 for an
     *                         undeclared capability or a stale document, 503 when the store failed or the
     *                         Interlinker's circuit is open, 502 when the Interlinker failed and 504 when it
     *                         did not answer in time
     */
    public <T> T call(CallTarget target, String operation, Callable<T> work) {
        String interlinkerId = target.interlinkerId();
        CallStats counts = stats.computeIfAbsent(interlinkerId, id -> new CallStats());
        Circuit circuit = target.circuit();
        if (!circuit.allow(circuitOpenMillis)) {
            counts.refused.increment();
            throw new KernelException(503, "interlinker-failing", "Interlinker failing",
                    "Interlinker '" + interlinkerId + "' failed repeatedly and is left alone for a while; try again later");
        }
        counts.calls.increment();
        long start = System.nanoTime();
        Future<T> future = executor.submit(work);
        try {
            T result = future.get(timeoutMillis, TimeUnit.MILLISECONDS);
            circuit.succeeded();
            return result;
        } catch (TimeoutException e) {
            future.cancel(true);
            counts.timeouts.increment();
            counts.failures.increment();
            circuit.failed(circuitFailures);
            logOnce(counts, interlinkerId, operation, "did not answer within " + timeoutMillis + " ms", null);
            throw new KernelException(504, "interlinker-timeout", "Interlinker did not answer in time",
                    "Interlinker '" + interlinkerId + "' did not " + operation + " within " + timeoutMillis + " ms");
        } catch (InterruptedException e) {
            future.cancel(true);
            circuit.neutral();
            Thread.currentThread().interrupt();
            throw new KernelException(503, "interrupted", "Interrupted", "The platform is stopping");
        } catch (ExecutionException e) {
            KernelException k = translate(counts, interlinkerId, operation, e.getCause());
            if (k.status() == 502) circuit.failed(circuitFailures);
            else circuit.succeeded(); // it answered, if only to refuse: it is alive
            throw k;
        } finally {
            counts.latencies.record(System.nanoTime() - start);
        }
    }

    private KernelException translate(CallStats counts, String interlinkerId, String operation, Throwable cause) {
        if (cause instanceof KernelException k) return k;
        if (cause instanceof CapabilityNotSupportedException c) {
            return new KernelException(409, "capability-not-supported", "Capability not supported", c.getMessage());
        }
        if (cause instanceof StaleDocumentException s) {
            return new KernelException(409, "stale-document", "Changed by someone else", s.getMessage());
        }
        if (cause instanceof IllegalArgumentException bad) {
            // The Interlinker refused the user's input: the user's mistake, not the Interlinker's.
            return KernelException.badRequest(String.valueOf(bad.getMessage()));
        }
        if (cause instanceof StoreException store) {
            LOG.warn("Store failed during '{}' of Interlinker '{}'", operation, interlinkerId, store);
            return new KernelException(503, "store-unavailable", "Store unavailable", "The platform's database failed; try again later");
        }
        counts.failures.increment();
        logOnce(counts, interlinkerId, operation, "failed: " + cause, cause);
        return new KernelException(502, "interlinker-failed", "Interlinker failed",
                "Interlinker '" + interlinkerId + "' failed to " + operation + "; the failure is logged for the operators");
    }

    /** A stack trace at most once a minute per Interlinker: a faulty one must not flood the log. */
    private static void logOnce(CallStats counts, String interlinkerId, String operation, String what, Throwable cause) {
        long now = System.currentTimeMillis();
        long last = counts.lastFailureLogged.get();
        if (now - last > 60_000 && counts.lastFailureLogged.compareAndSet(last, now)) {
            LOG.warn("Interlinker '{}' {} during '{}' ({} failures so far)", interlinkerId, what, operation, counts.failures.sum(), cause);
        } else {
            LOG.debug("Interlinker '{}' {} during '{}'", interlinkerId, what, operation);
        }
    }
}
