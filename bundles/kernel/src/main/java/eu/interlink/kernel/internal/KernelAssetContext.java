package eu.interlink.kernel.internal;

import java.io.InputStream;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import eu.interlink.api.AssetContext;
import eu.interlink.api.AssetRef;
import eu.interlink.api.Blob;
import eu.interlink.api.Document;
import eu.interlink.api.DocumentStore;

/**
 * The context of one call. Once the call is over (returned, failed or timed out) it is closed, and a late
 * Interlinker thread that still holds it can no longer touch the data of a transaction that has moved on.
 */
final class KernelAssetContext implements AssetContext, AutoCloseable {
    private final AssetRef asset;
    private final Locale locale;
    private final Principal user;
    private final String processId;
    private final String taskId;
    private final DocumentStore store;
    private volatile boolean closed;

    KernelAssetContext(AssetRef asset, Locale locale, Principal user, String processId, String taskId, DocumentStore store) {
        this.asset = asset;
        this.locale = locale;
        this.user = user;
        this.processId = processId;
        this.taskId = taskId;
        this.store = new Closable(store);
    }

    /** The context of a call the platform makes by itself, such as a data migration: no user, English. */
    static KernelAssetContext forPlatform(eu.interlink.store.Store store, eu.interlink.api.InterlinkerDescriptor d, String assetId) {
        return new KernelAssetContext(AssetRef.of(assetId, d.id()), Locale.ENGLISH, null, null, null, store.documents(d.id(), assetId));
    }

    @Override public AssetRef asset() { return asset; }
    @Override public Locale locale() { return locale; }
    @Override public Optional<Principal> user() { return Optional.ofNullable(user); }
    @Override public Optional<String> processId() { return Optional.ofNullable(processId); }
    @Override public Optional<String> taskId() { return Optional.ofNullable(taskId); }
    @Override public DocumentStore store() { return store; }

    @Override
    public void close() {
        closed = true;
    }

    private final class Closable implements DocumentStore {
        private final DocumentStore delegate;

        Closable(DocumentStore delegate) {
            this.delegate = delegate;
        }

        private DocumentStore open() {
            if (closed) throw new IllegalStateException("The call about asset " + asset + " is over: its store is closed");
            return delegate;
        }

        @Override public Optional<Document> get(String key) { return open().get(key); }
        @Override public List<String> keys(String prefix) { return open().keys(prefix); }
        @Override public Document put(String key, String json) { return open().put(key, json); }
        @Override public Document replace(String key, String json, long expectedVersion) { return open().replace(key, json, expectedVersion); }
        @Override public boolean delete(String key) { return open().delete(key); }
        @Override public Blob putBlob(String key, String contentType, InputStream content) { return open().putBlob(key, contentType, content); }
        @Override public Optional<Blob> getBlob(String key) { return open().getBlob(key); }
        @Override public List<String> blobKeys(String prefix) { return open().blobKeys(prefix); }
        @Override public boolean deleteBlob(String key) { return open().deleteBlob(key); }
    }
}
