package eu.interlink.kernel.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import eu.interlink.kernel.internal.RegistryComponent.Registration;
import eu.interlink.kernel.internal.StateTable.IdState;
import eu.interlink.kernel.service.HistoryEntry;
import eu.interlink.kernel.service.InterlinkerEntry;
import eu.interlink.kernel.service.InterlinkerOperations;
import eu.interlink.kernel.service.KernelException;
import eu.interlink.store.Store;

/**
 * The operator's changes to the set of Interlinkers, for the shell and the admin API alike. Bundles are
 * installed and started through the framework; what serves is then decided by the registry's lifecycle, which
 * this waits for, so that each method returns with the change done (or throws with why it is not).
 */
@Component(service = {InterlinkerOperations.class, OperationsComponent.class})
public class OperationsComponent implements InterlinkerOperations {
    private static final Logger LOG = LoggerFactory.getLogger(OperationsComponent.class);
    /** Bundles a node installs to follow the cluster's desired set get this location prefix. */
    static final String CLUSTER_LOCATION = "interlink:cluster:";
    /** Bundles uploaded through the API are installed under this location prefix. */
    static final String UPLOAD_LOCATION = "interlink:upload:";

    @Reference
    private RegistryComponent registry;

    @Reference
    private BundleWatch watch;

    @Reference
    private Guard guard;

    @Reference
    private Store store;

    private BundleContext context;

    @Activate
    void activate(BundleContext context) {
        this.context = context;
    }

    /** How long an Interlinker may take to come up (or a change to complete) before the operator is told. */
    private long settleMillis() {
        return guard.timeoutMillis() * 3 + 15_000;
    }

    @Override
    public InterlinkerEntry install(String location, String actor) {
        return changing(() -> {
            Staged st = stage(checkLocation(location), null);
            Registration r = settle(st.bundle(), null);
            registry.record(r.interlinkerId(), "installed", r.version(), null, "ok", "from " + location, actor);
            publish(st.bundle().getSymbolicName(), st, actor);
            return entryOf(r);
        });
    }

    @Override
    public InterlinkerEntry install(InputStream jar, String actor) {
        return changing(() -> {
            Staged st = stage(null, jar);
            Registration r = settle(st.bundle(), null);
            registry.record(r.interlinkerId(), "installed", r.version(), null, "ok", "uploaded", actor);
            publish(st.bundle().getSymbolicName(), st, actor);
            return entryOf(r);
        });
    }

    @Override
    public InterlinkerEntry upgrade(String id, String location, String actor) {
        return changing(() -> {
            requireKnown(id);
            return upgrade(id, stage(checkLocation(location), null), actor);
        });
    }

    @Override
    public InterlinkerEntry upgrade(String id, InputStream jar, String actor) {
        return changing(() -> {
            requireKnown(id);
            return upgrade(id, stage(null, jar), actor);
        });
    }

    private InterlinkerEntry upgrade(String id, Staged st, String actor) {
        Bundle b = st.bundle();
        Optional<Registration> before = registry.serving(id);
        Registration r = settle(b, id);
        if (registry.serving(id).orElse(null) != r) {
            String why = r.unfit != null ? r.unfit
                    : "version " + r.version() + " is not newer than " + before.map(Registration::version).orElse("the serving version");
            if (r.unfit == null) uninstall(List.of(b));
            throw new KernelException(409, "upgrade-failed", "Upgrade failed", "Interlinker '" + id + "' was not upgraded: " + why
                    + before.map(x -> "; " + x.version() + " stays in service").orElse(""));
        }
        registry.record(id, "upgrade-requested", r.version(), before.map(Registration::version).orElse(null), "ok", "by an operator", actor);
        publish(b.getSymbolicName(), st, actor);
        return entryOf(r);
    }

    @Override
    public InterlinkerEntry rollback(String id, String actor) {
        return changing(() -> {
            requireKnown(id);
            Registration back = registry.onLifecycle(() -> rollbackNow(id, actor), settleMillis());
            publish(back.info.symbolicName(), null, actor);
            return entryOf(back);
        });
    }

    /** On the lifecycle thread: nothing else changes this id meanwhile. */
    private Registration rollbackNow(String id, String actor) {
        IdState state = registry.state(id);
        Registration current = registry.serving(id).orElse(null);
        if (state == null || state.previousVersion() == null || current == null) {
            throw new KernelException(409, "nothing-to-roll-back", "Nothing to roll back",
                    "Interlinker '" + id + "' has no previous version to go back to" + (current == null ? " and no version serving now" : ""));
        }
        String previous = state.previousVersion();
        Registration back = validVersion(id, previous).orElse(null);
        Bundle started = null;
        if (back == null) {
            started = keptBundle(current.info.symbolicName(), previous)
                    .orElseThrow(() -> new KernelException(409, "previous-version-missing", "Previous version missing",
                            "The bundle of '" + id + "' version " + previous + " is no longer installed: install it with interlink:install"));
            try {
                started.start();
            } catch (BundleException e) {
                throw new KernelException(409, "previous-version-broken", "Previous version does not start",
                        "The bundle of '" + id + "' version " + previous + " does not start: " + e.getMessage());
            }
            // Its service registers while it starts; the registry has it now, unless it failed.
            back = validVersion(id, previous).orElseThrow(() -> new KernelException(409, "previous-version-broken",
                    "Previous version does not start", "'" + id + "' version " + previous + " started but registered no valid Interlinker"));
        }
        boolean reshape = state.dataVersion() > back.dataVersion();
        try {
            if (reshape) {
                // Requests hold while the data goes back to the older shape; none reads it half-way.
                registry.pauseForChange(current);
                registry.revert(current, state.dataVersion(), back.dataVersion());
            }
        } catch (RuntimeException e) {
            current.resume();
            if (started != null) registry.stopBundle(started);
            registry.record(id, "rolled-back", previous, current.version(), "failed", e.getMessage(), actor);
            throw e;
        }
        back.unfit = null;
        back.note = null;
        IdState now = registry.state(id);
        // Nothing further back is remembered: going forward again is an explicit upgrade.
        registry.saveState(now.serving(previous, null));
        registry.serve(id, back);
        // The newer version stays paused until its bundle stops: a request that saw it serving a moment ago must
        // not write data of its shape now that the data is back in the older one.
        registry.record(id, "rolled-back", previous, current.version(), "ok", "now served by bundle " + back.info.symbolicName() + " " + back.info.version(), actor);
        registry.stopBundle(current.bundle);
        return back;
    }

    private Optional<Registration> validVersion(String id, String version) {
        return registry.registrationsOf(id).stream().filter(r -> r.valid() && r.version().equals(version)).findFirst();
    }

    /** An installed (stopped) bundle of this symbolic name whose version is {@code version} without qualifier. */
    private Optional<Bundle> keptBundle(String symbolicName, String version) {
        for (Bundle b : context.getBundles()) {
            Version v = b.getVersion();
            if (symbolicName.equals(b.getSymbolicName()) && (v.getMajor() + "." + v.getMinor() + "." + v.getMicro()).equals(version)) return Optional.of(b);
        }
        return Optional.empty();
    }

    @Override
    public InterlinkerEntry disable(String id, String actor) {
        return setDisabled(id, true, actor);
    }

    @Override
    public InterlinkerEntry enable(String id, String actor) {
        return setDisabled(id, false, actor);
    }

    private InterlinkerEntry setDisabled(String id, boolean disabled, String actor) {
        // Disabling is kept in interlinker_state, which every node reads again at each reconciliation.
        return changing(() -> setDisabledNow(id, disabled, actor));
    }

    private InterlinkerEntry setDisabledNow(String id, boolean disabled, String actor) {
        requireKnown(id);
        registry.onLifecycle(() -> {
            IdState s = registry.state(id);
            if (s == null) {
                int dataVersion = registry.registrationsOf(id).stream().filter(Registration::valid).mapToInt(Registration::dataVersion).max().orElse(1);
                s = new IdState(id, dataVersion, null, null, false);
            }
            registry.saveState(s.withDisabled(disabled));
            registry.reconcile(id);
            return null;
        }, settleMillis());
        registry.record(id, disabled ? "disabled" : "enabled", registry.serving(id).map(Registration::version).orElse(null), null, "ok",
                disabled ? "calls that need it answer 503 until it is enabled" : "serving again", actor);
        return registry.find(id).orElseThrow(() -> KernelException.notFound("Interlinker", id));
    }

    @Override
    public void remove(String id, String actor) {
        changing(() -> {
            removeNow(id, actor);
            return null;
        });
    }

    private void removeNow(String id, String actor) {
        requireKnown(id);
        Set<Bundle> bundles = new LinkedHashSet<>();
        for (Registration r : registry.registrationsOf(id)) {
            bundles.add(r.bundle);
            // Older versions kept stopped for a rollback go too.
            for (Bundle b : context.getBundles()) {
                if (r.info.symbolicName().equals(b.getSymbolicName())) bundles.add(b);
            }
        }
        uninstall(new ArrayList<>(bundles));
        if (!registry.awaitChange(() -> registry.registrationsOf(id).isEmpty(), settleMillis())) {
            throw new KernelException(504, "remove-timeout", "Took too long", "Interlinker '" + id + "' did not leave within " + settleMillis() + " ms");
        }
        registry.record(id, "removed", null, null, "ok", "uninstalled " + bundles.size() + " bundle(s); its assets and their data are kept", actor);
        for (String name : bundles.stream().map(Bundle::getSymbolicName).distinct().toList()) publish(name, null, actor);
    }

    @Override
    public List<HistoryEntry> history(String id, int offset, int limit) {
        List<HistoryEntry> h = store.inTransaction(c -> StateTable.history(c, id, offset, limit));
        if (h.isEmpty() && offset == 0 && registry.find(id).isEmpty()) throw KernelException.notFound("Interlinker", id);
        return h;
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** A bundle installed (or updated) from a jar, with the jar's bytes for the cluster's desired set. */
    record Staged(Bundle bundle, byte[] jar) {
    }

    /**
     * One change to this node's Interlinkers at a time: the operator's (shell, API) and the cluster reconciler's, so
     * that the reconciler never applies a desired set read before a change this node is making.
     */
    private final ReentrantLock changes = new ReentrantLock();

    private <T> T changing(Supplier<T> work) {
        changes.lock();
        try {
            return work.get();
        } finally {
            changes.unlock();
        }
    }

    /**
     * Records in the cluster's desired set what this node now has of bundle {@code symbolicName}: each installed
     * version, active or stopped; versions no longer installed as removed. Rows that already say so are left alone,
     * so a node applying the desired set records nothing new. A failure here is logged, not thrown: the change itself
     * is done, and only the other nodes would not follow it.
     */
    void publish(String symbolicName, Staged staged, String actor) {
        if (symbolicName == null) return;
        try {
            Map<String, ClusterTable.Local> local = new LinkedHashMap<>();
            for (Bundle b : context.getBundles()) {
                if (!symbolicName.equals(b.getSymbolicName()) || b.getState() == Bundle.UNINSTALLED) continue;
                byte[] jar = staged != null && staged.bundle().getBundleId() == b.getBundleId() ? staged.jar() : null;
                String id = registry.registrationOfBundle(b.getBundleId()).map(Registration::interlinkerId).orElse(null);
                boolean active = b.getState() == Bundle.ACTIVE || b.getState() == Bundle.STARTING;
                local.put(b.getVersion().toString(), new ClusterTable.Local(b.getVersion().toString(), id,
                        active ? ClusterTable.ACTIVE : ClusterTable.STOPPED, jar != null ? jar : jarAt(b)));
            }
            int changed;
            try {
                changed = store.inTransaction(c -> ClusterTable.publish(c, symbolicName, local, guard.nodeId(), actor));
            } catch (RuntimeException concurrent) {
                // Another node inserted a row of the same bundle at the same moment: read again and write after it.
                changed = store.inTransaction(c -> ClusterTable.publish(c, symbolicName, local, guard.nodeId(), actor));
            }
            if (changed > 0) LOG.info("Cluster desired set: {} row(s) of {} changed by node {}", changed, symbolicName, guard.nodeId());
        } catch (RuntimeException e) {
            LOG.error("Could not record {} in the cluster's desired set; other nodes will not follow this change", symbolicName, e);
        }
    }

    /** The jar of a bundle installed from a file (deploy/, or a path given to install); null otherwise. */
    private static byte[] jarAt(Bundle b) {
        String location = b.getLocation();
        if (location == null || !location.startsWith("file:")) return null;
        try {
            java.nio.file.Path p = java.nio.file.Path.of(URI.create(location));
            return java.nio.file.Files.isRegularFile(p) ? java.nio.file.Files.readAllBytes(p) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A bundle dropped into (or taken out of) deploy/ changed: record its symbolic name's bundles as they are now. */
    void publishFromDeploy(String symbolicName) {
        changing(() -> {
            // Let the registry decide first (an arrival queues a decision), so that what is recorded is the outcome.
            registry.onLifecycle(() -> null, settleMillis());
            publish(symbolicName, null, "deploy/");
            return null;
        });
    }

    /** Failures per row ("name|version|revision") already reported, so that a failing row is tried once per revision. */
    private final Map<String, String> failedRows = new ConcurrentHashMap<>();

    /**
     * Brings this node's Interlinker bundles in line with the cluster's desired set: installs (from the jar in the
     * store) and starts the active ones, stops the stopped ones, uninstalls the removed ones, through the same steps
     * an operator's change takes. Records nothing in the desired set. Returns how many bundles it changed.
     */
    int converge() {
        return changing(() -> {
            // The rows first, the states after: a node writes the state of a switch before the rows that announce it,
            // so this node never applies a switch with the state from before it (and migrates the data again).
            List<ClusterTable.Row> rows = store.inTransaction(ClusterTable::all);
            Set<String> regated = registry.clusterDesired(rows);
            registry.refreshStates(settleMillis());
            List<ClusterTable.Row> ordered = new ArrayList<>(rows);
            ordered.sort(java.util.Comparator.comparingInt((ClusterTable.Row r) -> switch (r.desired()) {
                case ClusterTable.ACTIVE -> 0;
                case ClusterTable.STOPPED -> 1;
                default -> 2;
            }).thenComparingLong(ClusterTable.Row::revision));
            int applied = 0;
            for (ClusterTable.Row row : ordered) {
                String key = row.symbolicName() + "|" + row.version() + "|" + row.revision();
                if (failedRows.containsKey(key)) continue;
                try {
                    if (applyRow(row)) applied++;
                } catch (RuntimeException e) {
                    String why = e instanceof KernelException k ? k.detail() : String.valueOf(e);
                    failedRows.put(key, why);
                    LOG.warn("This node could not apply the cluster's desired state '{}' of bundle {} {} (revision {}): {}", row.desired(),
                            row.symbolicName(), row.version(), row.revision(), why);
                    registry.record(row.interlinkerId() == null ? row.symbolicName() : row.interlinkerId(), "cluster-apply", row.version(), null,
                            "failed", "node " + guard.nodeId() + " could not make it " + row.desired() + ": " + why, "node:" + guard.nodeId());
                }
            }
            // A bundle the desired set lets serve again (or no longer) while it kept running: decide again.
            for (String id : regated) registry.submitReconcile(id);
            if (!regated.isEmpty()) registry.onLifecycle(() -> null, settleMillis());
            return applied;
        });
    }

    private boolean applyRow(ClusterTable.Row row) {
        Bundle local = null;
        Version version = Version.parseVersion(row.version());
        for (Bundle b : context.getBundles()) {
            if (row.symbolicName().equals(b.getSymbolicName()) && version.equals(b.getVersion()) && b.getState() != Bundle.UNINSTALLED) local = b;
        }
        boolean running = local != null && (local.getState() == Bundle.ACTIVE || local.getState() == Bundle.STARTING);
        switch (row.desired()) {
            case ClusterTable.ACTIVE -> {
                if (running) return false;
                Bundle b = local;
                if (b == null) {
                    if (row.sha256() == null) {
                        throw new KernelException(409, "no-jar", "No jar", "the cluster's store has no jar of it (it came from a feature): install its feature here");
                    }
                    byte[] jar = store.inTransaction(c -> ClusterTable.jar(c, row.sha256()));
                    if (jar == null) throw new KernelException(409, "no-jar", "No jar", "its jar " + row.sha256() + " is missing from the store");
                    try {
                        b = context.installBundle(CLUSTER_LOCATION + row.symbolicName() + "/" + row.version(), new java.io.ByteArrayInputStream(jar));
                    } catch (BundleException e) {
                        throw new KernelException(400, "not-a-bundle", "Not an Interlinker bundle", "Could not install it: " + e.getMessage());
                    }
                }
                Registration r = settle(b, row.interlinkerId());
                registry.record(r.interlinkerId(), "cluster-applied", r.version(), null, "ok", "node " + guard.nodeId() + " started it (revision "
                        + row.revision() + " by node " + row.node() + ")", "node:" + guard.nodeId());
                return true;
            }
            case ClusterTable.STOPPED -> {
                if (!running) return false;
                registry.stopBundle(local);
                return true;
            }
            default -> {
                if (local == null) return false;
                uninstall(List.of(local));
                return true;
            }
        }
    }

    /**
     * Copies the bundle (from {@code location}, or {@code upload} when that is null) aside, reads its manifest,
     * and installs it, or updates the installed bundle of the same name and version (one kept stopped after a
     * rollback, say), so that the same version can come back.
     */
    private Staged stage(String location, InputStream upload) {
        java.nio.file.Path staged = null;
        try {
            staged = java.nio.file.Files.createTempFile("interlink-bundle-", ".jar");
            try (InputStream in = upload != null ? upload : new java.net.URL(location).openStream()) {
                java.nio.file.Files.copy(in, staged, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            String what = location != null ? location : "the uploaded file";
            java.util.jar.Manifest manifest;
            try (java.util.jar.JarFile jar = new java.util.jar.JarFile(staged.toFile())) {
                manifest = jar.getManifest();
            } catch (IOException | SecurityException e) {
                throw new KernelException(400, "not-a-bundle", "Not an Interlinker bundle", what + " is not a jar: " + e.getMessage());
            }
            String name = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-SymbolicName");
            if (name == null) {
                throw new KernelException(400, "not-a-bundle", "Not an Interlinker bundle", what + " is not an OSGi bundle: its manifest has no Bundle-SymbolicName");
            }
            String symbolicName = name.split(";")[0].trim();
            Version version;
            try {
                version = Version.parseVersion(manifest.getMainAttributes().getValue("Bundle-Version"));
            } catch (IllegalArgumentException e) {
                throw new KernelException(400, "not-a-bundle", "Not an Interlinker bundle", what + " has an invalid Bundle-Version: " + e.getMessage());
            }
            for (Bundle existing : context.getBundles()) {
                if (symbolicName.equals(existing.getSymbolicName()) && version.equals(existing.getVersion())) {
                    Optional<Registration> running = registry.registrationOfBundle(existing.getBundleId());
                    if (running.isPresent() && registry.serving(running.get().interlinkerId()).orElse(null) == running.get()) {
                        throw new KernelException(409, "already-installed", "Already installed",
                                "Bundle " + symbolicName + " " + version + " is already installed and serving (bundle id " + existing.getBundleId() + ")");
                    }
                    byte[] bytes = java.nio.file.Files.readAllBytes(staged);
                    existing.update(new java.io.ByteArrayInputStream(bytes));
                    return new Staged(existing, bytes);
                }
            }
            byte[] bytes = java.nio.file.Files.readAllBytes(staged);
            return new Staged(context.installBundle(location != null ? location : UPLOAD_LOCATION + UUID.randomUUID(),
                    new java.io.ByteArrayInputStream(bytes)), bytes);
        } catch (BundleException e) {
            throw new KernelException(400, "not-a-bundle", "Not an Interlinker bundle", "Could not install it: " + e.getMessage());
        } catch (IOException e) {
            throw KernelException.badRequest("Could not read the bundle: " + e.getMessage());
        } finally {
            if (staged != null) staged.toFile().delete();
        }
    }

    /** A URL as the framework takes it; a plain path becomes a {@code file:} URL, and must exist. */
    static String checkLocation(String location) {
        if (location == null || location.isBlank()) throw KernelException.badRequest("Give the bundle's file path or URL");
        String l = location.trim();
        if (l.matches("(?i)(file|https?|mvn):.*")) {
            if (l.regionMatches(true, 0, "file:", 0, 5)) {
                File f;
                try {
                    f = new File(URI.create(l));
                } catch (IllegalArgumentException e) {
                    throw KernelException.badRequest("'" + l + "' is not a valid file URL: " + e.getMessage());
                }
                if (!f.isFile()) throw KernelException.badRequest("There is no file " + f + ": check the path");
            }
            return l;
        }
        File f = new File(l);
        if (!f.isFile()) throw KernelException.badRequest("There is no file " + f.getAbsolutePath() + ": check the path, or give a URL");
        return f.getAbsoluteFile().toURI().toString();
    }

    /**
     * Starts {@code b} and waits until the kernel has accepted it (and decided what serves its id) or refused
     * it; a refused bundle is uninstalled again, and the reason thrown.
     */
    private Registration settle(Bundle b, String expectedId) {
        if (!BundleWatch.candidate(b)) {
            uninstall(List.of(b));
            throw refused(b, "it is not an Interlinker: it does not import the package eu.interlink.api");
        }
        try {
            b.start();
        } catch (BundleException e) {
            watch.check(b);
            String reason = registry.diagnosis(b.getBundleId()).map(RegistryComponent.Diagnosis::reason).orElse(e.getMessage());
            uninstall(List.of(b));
            throw refused(b, reason);
        }
        boolean settled = registry.awaitChange(() -> {
            if (registry.registrationOfBundle(b.getBundleId()).isPresent() || registry.diagnosis(b.getBundleId()).isPresent()) return true;
            watch.check(b);
            return b.getState() == Bundle.ACTIVE && !watch.declaresInterlinker(b);
        }, settleMillis());
        if (settled && registry.registrationOfBundle(b.getBundleId()).isEmpty() && registry.diagnosis(b.getBundleId()).isEmpty()) {
            uninstall(List.of(b));
            throw refused(b, "it has no component that provides eu.interlink.api.Interlinker: declare one with @Component");
        }
        Optional<RegistryComponent.Diagnosis> diagnosis = registry.diagnosis(b.getBundleId());
        if (diagnosis.isPresent()) {
            uninstall(List.of(b));
            throw refused(b, diagnosis.get().reason());
        }
        if (!settled) {
            uninstall(List.of(b));
            throw new KernelException(504, "no-interlinker", "No Interlinker came up", "Bundle " + b.getSymbolicName() + " " + b.getVersion()
                    + " registered no Interlinker within " + settleMillis() + " ms; it was uninstalled");
        }
        Registration r = registry.registrationOfBundle(b.getBundleId()).orElseThrow();
        if (!r.valid()) {
            uninstall(List.of(b));
            throw refused(b, r.rejected);
        }
        if (expectedId != null && !expectedId.equals(r.interlinkerId())) {
            uninstall(List.of(b));
            throw KernelException.badRequest("That bundle is Interlinker '" + r.interlinkerId() + "', not '" + expectedId + "'");
        }
        // The arrival queued a decision on the lifecycle thread; this waits until it (and any before it) is done.
        registry.onLifecycle(() -> null, settleMillis());
        return r;
    }

    private static KernelException refused(Bundle b, String reason) {
        return new KernelException(422, "interlinker-refused", "Interlinker refused",
                "Bundle " + b.getSymbolicName() + " " + b.getVersion() + " was refused and uninstalled: " + reason);
    }

    private void uninstall(List<Bundle> bundles) {
        List<Bundle> gone = new ArrayList<>();
        for (Bundle b : bundles) {
            try {
                if (b.getState() != Bundle.UNINSTALLED) {
                    b.uninstall();
                    gone.add(b);
                }
                registry.forget(b.getBundleId());
            } catch (BundleException | IllegalStateException e) {
                // Already gone.
            }
        }
        if (gone.isEmpty()) return;
        // Let go of their class loaders now, not at the next restart.
        CountDownLatch refreshed = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(gone, event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) refreshed.countDown();
        });
        try {
            refreshed.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void requireKnown(String id) {
        if (id == null || id.isBlank()) throw KernelException.badRequest("Give an Interlinker id");
        if (registry.registrationsOf(id).isEmpty() && registry.state(id) == null) throw KernelException.notFound("Interlinker", id);
    }

    private InterlinkerEntry entryOf(Registration r) {
        return registry.versions(r.interlinkerId()).stream().filter(e -> e.bundle().id() == r.info.id()).findFirst()
                .orElseThrow(() -> KernelException.notFound("Interlinker", r.interlinkerId()));
    }
}
