package eu.interlink.knowledge.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import eu.interlink.coproduction.FieldException;
import eu.interlink.coproduction.KnowledgeCatalogue;
import eu.interlink.coproduction.KnowledgeDraft;
import eu.interlink.kernel.service.Events;
import eu.interlink.kernel.service.KernelException;
import eu.interlink.knowledge.KnowledgePack;
import eu.interlink.knowledge.KnowledgePack.Status;
import eu.interlink.knowledge.KnowledgePacks;

/**
 * The knowledge extender: every active bundle with an {@code Interlink-Knowledge} header is read as a pack and its
 * Interlinkers put in the catalogue; when the bundle stops or goes, they leave it. Packs are read and written on
 * one thread of the extender's own, in the order the bundles changed, so a slow or broken pack never holds up the
 * framework's events or another bundle's start, and a refused one is only logged and listed with its reason.
 */
@Component(immediate = true)
public class PackExtender implements KnowledgePacks {
    private static final Logger LOG = LoggerFactory.getLogger(PackExtender.class);
    static final String TOPIC = Events.TOPIC_PREFIX + "knowledge/";
    static final String PUBLISHED = TOPIC + "PUBLISHED";
    static final String WITHDRAWN = TOPIC + "WITHDRAWN";
    static final String REFUSED = TOPIC + "REFUSED";
    static final String SUBJECT_TYPE = "knowledge-pack";
    /** Bundles the operator installs through the API without a location get one of these. */
    static final String UPLOAD_LOCATION = "interlink:pack:";
    /** How long an install waits for the extender's verdict. */
    static final long VERDICT_SECONDS = 60;

    @Reference
    private KnowledgeCatalogue catalogue;

    @Reference
    private EventAdmin events;

    private BundleContext context;
    private ExecutorService worker;
    private BundleTracker<Bundle> tracker;
    /** By bundle id: every active pack bundle and what became of it. */
    private final Map<Long, KnowledgePack> packs = new ConcurrentHashMap<>();

    @Activate
    void activate(BundleContext context) {
        this.context = context;
        worker = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "interlink-knowledge");
            t.setDaemon(true);
            return t;
        });
        tracker = new BundleTracker<>(context, Bundle.ACTIVE, new BundleTrackerCustomizer<Bundle>() {
            @Override
            public Bundle addingBundle(Bundle bundle, BundleEvent event) {
                String header = bundle.getHeaders("").get(HEADER);
                if (header == null) return null;
                KnowledgePack reading = pack(bundle, header, Status.READING, null, List.of());
                packs.put(bundle.getBundleId(), reading);
                submit(() -> publish(bundle, header, reading));
                return bundle;
            }

            @Override
            public void modifiedBundle(Bundle bundle, BundleEvent event, Bundle object) {
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, Bundle object) {
                // Taken out at once: an update starts the same bundle id again before the worker gets here.
                KnowledgePack gone = packs.remove(bundle.getBundleId());
                if (gone != null) submit(() -> withdraw(gone));
            }
        });
        tracker.open();
        // Packs that left while the platform was down, or while this extender was not running.
        submit(this::withdrawPacksNotActive);
    }

    @Deactivate
    void deactivate() {
        tracker.close();
        worker.shutdown();
        try {
            if (!worker.awaitTermination(30, TimeUnit.SECONDS)) LOG.warn("Knowledge packs were still being read or withdrawn after 30 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        packs.clear();
    }

    private void submit(Runnable task) {
        try {
            worker.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("Knowledge extender task failed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            // Deactivating: nothing more is read or withdrawn.
        }
    }

    // ---------------------------------------------------------------------------------------- on the worker

    private void publish(Bundle bundle, String header, KnowledgePack reading) {
        if (packs.get(bundle.getBundleId()) != reading) return; // it left (or left and came back) since
        String name = bundle.getSymbolicName();
        for (KnowledgePack other : packs.values()) {
            if (other.bundleId() != bundle.getBundleId() && other.symbolicName().equals(name) && other.status() == Status.PUBLISHED) {
                refuse(bundle, header, reading, "version " + other.version() + " of this pack (bundle " + other.bundleId()
                        + ") is active: stop or uninstall it first");
                return;
            }
        }
        try {
            List<KnowledgeDraft> drafts = PackReader.read(new BundleFiles(bundle), header);
            List<String> ids = catalogue.publish(name, drafts);
            packs.replace(bundle.getBundleId(), reading, pack(bundle, header, Status.PUBLISHED, null, ids));
            LOG.info("Knowledge pack {} {} lists {} Interlinker(s): {}", name, bundle.getVersion(), ids.size(), String.join(", ", ids));
            post(PUBLISHED, name, Map.of("version", bundle.getVersion().toString(), "interlinkers", String.join(",", ids)));
        } catch (MalformedPackException e) {
            refuse(bundle, header, reading, e.getMessage());
        } catch (FieldException e) {
            refuse(bundle, header, reading, e.getMessage() + " (field '" + e.field() + "')");
        } catch (KernelException e) {
            refuse(bundle, header, reading, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Knowledge pack {} {} could not be read", name, bundle.getVersion(), e);
            refuse(bundle, header, reading, "it could not be read or saved: " + e.getMessage());
        }
    }

    private void refuse(Bundle bundle, String header, KnowledgePack reading, String reason) {
        packs.replace(bundle.getBundleId(), reading, pack(bundle, header, Status.REFUSED, reason, List.of()));
        LOG.warn("Knowledge pack {} {} (bundle {}) was refused: {}", bundle.getSymbolicName(), bundle.getVersion(), bundle.getBundleId(), reason);
        post(REFUSED, bundle.getSymbolicName(), Map.of("version", bundle.getVersion().toString(), "reason", reason));
        // An update that is refused leaves nothing of the version it replaced.
        boolean anotherServes = packs.values().stream().anyMatch(p -> p.bundleId() != bundle.getBundleId()
                && p.symbolicName().equals(bundle.getSymbolicName()) && p.status() == Status.PUBLISHED);
        if (!anotherServes && !catalogue.withdraw(bundle.getSymbolicName()).isEmpty()) {
            LOG.info("Knowledge pack {}: the Interlinkers of its previous version were withdrawn", bundle.getSymbolicName());
        }
    }

    private void withdraw(KnowledgePack gone) {
        // A refused pack listed nothing (publishing is all or nothing). One that left while it was being read may
        // have been published all the same, so it is withdrawn too.
        if (gone.status() == Status.REFUSED) return;
        for (KnowledgePack other : packs.values()) {
            if (other.symbolicName().equals(gone.symbolicName()) && other.status() != Status.REFUSED) return; // its successor is there
        }
        // A platform shutting down keeps its packs' entries: the same packs come back at the next start, and an
        // unchanged entry is then not written again.
        if (context.getBundle(0).getState() == Bundle.STOPPING) return;
        List<String> removed = catalogue.withdraw(gone.symbolicName());
        if (removed.isEmpty()) return;
        LOG.info("Knowledge pack {} {} left; {} Interlinker(s) withdrawn from the catalogue", gone.symbolicName(), gone.version(), removed.size());
        post(WITHDRAWN, gone.symbolicName(), Map.of("version", gone.version(), "interlinkers", String.join(",", removed)));
    }

    private void withdrawPacksNotActive() {
        Set<String> active = new HashSet<>();
        for (KnowledgePack p : packs.values()) active.add(p.symbolicName());
        for (String pack : catalogue.packs()) {
            if (active.contains(pack)) continue;
            List<String> removed = catalogue.withdraw(pack);
            LOG.info("Knowledge pack {} is no longer active; {} Interlinker(s) withdrawn from the catalogue", pack, removed.size());
            post(WITHDRAWN, pack, Map.of("interlinkers", String.join(",", removed)));
        }
    }

    private void post(String topic, String pack, Map<String, Object> details) {
        Map<String, Object> props = new LinkedHashMap<>(details);
        props.put(Events.SUBJECT_TYPE, SUBJECT_TYPE);
        props.put(Events.SUBJECT_ID, pack);
        events.postEvent(new Event(topic, props));
    }

    private static KnowledgePack pack(Bundle b, String header, Status status, String reason, List<String> ids) {
        String folder;
        try {
            folder = PackReader.folder(header);
        } catch (MalformedPackException e) {
            folder = header;
        }
        return new KnowledgePack(b.getBundleId(), b.getSymbolicName(), b.getVersion().toString(), folder, status, Optional.ofNullable(reason),
                ids, Instant.now());
    }

    /** Returns once every task queued before the call has run: the verdicts on the bundles changed so far. */
    private void settle() {
        try {
            worker.submit(() -> null).get(VERDICT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KernelException(503, "interrupted", "Interrupted", "Interrupted while the knowledge pack was read");
        } catch (ExecutionException | RejectedExecutionException e) {
            throw new KernelException(503, "knowledge-unavailable", "Knowledge extender unavailable", "The knowledge extender is stopping");
        } catch (TimeoutException e) {
            throw new KernelException(504, "pack-not-read", "Pack not read in time",
                    "The knowledge extender did not finish reading packs within " + VERDICT_SECONDS + " s; see GET /api/v1/admin/knowledge-packs");
        }
    }

    // ---------------------------------------------------------------------------------------- for operators

    @Override
    public List<KnowledgePack> packs() {
        List<KnowledgePack> out = new ArrayList<>(packs.values());
        out.sort(Comparator.comparing(KnowledgePack::symbolicName).thenComparing(KnowledgePack::bundleId));
        return out;
    }

    @Override
    public Optional<KnowledgePack> pack(String symbolicName) {
        return packs().stream().filter(p -> p.symbolicName().equals(symbolicName)).findFirst();
    }

    @Override
    public KnowledgePack install(InputStream jar, String location, String actor) {
        Path staged = null;
        try {
            staged = Files.createTempFile("interlink-pack-", ".jar");
            Files.copy(jar, staged, StandardCopyOption.REPLACE_EXISTING);
            String what = location != null ? location : "the uploaded file";
            Manifest manifest;
            try (JarFile file = new JarFile(staged.toFile())) {
                manifest = file.getManifest();
            } catch (IOException | SecurityException e) {
                throw new KernelException(400, "not-a-bundle", "Not a knowledge pack", what + " is not a jar: " + e.getMessage());
            }
            String header = manifest == null ? null : manifest.getMainAttributes().getValue(HEADER);
            String name = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-SymbolicName");
            if (header == null || name == null) {
                throw new KernelException(400, "not-a-bundle", "Not a knowledge pack", what + " is not a knowledge pack: its manifest needs "
                        + HEADER + " and Bundle-SymbolicName");
            }
            String symbolicName = name.split(";")[0].trim();
            try {
                Version.parseVersion(manifest.getMainAttributes().getValue("Bundle-Version"));
            } catch (IllegalArgumentException e) {
                throw new KernelException(400, "not-a-bundle", "Not a knowledge pack", what + " has an invalid Bundle-Version: " + e.getMessage());
            }
            Bundle bundle = installed(symbolicName).orElse(null);
            boolean fresh = bundle == null;
            try (InputStream in = Files.newInputStream(staged)) {
                if (fresh) bundle = context.installBundle(location != null ? location : UPLOAD_LOCATION + UUID.randomUUID(), in);
                else bundle.update(in);
                bundle.start();
            } catch (BundleException | IllegalStateException e) {
                if (fresh && bundle != null) uninstall(bundle);
                throw new KernelException(422, "pack-refused", "Knowledge pack refused", "Knowledge pack " + symbolicName + " could not be started: " + e.getMessage());
            }
            settle();
            KnowledgePack verdict = packs.get(bundle.getBundleId());
            if (verdict == null) {
                throw new KernelException(422, "pack-refused", "Knowledge pack refused", "Knowledge pack " + symbolicName + " did not stay active");
            }
            if (verdict.status() == Status.REFUSED) {
                if (fresh) {
                    uninstall(bundle);
                    settle();
                }
                throw new KernelException(422, "pack-refused", "Knowledge pack refused", "Knowledge pack " + symbolicName + " " + verdict.version()
                        + " was refused" + (fresh ? " and uninstalled" : "; it stays installed, listing nothing") + ": " + verdict.reason().orElse(""));
            }
            LOG.info("Knowledge pack {} {} installed{}", symbolicName, verdict.version(), actor == null ? "" : " by " + actor);
            return verdict;
        } catch (IOException e) {
            throw KernelException.badRequest("Could not read the pack: " + e.getMessage());
        } finally {
            if (staged != null) staged.toFile().delete();
        }
    }

    @Override
    public void remove(String symbolicName, String actor) {
        List<Bundle> found = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (symbolicName != null && symbolicName.equals(b.getSymbolicName()) && b.getHeaders("").get(HEADER) != null) found.add(b);
        }
        if (found.isEmpty()) throw KernelException.notFound("Knowledge pack", symbolicName);
        for (Bundle b : found) uninstall(b);
        settle();
        LOG.info("Knowledge pack {} removed{}", symbolicName, actor == null ? "" : " by " + actor);
    }

    /** The installed pack bundle of this name (the newest, if there are several). */
    private Optional<Bundle> installed(String symbolicName) {
        Bundle best = null;
        for (Bundle b : context.getBundles()) {
            if (!symbolicName.equals(b.getSymbolicName()) || b.getState() == Bundle.UNINSTALLED) continue;
            if (b.getHeaders("").get(HEADER) == null) {
                throw new KernelException(409, "conflict", "Not a knowledge pack", "Bundle " + symbolicName + " is installed and is not a knowledge pack");
            }
            if (best == null || b.getVersion().compareTo(best.getVersion()) > 0) best = b;
        }
        return Optional.ofNullable(best);
    }

    private static void uninstall(Bundle b) {
        try {
            if (b.getState() != Bundle.UNINSTALLED) b.uninstall();
        } catch (BundleException | IllegalStateException e) {
            // Already gone.
        }
    }
}
