package eu.interlink.kernel.service;

import org.osgi.annotation.versioning.ProviderType;

/** Checks the platform's parts now; never throws, never takes longer than a few seconds. */
@ProviderType
public interface HealthCheck {
    Health check();

    /** Call counts and latencies per Interlinker id, for {@code /metrics}. */
    java.util.List<InterlinkerMetrics> metrics();
}
