package eu.interlink.kernel.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import eu.interlink.store.Store;

/**
 * Several nodes over one database (issue #13): every {@code cluster.reconcile.seconds} (0, the default, is off),
 * and once at start, brings this node's Interlinker bundles in line with the desired set in {@code cluster_bundle}
 * ({@link OperationsComponent#converge}). Also records the bundles dropped into (or taken out of) {@code deploy/},
 * which do not go through the operations service, so that the other nodes follow those too.
 */
@Component(service = ClusterReconciler.class, immediate = true)
public class ClusterReconciler {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterReconciler.class);

    @Reference
    private OperationsComponent operations;

    @Reference
    private Guard guard;

    @Reference
    private Store store;

    private BundleContext context;
    private ScheduledExecutorService timer;
    private BundleListener deployListener;
    private volatile long lastRunMillis;
    private volatile Instant lastRun;
    private volatile int lastApplied;
    private volatile String lastError;
    private volatile long runs;

    @Activate
    void activate(BundleContext context) {
        this.context = context;
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "interlink-cluster");
            t.setDaemon(true);
            return t;
        });
        // Checked every second, so that a change of the period applies at once; runs when due.
        timer.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
        deployListener = event -> {
            Bundle b = event.getBundle();
            String location = b.getLocation();
            if (location == null || !location.startsWith("file:") || !location.contains("/deploy/")) return;
            if (event.getType() == BundleEvent.STARTED && !BundleWatch.candidate(b)) return;
            if (event.getType() != BundleEvent.STARTED && event.getType() != BundleEvent.UNINSTALLED) return;
            String name = b.getSymbolicName();
            timer.execute(() -> {
                try {
                    operations.publishFromDeploy(name);
                } catch (RuntimeException e) {
                    LOG.warn("Could not record the deploy/ change of {} in the cluster's desired set", name, e);
                }
            });
        };
        context.addBundleListener(deployListener);
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(deployListener);
        timer.shutdownNow();
    }

    private void tick() {
        int seconds = guard.clusterReconcileSeconds();
        if (seconds <= 0) return;
        long now = System.currentTimeMillis();
        if (runs > 0 && now - lastRunMillis < seconds * 1000L) return;
        runNow();
    }

    /** Reconciles now, on the calling thread; returns the number of bundles changed. */
    int runNow() {
        lastRunMillis = System.currentTimeMillis();
        try {
            int applied = operations.converge();
            lastApplied = applied;
            lastError = null;
            if (applied > 0) LOG.info("Node {} followed the cluster's desired set: {} bundle(s) changed", guard.nodeId(), applied);
            return applied;
        } catch (RuntimeException e) {
            lastError = String.valueOf(e.getMessage());
            LOG.warn("Node {} could not reconcile with the cluster's desired set", guard.nodeId(), e);
            return 0;
        } finally {
            runs++;
            lastRun = Instant.now();
        }
    }

    /** For the health endpoint. */
    Map<String, Object> status() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", "UP");
        m.put("node", guard.nodeId());
        m.put("reconcileSeconds", guard.clusterReconcileSeconds());
        if (lastRun != null) {
            m.put("lastReconciled", lastRun.toString());
            m.put("lastChanged", lastApplied);
            try {
                m.put("revision", store.inTransaction(ClusterTable::revision));
            } catch (RuntimeException e) {
                // The store's own part of the health says so.
            }
        }
        if (lastError != null) m.put("lastError", lastError);
        return m;
    }
}
