package eu.interlink.kernel.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
@Component(service = InterlinkerOperations.class)
public class OperationsComponent implements InterlinkerOperations {
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
        Bundle b = stage(checkLocation(location), null);
        Registration r = settle(b, null);
        registry.record(r.interlinkerId(), "installed", r.version(), null, "ok", "from " + location, actor);
        return entryOf(r);
    }

    @Override
    public InterlinkerEntry install(InputStream jar, String actor) {
        Bundle b = stage(null, jar);
        Registration r = settle(b, null);
        registry.record(r.interlinkerId(), "installed", r.version(), null, "ok", "uploaded", actor);
        return entryOf(r);
    }

    @Override
    public InterlinkerEntry upgrade(String id, String location, String actor) {
        requireKnown(id);
        return upgrade(id, stage(checkLocation(location), null), actor);
    }

    @Override
    public InterlinkerEntry upgrade(String id, InputStream jar, String actor) {
        requireKnown(id);
        return upgrade(id, stage(null, jar), actor);
    }

    private InterlinkerEntry upgrade(String id, Bundle b, String actor) {
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
        return entryOf(r);
    }

    @Override
    public InterlinkerEntry rollback(String id, String actor) {
        requireKnown(id);
        Registration back = registry.onLifecycle(() -> rollbackNow(id, actor), settleMillis());
        return entryOf(back);
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
    }

    @Override
    public List<HistoryEntry> history(String id, int offset, int limit) {
        List<HistoryEntry> h = store.inTransaction(c -> StateTable.history(c, id, offset, limit));
        if (h.isEmpty() && offset == 0 && registry.find(id).isEmpty()) throw KernelException.notFound("Interlinker", id);
        return h;
    }

    // ------------------------------------------------------------------------------------------ helpers

    /**
     * Copies the bundle (from {@code location}, or {@code upload} when that is null) aside, reads its manifest,
     * and installs it, or updates the installed bundle of the same name and version (one kept stopped after a
     * rollback, say), so that the same version can come back.
     */
    private Bundle stage(String location, InputStream upload) {
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
                    try (InputStream in = java.nio.file.Files.newInputStream(staged)) {
                        existing.update(in);
                    }
                    return existing;
                }
            }
            try (InputStream in = java.nio.file.Files.newInputStream(staged)) {
                return context.installBundle(location != null ? location : UPLOAD_LOCATION + UUID.randomUUID(), in);
            }
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
