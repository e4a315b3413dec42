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

import org.osgi.framework.Bundle;
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

import eu.interlink.api.Interlinker;
import eu.interlink.api.InterlinkerDescriptor;
import eu.interlink.api.InterlinkerTexts;
import eu.interlink.kernel.service.ActivityLog;
import eu.interlink.kernel.service.BundleInfo;
import eu.interlink.kernel.service.Events;
import eu.interlink.kernel.service.InterlinkerEntry;
import eu.interlink.kernel.service.InterlinkerQuery;
import eu.interlink.kernel.service.InterlinkerRegistry;
import eu.interlink.kernel.service.InterlinkerStatus;
import eu.interlink.kernel.service.Page;

/**
 * The index of Interlinkers. Services arrive and leave through a dynamic, greedy, multiple reference, in any
 * order relative to this component; each arrival is validated once and indexed by id and version, and each
 * change publishes a new immutable snapshot, so that requests read without locks or registry look-ups.
 */
@Component(service = {InterlinkerRegistry.class, RegistryComponent.class}, immediate = true)
public class RegistryComponent implements InterlinkerRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryComponent.class);

    /** A registration, valid or refused, with the service to call when valid. */
    record Registration(long serviceId, InterlinkerEntry entry, Interlinker service) {
    }

    @Reference
    private EventAdmin events;

    @Reference
    private Guard guard;

    /**
     * Not called: referenced so that the registry starts only once the activity log listens, and the arrivals
     * it posts at boot are recorded like any other.
     */
    @Reference
    private ActivityLog activityLog;

    /** All registrations by service id; guarded by {@code this}. */
    private final Map<Long, Registration> registrations = new HashMap<>();
    /** Arrivals seen before activation: handled in {@link #activate()} once the static references are set. */
    private final List<Object[]> early = new ArrayList<>();
    private boolean active;

    /** What requests read: replaced whole on every change. */
    private volatile Snapshot snapshot = new Snapshot(Map.of(), List.of());

    /** The serving registration per id, and the list the catalogue shows. */
    record Snapshot(Map<String, Registration> serving, List<InterlinkerEntry> listed) {
    }

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
            gone = registrations.remove(serviceId);
            if (gone == null) return;
            publish();
        }
        InterlinkerEntry e = gone.entry();
        LOG.info("Interlinker {}@{} left (bundle {})", e.id(), e.version(), e.bundle().symbolicName());
        post(Events.INTERLINKER_DEPARTED, e, Map.of());
    }

    @Activate
    void activate() {
        List<Object[]> pending;
        synchronized (this) {
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
    synchronized void deactivate() {
        active = false;
        registrations.clear();
        snapshot = new Snapshot(Map.of(), List.of());
    }

    private void arrive(Interlinker service, ServiceReference<Interlinker> reference) {
        long serviceId = (Long) reference.getProperty(Constants.SERVICE_ID);
        Bundle bundle = reference.getBundle();
        if (bundle == null) return; // unregistered meanwhile
        BundleInfo from = new BundleInfo(bundle.getBundleId(), bundle.getSymbolicName(), bundle.getVersion().toString());

        // Reading the descriptor is a call into the Interlinker like any other: guarded, outside any lock.
        InterlinkerDescriptor descriptor = null;
        String problem = null;
        try {
            descriptor = guard.call("bundle " + from.symbolicName(), "describe itself", service::descriptor);
            if (descriptor == null) problem = "descriptor() returned null: return an InterlinkerDescriptor built with InterlinkerDescriptor.builder(...)";
        } catch (RuntimeException e) {
            problem = "descriptor() failed: " + e.getMessage() + ". Fix the Interlinker's descriptor() so that it returns at once";
        }
        if (descriptor != null) problem = checkVersion(descriptor, bundle.getVersion());

        InterlinkerEntry entry;
        synchronized (this) {
            if (!active || reference.getBundle() == null) return;
            if (problem == null) problem = checkUnique(descriptor, from);
            String id = descriptor == null ? "" : descriptor.id();
            String version = descriptor == null ? "" : descriptor.version();
            entry = new InterlinkerEntry(id, version, problem == null ? InterlinkerStatus.ACTIVE : InterlinkerStatus.REJECTED,
                    problem == null ? "" : problem, from, Optional.ofNullable(descriptor), Instant.now());
            registrations.put(serviceId, new Registration(serviceId, entry, problem == null ? service : null));
            publish();
        }
        if (problem == null) {
            LOG.info("Interlinker {}@{} arrived (bundle {} {})", entry.id(), entry.version(), from.symbolicName(), from.version());
            post(Events.INTERLINKER_ARRIVED, entry, Map.of());
        } else {
            LOG.warn("Interlinker from bundle {} {} refused: {}", from.symbolicName(), from.version(), problem);
            post(Events.INTERLINKER_REJECTED, entry, Map.of("reason", problem));
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

    /** Another bundle may not take an id; the same bundle (another version of it) may: that is an upgrade. */
    private String checkUnique(InterlinkerDescriptor d, BundleInfo from) {
        for (Registration r : registrations.values()) {
            InterlinkerEntry e = r.entry();
            if (e.status() == InterlinkerStatus.REJECTED || !e.id().equals(d.id())) continue;
            if (!e.bundle().symbolicName().equals(from.symbolicName())) {
                return "id '" + d.id() + "' is already taken by bundle " + e.bundle().symbolicName() + " " + e.bundle().version()
                        + ": give this Interlinker another id";
            }
            if (e.version().equals(d.version())) {
                return "Interlinker '" + d.id() + "' version " + d.version() + " is already registered by bundle "
                        + e.bundle().symbolicName() + " " + e.bundle().version() + ": register each Interlinker once";
            }
        }
        return null;
    }

    /** Rebuilds the snapshot; called with the lock held. The highest valid version of an id serves it. */
    private void publish() {
        Map<String, Registration> serving = new HashMap<>();
        List<InterlinkerEntry> listed = new ArrayList<>();
        for (Registration r : registrations.values()) {
            InterlinkerEntry e = r.entry();
            if (e.status() == InterlinkerStatus.REJECTED) {
                listed.add(e);
                continue;
            }
            serving.merge(e.id(), r, (a, b) -> compare(a.entry(), b.entry()) >= 0 ? a : b);
        }
        serving.values().forEach(r -> listed.add(r.entry()));
        listed.sort(Comparator.comparing(InterlinkerEntry::id).thenComparing(e -> e.status().ordinal())
                .thenComparing(e -> e.bundle().id()));
        snapshot = new Snapshot(Map.copyOf(serving), List.copyOf(listed));
    }

    private static int compare(InterlinkerEntry a, InterlinkerEntry b) {
        return Version.parseVersion(a.version()).compareTo(Version.parseVersion(b.version()));
    }

    /** The serving Interlinker's service and entry, for the kernel's own calls. */
    Optional<Registration> serving(String id) {
        return Optional.ofNullable(snapshot.serving().get(id));
    }

    /** The ids registered by one bundle, valid ones only: what that bundle's {@code AssetAccess} may reach. */
    boolean registeredBy(String interlinkerId, long bundleId) {
        Registration r = snapshot.serving().get(interlinkerId);
        if (r != null && r.entry().bundle().id() == bundleId) return true;
        synchronized (this) {
            return registrations.values().stream().anyMatch(x -> x.service() != null
                    && x.entry().id().equals(interlinkerId) && x.entry().bundle().id() == bundleId);
        }
    }

    @Override
    public Optional<InterlinkerEntry> find(String id) {
        Registration r = snapshot.serving().get(id);
        if (r != null) return Optional.of(r.entry());
        return snapshot.listed().stream().filter(e -> e.id().equals(id)).findFirst();
    }

    @Override
    public List<InterlinkerEntry> versions(String id) {
        List<InterlinkerEntry> all;
        synchronized (this) {
            all = registrations.values().stream().map(Registration::entry).filter(e -> e.id().equals(id)).toList();
        }
        Optional<InterlinkerEntry> serving = find(id);
        List<InterlinkerEntry> out = new ArrayList<>();
        serving.ifPresent(out::add);
        all.stream().filter(e -> serving.map(s -> s != e).orElse(true))
                .sorted(Comparator.comparing((InterlinkerEntry e) -> Version.parseVersion(e.version().isEmpty() ? "0" : e.version())).reversed())
                .forEach(out::add);
        return out;
    }

    @Override
    public Page<InterlinkerEntry> search(InterlinkerQuery query) {
        String[] words = query.text().map(t -> t.toLowerCase(Locale.ROOT).trim().split("\\s+")).orElse(new String[0]);
        List<InterlinkerEntry> matches = new ArrayList<>();
        for (InterlinkerEntry e : snapshot.listed()) {
            if (query.nature().isPresent() && e.descriptor().map(d -> d.nature() != query.nature().get()).orElse(true)) continue;
            if (words.length > 0 && !matches(e, words, query.language())) continue;
            matches.add(e);
        }
        int from = Math.min(query.offset(), matches.size());
        int to = Math.min(from + query.limit(), matches.size());
        return new Page<>(List.copyOf(matches.subList(from, to)), matches.size(), query.offset(), query.limit());
    }

    private static boolean matches(InterlinkerEntry e, String[] words, String language) {
        StringBuilder text = new StringBuilder(e.id());
        e.descriptor().ifPresent(d -> {
            InterlinkerTexts t = d.texts(language);
            text.append(' ').append(t.name()).append(' ').append(t.description());
            d.tags().forEach(tag -> text.append(' ').append(tag));
        });
        String haystack = text.toString().toLowerCase(Locale.ROOT);
        for (String w : words) {
            if (!w.isEmpty() && !haystack.contains(w)) return false;
        }
        return true;
    }

    private void post(String topic, InterlinkerEntry e, Map<String, Object> more) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put(Events.SUBJECT_TYPE, "interlinker");
        props.put(Events.SUBJECT_ID, e.id().isEmpty() ? e.bundle().symbolicName() : e.id());
        props.put("version", e.version());
        props.put("bundle", e.bundle().symbolicName() + " " + e.bundle().version());
        props.putAll(more);
        events.postEvent(new Event(topic, props));
    }
}
