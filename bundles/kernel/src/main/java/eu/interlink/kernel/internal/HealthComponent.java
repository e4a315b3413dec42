package eu.interlink.kernel.internal;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import eu.interlink.kernel.service.Health;
import eu.interlink.kernel.service.HealthCheck;
import eu.interlink.kernel.service.InterlinkerEntry;
import eu.interlink.kernel.service.InterlinkerQuery;
import eu.interlink.kernel.service.InterlinkerStatus;
import eu.interlink.store.StoreHealth;
import eu.interlink.store.Store;

/** The store and the registry, checked on demand. The platform is down when its store is. */
@Component(service = HealthCheck.class)
public class HealthComponent implements HealthCheck {

    @Reference
    private Store store;

    @Reference
    private RegistryComponent registry;

    @Reference
    private Guard guard;

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
        for (InterlinkerEntry e : registry.search(new InterlinkerQuery(java.util.Optional.empty(), java.util.Optional.empty(), "en", 0, Integer.MAX_VALUE)).items()) {
            counts.merge(e.status(), 1, Integer::sum);
        }
        Map<String, Object> registryPart = new LinkedHashMap<>();
        registryPart.put("status", "UP");
        for (InterlinkerStatus st : InterlinkerStatus.values()) registryPart.put(st.label(), counts.getOrDefault(st, 0));
        registryPart.put("callTimeoutMs", guard.timeoutMillis());
        components.put("registry", registryPart);
        return new Health(s.up() ? "UP" : "DOWN", components);
    }

    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
