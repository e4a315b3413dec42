package eu.interlink.testkit;

import java.security.Principal;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import eu.interlink.api.AssetContext;
import eu.interlink.api.AssetRef;
import eu.interlink.api.DocumentStore;

/** An {@link AssetContext} over a store of the test's choosing, as the kernel would hand one for a single call. */
public final class InMemoryAssetContext implements AssetContext {
    private final AssetRef asset;
    private final Locale locale;
    private final Optional<Principal> user;
    private final DocumentStore store;

    public InMemoryAssetContext(AssetRef asset, Locale locale, Principal user, DocumentStore store) {
        this.asset = Objects.requireNonNull(asset, "asset");
        this.locale = locale == null ? Locale.ENGLISH : locale;
        this.user = Optional.ofNullable(user);
        this.store = Objects.requireNonNull(store, "store");
    }

    /** In English, for no user: the way the platform itself calls (an import, a migration). */
    public static InMemoryAssetContext of(String assetId, String interlinkerId, DocumentStore store) {
        return new InMemoryAssetContext(AssetRef.of(assetId, interlinkerId), Locale.ENGLISH, null, store);
    }

    @Override public AssetRef asset() { return asset; }

    @Override public Locale locale() { return locale; }

    @Override public Optional<Principal> user() { return user; }

    @Override public Optional<String> processId() { return Optional.empty(); }

    @Override public Optional<String> taskId() { return Optional.empty(); }

    @Override public DocumentStore store() { return store; }

    @Override
    public String toString() { return asset.toString(); }
}
