package eu.interlink.kernel.service;

import java.time.Instant;
import java.util.Map;

/**
 * Where one configuration ({@code etc/<pid>.cfg}) stands.
 *
 * @param pid      the configuration's PID, such as {@code eu.interlink.branding}
 * @param applied  whether its current content is in effect; {@code false} when the last change was refused
 * @param key      the key refused, when refused
 * @param reason   why, when refused
 * @param since    when it was applied or refused
 * @param inEffect the values the component works with now (after a refusal: the last valid ones)
 */
public record ConfigurationState(String pid, boolean applied, String key, String reason, Instant since, Map<String, Object> inEffect) {
}
