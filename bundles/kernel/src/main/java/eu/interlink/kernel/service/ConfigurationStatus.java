package eu.interlink.kernel.service;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What became of each platform configuration. Config Admin stores whatever an operator writes; the component that
 * reads a configuration validates it, keeps its last valid values when it must refuse, and says so here. Health
 * ({@code GET /api/v1/health}) and {@code interlink:config-check} show it.
 */
@ProviderType
public interface ConfigurationStatus {
    /** The configuration of {@code pid} is in effect, with these values. */
    void applied(String pid, Map<String, Object> inEffect);

    /** A configuration of {@code pid} was refused for {@code reason}; the component works on with {@code inEffect}. */
    void refused(String pid, SettingException reason, Map<String, Object> inEffect);

    /** Every configuration reported so far, by PID. */
    List<ConfigurationState> states();
}
