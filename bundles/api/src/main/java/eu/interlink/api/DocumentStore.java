package eu.interlink.api;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The data of one asset of one Interlinker: JSON documents and binary blobs under keys the Interlinker
 * chooses. The kernel keeps it in its database, scoped so that an Interlinker sees only its own assets, and
 * runs each call in one transaction: everything written during a call is committed together, or not at all.
 *
 * <p>Keys are 1 to 200 characters without control characters. Documents must be JSON objects or arrays.
 */
@ProviderType
public interface DocumentStore {

    Optional<Document> get(String key);

    /** Keys of the documents that start with {@code prefix} (empty for all), in key order. */
    List<String> keys(String prefix);

    /** Writes a document whatever its current version; returns it as stored. */
    Document put(String key, String json);

    /**
     * Writes a document only if it is still at {@code expectedVersion} (0: only if absent): the way to edit
     * without silently losing another user's change.
     *
     * @throws StaleDocumentException when someone wrote it in between
     */
    Document replace(String key, String json, long expectedVersion);

    /** @return whether there was such a document */
    boolean delete(String key);

    /** Stores the bytes of {@code content} under {@code key}, replacing any blob there; the stream is read to its end. */
    Blob putBlob(String key, String contentType, InputStream content);

    Optional<Blob> getBlob(String key);

    List<String> blobKeys(String prefix);

    boolean deleteBlob(String key);
}
