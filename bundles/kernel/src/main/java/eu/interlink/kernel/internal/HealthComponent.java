package eu.interlink.kernel.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import eu.interlink.kernel.service.ConfigurationState;
import eu.interlink.kernel.service.ConfigurationStatus;
import eu.interlink.kernel.service.Health;
import eu.interlink.kernel.service.HealthCheck;
import eu.interlink.kernel.service.InterlinkerEntry;
import eu.interlink.kernel.service.InterlinkerMetrics;
import eu.interlink.kernel.service.InterlinkerQuery;
import eu.interlink.kernel.service.InterlinkerStatus;
import eu.interlink.store.Store;
import eu.interlink.store.StoreHealth;

/**
 * The store, the registry and each Interlinker, checked on demand. The platform is down when its store is; a
 * failing or absent Interlinker is reported, but the platform stays up: the other Interlinkers serve.
 */
@Component(service = HealthCheck.class)
public class HealthComponent implements HealthCheck {

    @Reference
    private Store store;

    @Reference
    private RegistryComponent registry;

    @Reference
    private Guard guard;

    @Reference
    private ConfigurationStatus configurationStatus;

    /** Optional: health answers without it (it only adds which node answers and how it follows the cluster). */
    @Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC)
    private volatile ClusterReconciler cluster;

    @Override
    public Health check() {
        Map<String, Map<String, Object>> components = new LinkedHashMap<>();
        StoreHealth s = store.health();
        Map<String, Object> storePart = new LinkedHashMap<>();
        storePart.put("status", s.up() ? "UP" : "DOWN");
        if (s.up()) storePart.put("database", s.database());
        else storePart.put("detail", s.detail());
        components.put("store", storePart);

        Map<InterlinkerStatus, Integer> counts = new EnumMap<>(InterlinkerStatus.class);
        Map<String, Object> interlinkers = new TreeMap<>();
        for (InterlinkerEntry e : all()) {
            counts.merge(e.status(), 1, Integer::sum);
            if (e.id().isEmpty()) continue;
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("status", e.status().label());
            one.put("version", e.version());
            if (!e.reason().isEmpty()) one.put("reason", e.reason());
            interlinkers.put(e.id(), one);
        }
        for (String id : registry.unavailableIds()) {
            if (interlinkers.containsKey(id)) continue;
            counts.merge(InterlinkerStatus.UNAVAILABLE, 1, Integer::sum);
            interlinkers.put(id, Map.of("status", InterlinkerStatus.UNAVAILABLE.label(), "reason", "no bundle serves it now; its data is kept"));
        }
        Map<String, Object> registryPart = new LinkedHashMap<>();
        registryPart.put("status", "UP");
        for (InterlinkerStatus st : InterlinkerStatus.values()) registryPart.put(st.label(), counts.getOrDefault(st, 0));
        registryPart.put("callTimeoutMs", guard.timeoutMillis());
        registryPart.put("interlinkers", interlinkers);
        components.put("registry", registryPart);
        components.put("configuration", configuration());
        ClusterReconciler c = cluster;
        components.put("cluster", c != null ? c.status() : Map.of("status", "UP", "node", guard.nodeId()));
        return new Health(s.up() ? "UP" : "DOWN", components);
    }

    /**
     * Each configuration and whether its last change was applied. A refused one does not take the platform down:
     * its component works on with the last valid values, which are shown with the reason.
     */
    private Map<String, Object> configuration() {
        Map<String, Object> pids = new TreeMap<>();
        int refused = 0;
        for (ConfigurationState s : configurationStatus.states()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("status", s.applied() ? "applied" : "refused");
            if (!s.applied()) {
                refused++;
                one.put("key", s.key());
                one.put("reason", s.reason());
            }
            one.put("since", s.since().toString());
            one.put("inEffect", s.inEffect());
            pids.put(s.pid(), one);
        }
        Map<String, Object> part = new LinkedHashMap<>();
        part.put("status", "UP");
        part.put("refused", refused);
        part.put("pids", pids);
        return part;
    }

    @Override
    public List<InterlinkerMetrics> metrics() {
        Map<String, InterlinkerStatus> statuses = new TreeMap<>();
        for (InterlinkerEntry e : all()) {
            if (!e.id().isEmpty()) statuses.putIfAbsent(e.id(), e.status());
        }
        registry.unavailableIds().forEach(id -> statuses.putIfAbsent(id, InterlinkerStatus.UNAVAILABLE));
        List<InterlinkerMetrics> out = new ArrayList<>();
        statuses.forEach((id, status) -> {
            Guard.CallStats c = guard.stats().get(id);
            if (c == null) {
                out.add(new InterlinkerMetrics(id, status, 0, 0, 0, 0, 0, 0, 0));
            } else {
                double[] q = c.latencies.quantiles(0.5, 0.95, 0.99);
                out.add(new InterlinkerMetrics(id, status, c.calls.sum(), c.failures.sum(), c.timeouts.sum(), c.refused.sum(), q[0], q[1], q[2]));
            }
        });
        return out;
    }

    private List<InterlinkerEntry> all() {
        return registry.search(new InterlinkerQuery(Optional.empty(), Optional.empty(), "en", 0, Integer.MAX_VALUE)).items();
    }
}
