package eu.interlink.kernel.service;

import java.time.Instant;
import java.util.Optional;

/**
 * An asset as the kernel keeps it.
 *
 * @param available whether a version of its Interlinker serves it now; when not, its data is kept untouched
 */
public record AssetRecord(String id, String interlinkerId, String name, Optional<String> processId, Optional<String> taskId,
        Optional<String> createdBy, Instant createdAt, Instant updatedAt, boolean available) {
}
