package eu.interlink.kernel.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import eu.interlink.api.DataMigration;
import eu.interlink.api.Interlinker;
import eu.interlink.api.InterlinkerDescriptor;
import eu.interlink.api.InterlinkerTexts;
import eu.interlink.kernel.internal.StateTable.IdState;
import eu.interlink.kernel.service.ActivityLog;
import eu.interlink.kernel.service.BundleInfo;
import eu.interlink.kernel.service.Events;
import eu.interlink.kernel.service.InterlinkerEntry;
import eu.interlink.kernel.service.InterlinkerQuery;
import eu.interlink.kernel.service.InterlinkerRegistry;
import eu.interlink.kernel.service.InterlinkerStatus;
import eu.interlink.kernel.service.KernelException;
import eu.interlink.kernel.service.Page;
import eu.interlink.store.Store;

/**
 * The index of Interlinkers and the life cycle of each: which registration serves an id, upgrades with their
 * data migrations, rollbacks, disabling, and the short holds that keep requests from failing during a swap.
 *
 * <p>Services arrive and leave through a dynamic, greedy, multiple reference, in any order relative to this
 * component. Each arrival is validated once; deciding what serves an id (and migrating data to get there) is
 * done by {@link #reconcile} on one lifecycle thread, so changes to one id never interleave. After every change
 * an immutable snapshot is published: requests read it without locks or registry look-ups.
 */
@Component(service = {InterlinkerRegistry.class, RegistryComponent.class}, immediate = true)
public class RegistryComponent implements InterlinkerRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryComponent.class);

    @Reference
    private EventAdmin events;

    @Reference
    private Guard guard;

    @Reference
    private Store store;

    /**
     * Not called: referenced so that the registry starts only once the activity log listens, and the arrivals
     * it posts at boot are recorded like any other.
     */
    @Reference
    private ActivityLog activityLog;

    /** One registered {@link Interlinker} service, valid or refused. */
    final class Registration implements CallTarget {
        final long serviceId;
        final Bundle bundle;
        final BundleInfo info;
        final Interlinker service;
        final InterlinkerDescriptor descriptor;
        /** Why the kernel refused it at arrival; null when valid. */
        final String rejected;
        final Instant arrived = Instant.now();
        final Circuit circuit;
        private final AtomicInteger inFlight = new AtomicInteger();
        /** Why it may not serve although valid: its data migration failed. Null when it may. */
        volatile String unfit;
        /** What an operator should know of it while it does not serve (data it cannot read). */
        volatile String note;
        volatile Instant since = arrived;
        private volatile boolean leaving;
        /** Set while its id's data changes shape: calls wait (hold) instead of reading data mid-change. */
        private volatile boolean paused;

        Registration(long serviceId, Bundle bundle, Interlinker service, InterlinkerDescriptor descriptor, String rejected) {
            this.serviceId = serviceId;
            this.bundle = bundle;
            this.info = new BundleInfo(bundle.getBundleId(), bundle.getSymbolicName(), bundle.getVersion().toString());
            this.service = service;
            this.descriptor = descriptor;
            this.rejected = rejected;
            this.circuit = new Circuit((c, open) -> circuitChanged(this, open));
        }

        @Override
        public String interlinkerId() {
            return descriptor == null ? "" : descriptor.id();
        }

        @Override
        public Circuit circuit() {
            return circuit;
        }

        String version() {
            return descriptor == null ? "" : descriptor.version();
        }

        Version osgiVersion() {
            return Version.parseVersion(version().isEmpty() ? "0" : version());
        }

        int dataVersion() {
            return descriptor.dataVersion();
        }

        boolean valid() {
            return rejected == null;
        }

        /** How many times the current thread is counted in: a nested entry must not wait for a pause it blocks. */
        private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

        /** Counts a call in; false when the registration is leaving or paused and must not be used now. */
        boolean enter() {
            int[] d = depth.get();
            inFlight.incrementAndGet();
            if (d[0] == 0 && (leaving || paused)) {
                inFlight.decrementAndGet();
                depth.remove();
                signalIfIdle();
                return false;
            }
            d[0]++;
            return true;
        }

        void exit() {
            int[] d = depth.get();
            if (--d[0] <= 0) depth.remove();
            if (inFlight.decrementAndGet() == 0) signalIfIdle();
        }

        private void signalIfIdle() {
            if (inFlight.get() == 0 && (leaving || paused)) {
                synchronized (this) {
                    notifyAll();
                }
            }
        }

        /** Waits, at most {@code millis}, for the calls in flight on this registration to finish, for good. */
        void drain(long millis) {
            leaving = true;
            awaitIdle(millis);
        }

        /** Lets no new call in and waits, at most {@code millis}, for those in flight; {@link #resume()} undoes it. */
        void pause(long millis) {
            paused = true;
            awaitIdle(millis);
        }

        void resume() {
            paused = false;
        }

        private void awaitIdle(long millis) {
            long deadline = System.currentTimeMillis() + millis;
            synchronized (this) {
                while (inFlight.get() > 0) {
                    long left = deadline - System.currentTimeMillis();
                    if (left <= 0) {
                        LOG.warn("Interlinker {}@{} left with {} calls still running", interlinkerId(), version(), inFlight.get());
                        return;
                    }
                    try {
                        wait(left);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    /** A bundle that looks like an Interlinker but registered none: why (unresolvable, failed activation…). */
    record Diagnosis(BundleInfo bundle, String reason, Instant since) {
    }

    /** What requests read: replaced whole on every change. */
    record Snapshot(long revision, Map<String, Registration> serving, List<Registration> all, Map<String, List<Registration>> byId,
            Map<String, IdState> states, List<Diagnosis> diagnoses, List<Object> listing) {
    }

    private long revision;

    // Guarded by this.
    private final Map<Long, Registration> registrations = new HashMap<>();
    private final Map<String, Registration> servingById = new HashMap<>();
    private final Map<String, IdState> states = new HashMap<>();
    private final Map<Long, Diagnosis> diagnoses = new HashMap<>();
    private final List<Object[]> early = new ArrayList<>();
    private boolean active;

    private volatile Snapshot snapshot = new Snapshot(0, Map.of(), List.of(), Map.of(), Map.of(), List.of(), List.of());
    /** Until when requests for an id wait for it to be served again, during a swap. */
    private final Map<String, Long> holdUntil = new ConcurrentHashMap<>();
    /** Notified on every publication, for requests that hold. */
    private final Object published = new Object();
    private ExecutorService lifecycle;

    @Reference(service = Interlinker.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addInterlinker(Interlinker service, ServiceReference<Interlinker> reference) {
        synchronized (this) {
            if (!active) {
                early.add(new Object[] {service, reference});
                return;
            }
        }
        arrive(service, reference);
    }

    void removeInterlinker(ServiceReference<Interlinker> reference) {
        long serviceId = (Long) reference.getProperty(Constants.SERVICE_ID);
        Registration gone;
        synchronized (this) {
            early.removeIf(e -> e[1].equals(reference));
            gone = registrations.get(serviceId);
            if (gone == null) return;
            if (servingById.get(gone.interlinkerId()) == gone) {
                // Requests wait briefly for a successor instead of failing: a bundle update or a replaced jar is
                // a departure followed at once by an arrival.
                servingById.remove(gone.interlinkerId());
                holdUntil.put(gone.interlinkerId(), System.currentTimeMillis() + guard.swapHoldMillis());
            }
            publish();
        }
        // Calls in flight finish on the version that is leaving, before its bundle goes on stopping.
        gone.drain(guard.timeoutMillis() + 1000);
        synchronized (this) {
            registrations.remove(serviceId);
            publish();
        }
        if (gone.valid()) {
            LOG.info("Interlinker {}@{} left (bundle {} {})", gone.interlinkerId(), gone.version(), gone.info.symbolicName(), gone.info.version());
            record(gone.interlinkerId(), "departed", gone.version(), null, "ok", "bundle " + gone.info.symbolicName() + " " + gone.info.version(), null);
            submitReconcile(gone.interlinkerId());
        }
    }

    /** The cluster's desired state of each bundle ("symbolic name|version"), when the cluster reconciler is on. */
    private volatile Map<String, String> clusterDesired = Map.of();

    /**
     * With the cluster reconciler on, a bundle the cluster wants stopped or removed does not serve even while it
     * runs here (a node that was down during a rollback restarts with the newer bundle started): the reconciler
     * stops it shortly; meanwhile it must not migrate the shared data or take requests.
     */
    boolean desiredByCluster(Bundle b) {
        if (guard.clusterReconcileSeconds() <= 0) return true;
        String d = clusterDesired.get(b.getSymbolicName() + "|" + b.getVersion());
        return d == null || ClusterTable.ACTIVE.equals(d);
    }

    /** Sets the desired set the registry gates by; returns the ids whose gating changed. */
    java.util.Set<String> clusterDesired(List<ClusterTable.Row> rows) {
        Map<String, String> m = new HashMap<>();
        java.util.Set<String> changed = new java.util.HashSet<>();
        Map<String, String> before = clusterDesired;
        for (ClusterTable.Row r : rows) {
            String key = r.symbolicName() + "|" + r.version();
            m.put(key, r.desired());
            if (r.interlinkerId() != null && !r.desired().equals(before.get(key))) changed.add(r.interlinkerId());
        }
        clusterDesired = Map.copyOf(m);
        return changed;
    }

    /**
     * Reloads what the kernel remembers of every id from the store, where other nodes write it too, and
     * reconciles the ids whose disabling changed. On the lifecycle thread, before anything else is decided.
     */
    void refreshStates(long timeoutMillis) {
        onLifecycle(() -> {
            List<IdState> known = store.inTransaction(StateTable::all);
            List<String> changed = new ArrayList<>();
            synchronized (this) {
                for (IdState st : known) {
                    IdState old = states.put(st.id(), st);
                    if (old == null ? st.disabled() : old.disabled() != st.disabled()) changed.add(st.id());
                }
                publish();
            }
            for (String id : changed) reconcile(id);
            return null;
        }, timeoutMillis);
    }

    @Activate
    void activate() {
        lifecycle = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "interlink-lifecycle");
            t.setDaemon(true);
            return t;
        });
        List<IdState> known = store.inTransaction(StateTable::all);
        clusterDesired(store.inTransaction(ClusterTable::all));
        List<Object[]> pending;
        synchronized (this) {
            known.forEach(st -> states.put(st.id(), st));
            active = true;
            pending = new ArrayList<>(early);
            early.clear();
        }
        for (Object[] p : pending) {
            @SuppressWarnings("unchecked")
            ServiceReference<Interlinker> ref = (ServiceReference<Interlinker>) p[1];
            arrive((Interlinker) p[0], ref);
        }
    }

    @Deactivate
    void deactivate() {
        synchronized (this) {
            active = false;
            registrations.clear();
            servingById.clear();
            states.clear();
            diagnoses.clear();
            publish();
        }
        lifecycle.shutdownNow();
    }

    // ---------------------------------------------------------------------------------------------- arrival

    private void arrive(Interlinker service, ServiceReference<Interlinker> reference) {
        long serviceId = (Long) reference.getProperty(Constants.SERVICE_ID);
        Bundle bundle = reference.getBundle();
        if (bundle == null) return; // unregistered meanwhile
        String bundleName = bundle.getSymbolicName() + " " + bundle.getVersion();

        // Reading the descriptor is a call into the Interlinker like any other: guarded, outside any lock.
        InterlinkerDescriptor descriptor = null;
        String problem = null;
        try {
            Registration probe = new Registration(serviceId, bundle, service, null, "probe");
            descriptor = guard.call(new CallTarget() {
                @Override public String interlinkerId() { return "bundle " + bundleName; }
                @Override public Circuit circuit() { return probe.circuit; }
            }, "describe itself", service::descriptor);
            if (descriptor == null) problem = "descriptor() returned null: return an InterlinkerDescriptor built with InterlinkerDescriptor.builder(...)";
        } catch (RuntimeException e) {
            problem = "descriptor() failed: " + e.getMessage() + ". Fix the Interlinker's descriptor() so that it returns at once";
        }
        if (descriptor != null && problem == null) problem = checkVersion(descriptor, bundle.getVersion());

        Registration r;
        synchronized (this) {
            if (!active || reference.getBundle() == null) return;
            if (problem == null) problem = checkUnique(descriptor, bundle);
            r = new Registration(serviceId, bundle, service, descriptor, problem);
            registrations.put(serviceId, r);
            diagnoses.remove(bundle.getBundleId());
            if (r.valid() && !servingById.containsKey(r.interlinkerId())) {
                holdUntil.put(r.interlinkerId(), System.currentTimeMillis() + guard.swapHoldMillis());
            }
            publish();
        }
        if (r.valid()) {
            LOG.info("Interlinker {}@{} arrived (bundle {})", r.interlinkerId(), r.version(), bundleName);
            record(r.interlinkerId(), "arrived", r.version(), null, "ok", "bundle " + bundleName, null);
            submitReconcile(r.interlinkerId());
        } else {
            LOG.warn("Interlinker from bundle {} refused: {}", bundleName, problem);
            record(descriptor == null ? bundle.getSymbolicName() : descriptor.id(), "rejected", descriptor == null ? bundle.getVersion().toString()
                    : descriptor.version(), null, "failed", problem, null);
        }
    }

    private static String checkVersion(InterlinkerDescriptor d, Version bundleVersion) {
        String expected = bundleVersion.getMajor() + "." + bundleVersion.getMinor() + "." + bundleVersion.getMicro();
        if (!expected.equals(d.version())) {
            return "Interlinker '" + d.id() + "' says it is version " + d.version() + " but its bundle is " + bundleVersion
                    + ": build the descriptor with InterlinkerDescriptor.versionOf(getClass())";
        }
        return null;
    }

    /** Another bundle may not take an id; the same bundle in another version may: that is an upgrade. */
    private String checkUnique(InterlinkerDescriptor d, Bundle bundle) {
        for (Registration r : registrations.values()) {
            if (!r.valid() || !r.interlinkerId().equals(d.id())) continue;
            if (!r.info.symbolicName().equals(bundle.getSymbolicName())) {
                return "id '" + d.id() + "' is already taken by bundle " + r.info.symbolicName() + " " + r.info.version()
                        + ": give this Interlinker another id";
            }
            if (r.version().equals(d.version())) {
                return "Interlinker '" + d.id() + "' version " + d.version() + " is already registered by bundle "
                        + r.info.symbolicName() + " " + r.info.version() + " (bundle id " + r.info.id() + "): register each version once";
            }
        }
        return null;
    }

    // ------------------------------------------------------------------------------------------- lifecycle

    void submitReconcile(String id) {
        if (id == null || id.isEmpty()) return;
        try {
            lifecycle.submit(() -> {
                try {
                    reconcile(id);
                } catch (RuntimeException e) {
                    LOG.error("Could not decide which version of Interlinker '{}' serves", id, e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // The kernel is stopping.
        }
    }

    /** Runs {@code work} on the lifecycle thread, after every change already queued, and waits for it. */
    <T> T onLifecycle(Callable<T> work, long timeoutMillis) {
        Future<T> f = lifecycle.submit(work);
        try {
            return f.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new KernelException(504, "lifecycle-timeout", "Took too long", "The change did not complete within " + timeoutMillis + " ms; it goes on in the background");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KernelException(503, "interrupted", "Interrupted", "The platform is stopping");
        }
    }

    boolean onLifecycleThread() {
        return Thread.currentThread().getName().equals("interlink-lifecycle");
    }

    IdState state(String id) {
        synchronized (this) {
            IdState s = states.get(id);
            if (s != null) return s;
        }
        IdState loaded = store.inTransaction(c -> StateTable.find(c, id)).orElse(null);
        if (loaded != null) {
            synchronized (this) {
                states.putIfAbsent(id, loaded);
            }
        }
        return loaded;
    }

    void saveState(IdState s) {
        store.inTransaction(c -> {
            StateTable.save(c, s);
            return null;
        });
        synchronized (this) {
            states.put(s.id(), s);
            publish();
        }
    }

    /**
     * Decides which registration serves {@code id} and gets it there: migrating the data forward when a newer
     * version arrives, falling back to the version in service when that fails. Runs on the lifecycle thread.
     */
    void reconcile(String id) {
        IdState state = state(id);
        List<Registration> candidates;
        Registration current;
        synchronized (this) {
            current = servingById.get(id);
            candidates = registrations.values().stream()
                    .filter(r -> r.valid() && !r.leaving && r.interlinkerId().equals(id) && desiredByCluster(r.bundle)).toList();
        }
        if (state != null && state.disabled()) {
            serve(id, null);
            return;
        }
        Registration target = choose(state, candidates);
        for (Registration r : candidates) {
            if (state != null && r.dataVersion() < state.dataVersion()) {
                r.note = "reads data version " + r.dataVersion() + " but the data is at version " + state.dataVersion()
                        + ": roll back to it with interlink:rollback " + id;
            }
        }
        if (target == null || target == current) {
            publishLocked();
            return;
        }
        int stored = state == null ? target.dataVersion() : state.dataVersion();
        String before = current != null ? current.version() : state == null ? null : state.servingVersion();
        if (target.dataVersion() > stored) {
            // The data changes shape: the version in service must not read it meanwhile. Its requests hold.
            if (current != null) pauseForChange(current);
            try {
                migrate(target, stored);
            } catch (RuntimeException e) {
                if (current != null) current.resume();
                String reason = "data migration from version " + stored + " to " + target.dataVersion() + " failed and was rolled back: "
                        + (e instanceof KernelException k ? k.detail() : String.valueOf(e.getMessage()));
                target.unfit = reason;
                LOG.warn("Upgrade of Interlinker '{}' to {} failed; {} stays in service: {}", id, target.version(), before, reason);
                record(id, "upgraded", target.version(), before, "failed", reason, null);
                reconcile(id); // the failed version is now unfit: the previous choice stands
                return;
            }
        }
        // A node following the cluster's desired set finds the shared state already naming the version another node
        // switched to (and its data already in that shape): it serves it without recording a switch of its own.
        boolean upgrade = before != null && !before.equals(target.version())
                && !(state != null && target.version().equals(state.servingVersion()) && target.dataVersion() == state.dataVersion());
        IdState next = (state == null ? new IdState(id, target.dataVersion(), null, null, false) : state.withDataVersion(target.dataVersion()))
                .serving(target.version(), upgrade ? before : state == null ? null : state.previousVersion());
        // Written only when it changes: a node following another's switch finds it written already, and must not write
        // back a copy that may be older than a change another node makes meanwhile.
        if (!next.equals(state)) saveState(next);
        serve(id, target);
        // The older version stays paused until its bundle stops (stopOlder): a request that saw it serving a
        // moment ago must not write data of the old shape into migrated data.
        if (upgrade) {
            LOG.info("Interlinker '{}' switched from {} to {}", id, before, target.version());
            record(id, "upgraded", target.version(), before, "ok", "now served by bundle " + target.info.symbolicName() + " " + target.info.version(), null);
            if (target.osgiVersion().compareTo(Version.parseVersion(before)) > 0) stopOlder(target);
        }
    }

    /**
     * The highest version that can serve: one whose data migration has not failed, and that reads the data as it
     * is or can migrate it forward. A rollback stops the bundle it rolls back from, so that version does not
     * take over again unless someone starts or installs it again, which is asking for it.
     */
    private static Registration choose(IdState state, List<Registration> candidates) {
        return candidates.stream()
                .filter(r -> r.unfit == null && (state == null || r.dataVersion() >= state.dataVersion()))
                .max(Comparator.comparing(Registration::osgiVersion))
                .orElse(null);
    }

    /** Holds the requests for {@code r}'s id and waits for those in flight on it to finish. */
    void pauseForChange(Registration r) {
        holdUntil.put(r.interlinkerId(), System.currentTimeMillis() + guard.swapHoldMillis());
        r.pause(guard.timeoutMillis() + 1000);
    }

    /** Runs {@code target}'s migrations on every asset of its id, in one transaction. */
    private void migrate(Registration target, int from) {
        String id = target.interlinkerId();
        Map<Integer, DataMigration> steps = steps(target);
        List<Integer> order = new ArrayList<>();
        for (int v = from; v < target.dataVersion(); v++) {
            if (!steps.containsKey(v)) {
                throw new KernelException(409, "migration-missing", "Migration missing", "Interlinker '" + id + "' " + target.version()
                        + " declares data version " + target.dataVersion() + " but has no migration from version " + v);
            }
            order.add(v);
        }
        reshape(target, order, target.dataVersion(), (v, ctx) -> steps.get(v).migrate(ctx), "migrate asset %s from data version %d");
        LOG.info("Migrated the data of Interlinker '{}' from version {} to {}", id, from, target.dataVersion());
    }

    /** Runs {@code newer}'s reverts to bring the data of its id back to {@code to}, in one transaction. */
    void revert(Registration newer, int from, int to) {
        String id = newer.interlinkerId();
        Map<Integer, DataMigration> steps = steps(newer);
        List<Integer> order = new ArrayList<>();
        for (int v = from - 1; v >= to; v--) {
            DataMigration step = steps.get(v);
            if (step == null || !step.reversible()) {
                throw new KernelException(409, "migration-not-reversible", "Cannot roll back",
                        "The data migration of '" + id + "' from data version " + v + " to " + (v + 1) + " in " + newer.version()
                                + " cannot be reverted, so rolling back would lose data; stay on " + newer.version() + " or restore a backup");
            }
            order.add(v);
        }
        reshape(newer, order, to, (v, ctx) -> steps.get(v).revert(ctx), "revert asset %s to data version %d");
    }

    @FunctionalInterface
    private interface Step {
        void apply(int fromVersion, KernelAssetContext context);
    }

    /**
     * Applies {@code step} for each version of {@code order} to every asset of {@code via}'s id, through the
     * guard, then records {@code dataVersion}: all in one transaction, so a failure leaves the data as it was.
     */
    private void reshape(Registration via, List<Integer> order, int dataVersion, Step step, String operation) {
        String id = via.interlinkerId();
        store.inTransaction(c -> {
            List<String> assets = AssetTable.ids(c, id);
            for (int v : order) {
                for (String asset : assets) {
                    try (KernelAssetContext ctx = KernelAssetContext.forPlatform(store, via.descriptor, asset)) {
                        guard.call(via, String.format(Locale.ROOT, operation, asset, v), () -> {
                            step.apply(v, ctx);
                            return null;
                        });
                    }
                }
            }
            IdState s = StateTable.find(c, id).orElse(new IdState(id, dataVersion, null, null, false));
            StateTable.save(c, s.withDataVersion(dataVersion));
            return null;
        });
        synchronized (this) {
            states.remove(id); // re-read after the commit
        }
    }

    private Map<Integer, DataMigration> steps(Registration r) {
        List<DataMigration> list = guard.call(r, "list its data migrations", r.service::migrations);
        Map<Integer, DataMigration> steps = new HashMap<>();
        if (list != null) {
            for (DataMigration m : list) {
                if (m != null) steps.put(guard.call(r, "describe a data migration", m::fromVersion), m);
            }
        }
        return steps;
    }

    /**
     * Stops the bundles of older versions of {@code target}'s id once it serves: their pages would otherwise
     * shadow the new version's. They stay installed, for a rollback.
     */
    private void stopOlder(Registration target) {
        List<Registration> older;
        synchronized (this) {
            older = registrations.values().stream()
                    .filter(r -> r.valid() && r.interlinkerId().equals(target.interlinkerId()) && r.bundle.getBundleId() != target.bundle.getBundleId()
                            && r.osgiVersion().compareTo(target.osgiVersion()) < 0)
                    .toList();
        }
        for (Registration r : older) stopBundle(r.bundle);
    }

    void stopBundle(Bundle b) {
        boolean onlyInterlinkers;
        synchronized (this) {
            // A bundle that also serves other ids is left running.
            onlyInterlinkers = registrations.values().stream().filter(r -> r.bundle.getBundleId() == b.getBundleId())
                    .map(Registration::interlinkerId).distinct().count() <= 1;
        }
        if (!onlyInterlinkers) return;
        try {
            b.stop();
        } catch (BundleException | IllegalStateException e) {
            LOG.warn("Could not stop bundle {} {}", b.getSymbolicName(), b.getVersion(), e);
        }
    }

    void serve(String id, Registration target) {
        synchronized (this) {
            if (target == null) servingById.remove(id);
            else {
                target.note = null;
                // Paused when it last stopped serving (an upgrade or rollback away from it): it serves again now.
                target.resume();
                servingById.put(id, target);
                target.since = Instant.now();
            }
            publish();
            // After the publication, never before: acquire() relies on it.
            if (target != null) holdUntil.remove(id);
        }
    }

    private void publishLocked() {
        synchronized (this) {
            publish();
        }
    }

    /** Rebuilds the snapshot; called with the lock held. */
    private void publish() {
        List<Registration> all = List.copyOf(registrations.values());
        Map<String, List<Registration>> byId = new HashMap<>();
        for (Registration r : all) byId.computeIfAbsent(r.interlinkerId(), k -> new ArrayList<>()).add(r);
        byId.replaceAll((k, v) -> List.copyOf(v));
        List<Diagnosis> diagnosed = List.copyOf(diagnoses.values());
        // The catalogue's order, computed once per change so that a request only slices it.
        snapshot = new Snapshot(++revision, Map.copyOf(servingById), all, Map.copyOf(byId), Map.copyOf(states), diagnosed,
                listing(all, servingById, diagnosed));
        synchronized (published) {
            published.notifyAll();
        }
    }

    private void circuitChanged(Registration r, boolean open) {
        LOG.warn("Interlinker {}@{} is {}", r.interlinkerId(), r.version(), open ? "failing: its circuit is open" : "answering again: its circuit is closed");
        record(r.interlinkerId(), open ? "failing" : "recovered", r.version(), null, open ? "failed" : "ok",
                open ? "calls fail repeatedly; the kernel stops calling it for a while" : "a probe call succeeded", null);
        publishLocked();
    }

    // -------------------------------------------------------------------------------------- diagnoses

    void diagnose(Bundle bundle, String reason) {
        synchronized (this) {
            if (registrations.values().stream().anyMatch(r -> r.bundle.getBundleId() == bundle.getBundleId())) return;
            Diagnosis old = diagnoses.get(bundle.getBundleId());
            if (old != null && old.reason().equals(reason)) return;
            diagnoses.put(bundle.getBundleId(), new Diagnosis(new BundleInfo(bundle.getBundleId(), bundle.getSymbolicName(),
                    bundle.getVersion().toString()), reason, Instant.now()));
            publish();
        }
        LOG.warn("Interlinker bundle {} {} refused: {}", bundle.getSymbolicName(), bundle.getVersion(), reason);
        record(bundle.getSymbolicName(), "rejected", bundle.getVersion().toString(), null, "failed", reason, null);
    }

    void forget(long bundleId) {
        synchronized (this) {
            if (diagnoses.remove(bundleId) != null) publish();
        }
    }

    Optional<Diagnosis> diagnosis(long bundleId) {
        return snapshot.diagnoses().stream().filter(d -> d.bundle().id() == bundleId).findFirst();
    }

    boolean hasRegistration(long bundleId) {
        return snapshot.all().stream().anyMatch(r -> r.bundle.getBundleId() == bundleId);
    }

    // --------------------------------------------------------------------------------- for the kernel

    /**
     * The registration serving {@code id}, counted in: the caller must {@link Registration#exit()} it. During a
     * swap, waits (at most the configured hold) for the next version rather than failing.
     *
     * @return empty when nothing serves the id and none is expected soon
     */
    Optional<Registration> acquire(String id) {
        while (true) {
            Snapshot seen = snapshot;
            Registration r = seen.serving().get(id);
            if (r != null && r.enter()) return Optional.of(r);
            Long until = holdUntil.get(id);
            // A hold is lifted only after the snapshot that ends it is published: if it is gone, look again.
            if (snapshot != seen) continue;
            long now = System.currentTimeMillis();
            if (until == null || now >= until) return Optional.empty();
            synchronized (published) {
                try {
                    published.wait(Math.min(50, until - now));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                }
            }
        }
    }

    /**
     * The registration of {@code id} made by {@code bundleId}, counted in, if it is the one serving: for an
     * Interlinker's own pages, which must not touch the data while it changes shape (they hold, like the
     * kernel's calls) nor after another version took over. Re-entrant for a page request already counted in.
     */
    Optional<Registration> acquireOwn(String id, long bundleId) {
        long until = System.currentTimeMillis() + guard.swapHoldMillis();
        while (true) {
            Snapshot seen = snapshot;
            Registration serving = seen.serving().get(id);
            if (serving != null && serving.bundle.getBundleId() == bundleId && serving.enter()) return Optional.of(serving);
            // Another version serves: this bundle's pages have no business with the data any more.
            if (serving != null && serving.bundle.getBundleId() != bundleId) return Optional.empty();
            long now = System.currentTimeMillis();
            if (snapshot != seen) continue;
            if (now >= until) return Optional.empty();
            synchronized (published) {
                try {
                    published.wait(Math.min(50, until - now));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                }
            }
        }
    }

    /** What the registry knows of {@code id} now, for the log when a request finds nothing to serve it. */
    String explain(String id) {
        Snapshot s = snapshot;
        StringBuilder b = new StringBuilder("serving=").append(Optional.ofNullable(s.serving().get(id)).map(Registration::version).orElse("none"))
                .append(" hold=").append(holdUntil.getOrDefault(id, 0L) - System.currentTimeMillis()).append("ms");
        for (Registration r : s.all()) {
            if (!r.interlinkerId().equals(id)) continue;
            b.append(" [").append(r.version()).append(" leaving=").append(r.leaving).append(" paused=").append(r.paused)
                    .append(" unfit=").append(r.unfit != null).append(']');
        }
        return b.toString();
    }

    /** The serving registration, without counting a call in (for showing, not calling). */
    Optional<Registration> serving(String id) {
        return Optional.ofNullable(snapshot.serving().get(id));
    }

    boolean isDisabled(String id) {
        IdState s = snapshot.states().get(id);
        return s != null && s.disabled();
    }

    List<Registration> registrationsOf(String id) {
        return snapshot.byId().getOrDefault(id, List.of());
    }

    Optional<Registration> registrationOfBundle(long bundleId) {
        return snapshot.all().stream().filter(r -> r.bundle.getBundleId() == bundleId).findFirst();
    }

    /** Waits up to {@code millis} for {@code done} to hold, re-checking at every publication. */
    boolean awaitChange(java.util.function.BooleanSupplier done, long millis) {
        long deadline = System.currentTimeMillis() + millis;
        while (!done.getAsBoolean()) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) return false;
            synchronized (published) {
                try {
                    published.wait(Math.min(left, 100));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether {@code bundleId} registered an Interlinker with this id: what its {@code AssetAccess} may reach. */
    boolean registeredBy(String interlinkerId, long bundleId) {
        return snapshot.all().stream().anyMatch(r -> r.valid() && r.interlinkerId().equals(interlinkerId) && r.bundle.getBundleId() == bundleId);
    }

    /** Writes one line of an Interlinker's history and posts it as an event (so it is in the activity log too). */
    void record(String id, String action, String version, String fromVersion, String outcome, String detail, String actor) {
        try {
            store.inTransaction(c -> {
                StateTable.history(c, id, action, version, fromVersion, outcome, detail, actor);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.error("Could not record '{}' of Interlinker '{}' in its history", action, id, e);
        }
        Map<String, Object> props = new LinkedHashMap<>();
        props.put(Events.SUBJECT_TYPE, "interlinker");
        props.put(Events.SUBJECT_ID, id);
        if (version != null) props.put("version", version);
        if (fromVersion != null) props.put("from", fromVersion);
        props.put("outcome", outcome);
        if (detail != null) props.put("detail", detail);
        if (actor != null) props.put(Events.ACTOR, actor);
        String topic = Events.TOPIC_PREFIX + "interlinker/" + action.toUpperCase(Locale.ROOT).replace('-', '_');
        events.postEvent(new Event(topic, props));
    }

    // ------------------------------------------------------------------------------------------ reading

    InterlinkerEntry entry(Registration r, Snapshot s) {
        boolean serving = s.serving().get(r.interlinkerId()) == r;
        IdState state = s.states().get(r.interlinkerId());
        InterlinkerStatus status;
        String reason = "";
        if (!r.valid()) {
            status = InterlinkerStatus.REJECTED;
            reason = r.rejected;
        } else if (state != null && state.disabled()) {
            status = InterlinkerStatus.DISABLED;
            reason = "disabled by an operator: interlink:enable " + r.interlinkerId() + " brings it back";
        } else if (r.unfit != null) {
            status = InterlinkerStatus.REJECTED;
            reason = r.unfit;
        } else if (serving && r.circuit.isOpen()) {
            status = InterlinkerStatus.FAILING;
            reason = "its calls fail repeatedly; the kernel stops calling it for a while, then tries again";
        } else {
            status = InterlinkerStatus.ACTIVE;
            if (!serving && r.note != null) reason = r.note;
            else if (!serving && s.serving().containsKey(r.interlinkerId())) reason = "standing by: " + s.serving().get(r.interlinkerId()).version() + " serves";
        }
        return new InterlinkerEntry(r.interlinkerId(), r.version(), status, reason, r.info, Optional.ofNullable(r.descriptor),
                serving ? r.since : r.arrived, serving);
    }

    private static InterlinkerEntry entry(Diagnosis d) {
        return new InterlinkerEntry("", d.bundle().version(), InterlinkerStatus.REJECTED, d.reason(), d.bundle(), Optional.empty(), d.since(), false);
    }

    /**
     * The rows of the catalogue, in its order (id, then valid before refused, then bundle): per id the serving
     * registration, else its highest valid one; each refused registration; each diagnosed bundle.
     */
    private static List<Object> listing(List<Registration> all, Map<String, Registration> serving, List<Diagnosis> diagnosed) {
        Map<String, Registration> shown = new HashMap<>();
        List<Object> rows = new ArrayList<>();
        for (Registration r : all) {
            if (!r.valid()) {
                rows.add(r);
            } else if (serving.get(r.interlinkerId()) != null) {
                shown.put(r.interlinkerId(), serving.get(r.interlinkerId()));
            } else {
                shown.merge(r.interlinkerId(), r, (a, b) -> a.osgiVersion().compareTo(b.osgiVersion()) >= 0 ? a : b);
            }
        }
        rows.addAll(shown.values());
        rows.addAll(diagnosed);
        rows.sort(Comparator.comparing(RegistryComponent::rowId).thenComparing(row -> row instanceof Registration r && r.valid() ? 0 : 1)
                .thenComparing(RegistryComponent::rowBundle));
        return List.copyOf(rows);
    }

    private static String rowId(Object row) {
        return row instanceof Registration r ? r.interlinkerId() : "";
    }

    private static long rowBundle(Object row) {
        return row instanceof Registration r ? r.info.id() : ((Diagnosis) row).bundle().id();
    }

    private InterlinkerEntry entry(Object row, Snapshot s) {
        return row instanceof Registration r ? entry(r, s) : entry((Diagnosis) row);
    }

    @Override
    public long revision() {
        return snapshot.revision();
    }

    @Override
    public Optional<InterlinkerEntry> find(String id) {
        Snapshot s = snapshot;
        Registration r = s.serving().get(id);
        if (r != null) return Optional.of(entry(r, s));
        List<Registration> mine = s.byId().getOrDefault(id, List.of());
        return s.listing().stream().filter(mine::contains).findFirst().map(row -> entry(row, s));
    }

    @Override
    public List<InterlinkerEntry> versions(String id) {
        Snapshot s = snapshot;
        return s.byId().getOrDefault(id, List.of()).stream()
                .sorted(Comparator.comparing((Registration r) -> s.serving().get(id) == r ? 0 : 1)
                        .thenComparing(Comparator.comparing(Registration::osgiVersion).reversed()))
                .map(r -> entry(r, s)).toList();
    }

    @Override
    public Page<InterlinkerEntry> search(InterlinkerQuery query) {
        Snapshot s = snapshot;
        String[] words = query.text().map(t -> t.toLowerCase(Locale.ROOT).trim().split("\\s+")).orElse(new String[0]);
        List<Object> rows = s.listing();
        if (query.nature().isPresent() || words.length > 0) {
            List<Object> matching = new ArrayList<>();
            for (Object row : rows) {
                InterlinkerDescriptor d = row instanceof Registration r ? r.descriptor : null;
                if (query.nature().isPresent() && (d == null || d.nature() != query.nature().get())) continue;
                if (words.length > 0 && !matches(rowId(row), d, words, query.language())) continue;
                matching.add(row);
            }
            rows = matching;
        }
        int from = Math.min(query.offset(), rows.size());
        int to = (int) Math.min((long) from + query.limit(), rows.size());
        List<InterlinkerEntry> items = new ArrayList<>(to - from);
        for (Object row : rows.subList(from, to)) items.add(entry(row, s));
        return new Page<>(items, rows.size(), query.offset(), query.limit());
    }

    private static boolean matches(String id, InterlinkerDescriptor d, String[] words, String language) {
        StringBuilder text = new StringBuilder(id);
        if (d != null) {
            InterlinkerTexts t = d.texts(language);
            text.append(' ').append(t.name()).append(' ').append(t.description());
            d.tags().forEach(tag -> text.append(' ').append(tag));
        }
        String haystack = text.toString().toLowerCase(Locale.ROOT);
        for (String w : words) {
            if (!w.isEmpty() && !haystack.contains(w)) return false;
        }
        return true;
    }

    /** Ids the kernel knows (they have state) but that no bundle registers now. */
    List<String> unavailableIds() {
        Snapshot s = snapshot;
        return s.states().keySet().stream()
                .filter(id -> s.byId().getOrDefault(id, List.of()).stream().noneMatch(Registration::valid))
                .sorted().toList();
    }

    @Override
    public List<InterlinkerEntry> unavailable() {
        Snapshot s = snapshot;
        return unavailableIds().stream().map(id -> {
            IdState st = s.states().get(id);
            return new InterlinkerEntry(id, st == null || st.servingVersion() == null ? "" : st.servingVersion(), InterlinkerStatus.UNAVAILABLE,
                    "no bundle registers it now; its assets and their data are kept until it returns", new BundleInfo(-1, "", ""),
                    Optional.empty(), Instant.now(), false);
        }).toList();
    }
}
