package eu.interlink.kernel.service;

/**
 * The kernel's calls into one Interlinker since the platform started.
 *
 * @param calls     calls made (refused ones not counted)
 * @param failures  calls that failed (the Interlinker threw or timed out)
 * @param timeouts  calls that did not answer within the time limit (also counted in failures)
 * @param refused   calls not made because its circuit was open
 * @param latencies seconds at the 0.5, 0.95 and 0.99 quantiles over the last 1024 calls
 */
public record InterlinkerMetrics(String id, InterlinkerStatus status, long calls, long failures, long timeouts, long refused,
        double p50, double p95, double p99) {
}
