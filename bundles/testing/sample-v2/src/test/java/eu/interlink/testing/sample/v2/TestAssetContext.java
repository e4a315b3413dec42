package eu.interlink.testing.sample.v2;

import java.security.Principal;
import java.util.Locale;
import java.util.Optional;

import eu.interlink.api.AssetContext;
import eu.interlink.api.AssetRef;
import eu.interlink.api.DocumentStore;

/** An AssetContext over an in-memory store, as the kernel would hand one for a single call. */
record TestAssetContext(AssetRef asset, Locale locale, Optional<Principal> user, DocumentStore store)
        implements AssetContext {

    static TestAssetContext of(String assetId, InMemoryDocumentStore store) {
        return new TestAssetContext(AssetRef.of(assetId, SampleInterlinker.ID), Locale.ENGLISH, Optional.empty(), store);
    }

    @Override
    public Optional<String> processId() { return Optional.empty(); }

    @Override
    public Optional<String> taskId() { return Optional.empty(); }
}
