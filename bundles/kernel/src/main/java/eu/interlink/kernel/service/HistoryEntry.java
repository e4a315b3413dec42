package eu.interlink.kernel.service;

import java.time.Instant;
import java.util.Optional;

/**
 * One change in the life of an Interlinker, as persisted.
 *
 * @param action      {@code arrived}, {@code departed}, {@code rejected}, {@code upgraded}, {@code rolled-back},
 *                    {@code disabled}, {@code enabled}, {@code installed}, {@code removed}, {@code failing}, {@code recovered}
 * @param version     the version concerned (for an upgrade or rollback, the one now serving)
 * @param fromVersion for an upgrade or rollback, the version that served before
 * @param outcome     {@code ok} or {@code failed}
 * @param detail      what happened, in words; for a failure, why
 * @param actor       who asked for it; empty when the platform did it by itself
 */
public record HistoryEntry(long id, Instant at, String interlinkerId, String action, String version, Optional<String> fromVersion,
        String outcome, String detail, Optional<String> actor) {
}
