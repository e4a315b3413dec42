package eu.interlink.testkit;

import java.security.Principal;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import eu.interlink.api.AssetAccess;
import eu.interlink.api.AssetNotFoundException;
import eu.interlink.api.AssetRef;
import eu.interlink.api.AssetWork;

/**
 * The kernel's {@link AssetAccess} in miniature, for unit tests of an Interlinker's pages: one store per asset,
 * each call one transaction, rolled back when the work throws.
 */
public final class InMemoryAssetAccess implements AssetAccess {
    private final String interlinkerId;
    private final Map<String, InMemoryDocumentStore> stores = new ConcurrentHashMap<>();
    private volatile RuntimeException failure;

    public InMemoryAssetAccess(String interlinkerId) {
        this.interlinkerId = interlinkerId;
    }

    /** The store of {@code assetId}, made empty on first use: the test fills it, or an Interlinker call does. */
    public InMemoryDocumentStore store(String assetId) {
        return stores.computeIfAbsent(assetId, id -> new InMemoryDocumentStore());
    }

    /** Forgets an asset, as the kernel does when it is deleted. */
    public void remove(String assetId) {
        stores.remove(assetId);
    }

    /** Makes the next calls fail inside their transaction, as a broken database would; {@code null} to heal. */
    public void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    @Override
    public <T> T withAsset(String assetId, Locale locale, Principal user, AssetWork<T> work) {
        InMemoryDocumentStore store = stores.get(assetId);
        if (store == null) {
            throw new AssetNotFoundException(assetId);
        }
        InMemoryDocumentStore.Snapshot start = store.snapshot();
        try {
            RuntimeException f = failure;
            if (f != null) {
                throw f;
            }
            return work.apply(new InMemoryAssetContext(AssetRef.of(assetId, interlinkerId), locale, user, store));
        } catch (RuntimeException e) {
            store.restore(start);
            throw e;
        } catch (Exception e) {
            store.restore(start);
            throw new RuntimeException(e);
        }
    }
}
