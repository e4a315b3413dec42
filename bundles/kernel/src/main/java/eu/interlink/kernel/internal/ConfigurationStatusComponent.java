package eu.interlink.kernel.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import eu.interlink.kernel.service.ConfigurationState;
import eu.interlink.kernel.service.ConfigurationStatus;
import eu.interlink.kernel.service.SettingException;

/** Keeps the latest outcome per PID and logs every refusal, so that an operator sees it in karaf.log too. */
@Component(service = ConfigurationStatus.class)
public class ConfigurationStatusComponent implements ConfigurationStatus {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationStatusComponent.class);

    private final Map<String, ConfigurationState> states = new ConcurrentSkipListMap<>();

    @Override
    public void applied(String pid, Map<String, Object> inEffect) {
        states.put(pid, new ConfigurationState(pid, true, null, null, Instant.now(), copy(inEffect)));
        LOG.info("Configuration {} applied: {}", pid, inEffect);
    }

    @Override
    public void refused(String pid, SettingException reason, Map<String, Object> inEffect) {
        states.put(pid, new ConfigurationState(pid, false, reason.key(), reason.getMessage(), Instant.now(), copy(inEffect)));
        LOG.warn("Configuration {} refused, the previous values stay in effect: {} (in effect: {})", pid, reason.getMessage(), inEffect);
    }

    @Override
    public List<ConfigurationState> states() {
        return List.copyOf(states.values());
    }

    private static Map<String, Object> copy(Map<String, Object> values) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
