package eu.interlink.kernel.service;

import java.time.Instant;
import java.util.Optional;

/**
 * An asset as the kernel keeps it.
 *
 * @param interlinkerId the Interlinker that made it (internal), whose resource it copies (knowledge), or that it
 *                      was linked from (external, may be null)
 * @param available     whether it can be used now: an internal asset needs a version of its Interlinker serving
 *                      it (its data is kept untouched meanwhile); knowledge and external assets always can
 * @param uri           the link of an external asset
 * @param language      the language of a knowledge asset's resource
 */
public record AssetRecord(String id, String interlinkerId, String name, Optional<String> processId, Optional<String> taskId,
        Optional<String> createdBy, Instant createdAt, Instant updatedAt, boolean available, AssetKind kind,
        Optional<String> uri, Optional<String> language) {
}
