package eu.interlink.interlinker.checklist;

import java.security.Principal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import eu.interlink.api.AssetAccess;
import eu.interlink.api.AssetNotFoundException;
import eu.interlink.api.AssetRef;
import eu.interlink.api.AssetWork;

/** The kernel's AssetAccess in miniature: one store per asset, each call a transaction rolled back when it throws. */
final class TestAssetAccess implements AssetAccess {
    final Map<String, InMemoryDocumentStore> stores = new HashMap<>();
    /** When set, thrown from inside the next transaction, as a broken database would. */
    RuntimeException failure;

    @Override
    public <T> T withAsset(String assetId, Locale locale, Principal user, AssetWork<T> work) {
        InMemoryDocumentStore store = stores.get(assetId);
        if (store == null) {
            throw new AssetNotFoundException(assetId);
        }
        InMemoryDocumentStore.Snapshot start = store.snapshot();
        try {
            if (failure != null) {
                throw failure;
            }
            return work.apply(new TestAssetContext(AssetRef.of(assetId, ChecklistInterlinker.ID), locale,
                    Optional.ofNullable(user), store));
        } catch (RuntimeException e) {
            store.restore(start);
            throw e;
        } catch (Exception e) {
            store.restore(start);
            throw new RuntimeException(e);
        }
    }
}
