package eu.interlink.testkit.internal;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import eu.interlink.api.AssetExport;
import eu.interlink.api.AssetInfo;
import eu.interlink.api.Capability;
import eu.interlink.api.Interlinker;
import eu.interlink.api.InterlinkerDescriptor;
import eu.interlink.testkit.InMemoryAssetContext;
import eu.interlink.testkit.InMemoryDocumentStore;

/**
 * Outside a platform: the kit plays the kernel with one in-memory store per asset, checks capabilities as the
 * kernel does, runs each call as a transaction (rolled back when it throws) and deletes the store of a deleted
 * asset. A restart is a new instance from the factory, which sees the same stores.
 */
public final class UnitSubject implements Subject {
    private final Supplier<? extends Interlinker> factory;
    private final Calls calls;
    private final Map<String, InMemoryDocumentStore> stores = new HashMap<>();
    private Interlinker current;
    private InterlinkerDescriptor declared;
    private String id = "?";
    private int assets;

    public UnitSubject(Supplier<? extends Interlinker> factory, Calls calls) {
        this.factory = factory;
        this.calls = calls;
    }

    @Override public String where() { return "unit test, the kit in place of the kernel"; }

    @Override public boolean inPlatform() { return false; }

    @Override public Calls calls() { return calls; }

    @Override
    public Optional<String> ready() {
        try {
            current = factory.get();
        } catch (RuntimeException e) {
            return Optional.of("the factory given to the kit failed to make the Interlinker (" + e
                    + "): outside OSGi, construct it with an explicit version instead of InterlinkerDescriptor.versionOf");
        }
        if (current == null) return Optional.of("the factory given to the kit returned null: return a new Interlinker");
        try {
            declared = descriptor();
        } catch (Refusal r) {
            return Optional.empty(); // the descriptor check says what is wrong
        }
        if (declared != null) id = declared.id();
        return Optional.empty();
    }

    @Override
    public InterlinkerDescriptor descriptor() {
        return calls.direct("answer descriptor()", id, current::descriptor);
    }

    @Override public Interlinker service() { return current; }

    @Override public Optional<String> bundleVersion() { return Optional.empty(); }

    @Override
    public <T> T direct(String operation, Callable<T> work) {
        return calls.direct(operation, id, work);
    }

    private InMemoryAssetContext context(String assetId, InMemoryDocumentStore store) {
        return InMemoryAssetContext.of(assetId, id, store);
    }

    private void require(Capability c) {
        if (declared == null || !declared.can(c)) {
            throw new Refusal(409, "Interlinker '" + id + "' does not declare the " + c.name().toLowerCase(Locale.ROOT) + " capability");
        }
    }

    private InMemoryDocumentStore existing(String assetId) {
        InMemoryDocumentStore s = stores.get(assetId);
        if (s == null) throw new Refusal(404, "There is no asset '" + assetId + "'");
        return s;
    }

    @Override
    public String create(Map<String, Object> params) {
        require(Capability.INSTANTIATE);
        String assetId = "asset-" + (++assets);
        InMemoryDocumentStore store = new InMemoryDocumentStore();
        AssetInfo info = direct("instantiate", () -> current.instantiate(context(assetId, store), params));
        if (info == null) throw new Refusal(502, "The Interlinker returned no AssetInfo for the new asset");
        stores.put(assetId, store);
        return assetId;
    }

    @Override
    public String copy(String assetId) {
        InMemoryDocumentStore source = existing(assetId);
        require(Capability.CLONE);
        String copyId = "asset-" + (++assets);
        InMemoryDocumentStore target = new InMemoryDocumentStore();
        InMemoryDocumentStore.Snapshot before = source.snapshot();
        try {
            AssetInfo info = direct("copy", () -> current.copy(context(assetId, source), context(copyId, target)));
            if (info == null) throw new Refusal(502, "The Interlinker returned no AssetInfo for the copy");
        } catch (RuntimeException e) {
            source.restore(before);
            throw e;
        }
        stores.put(copyId, target);
        return copyId;
    }

    @Override
    public void delete(String assetId) {
        InMemoryDocumentStore store = existing(assetId);
        require(Capability.DELETE);
        InMemoryDocumentStore.Snapshot before = store.snapshot();
        try {
            direct("delete", () -> {
                current.delete(context(assetId, store));
                return null;
            });
        } catch (RuntimeException e) {
            store.restore(before);
            throw e;
        }
        stores.remove(assetId);
    }

    @Override
    public Optional<Exported> export(String assetId) {
        InMemoryDocumentStore store = existing(assetId);
        require(Capability.DOWNLOAD);
        return direct("export", () -> write(current.export(context(assetId, store))));
    }

    /** Writes an export out as the kernel does; {@code null} or empty means nothing to export. */
    static Optional<Exported> write(Optional<AssetExport> export) throws java.io.IOException {
        if (export == null || export.isEmpty()) return Optional.empty();
        AssetExport file = export.get();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        file.writeTo(out);
        return Optional.of(new Exported(file.fileName(), file.contentType(), out.toByteArray()));
    }

    @Override public boolean exists(String assetId) { return stores.containsKey(assetId); }

    @Override public Optional<Boolean> hasPages() { return Optional.empty(); }

    @Override public Optional<PageAnswer> get(String path) { return Optional.empty(); }

    @Override
    public Optional<Boolean> storeEmpty(String assetId) {
        InMemoryDocumentStore s = stores.get(assetId);
        return s == null ? Optional.empty() : Optional.of(s.isEmpty());
    }

    @Override public String restartDescription() { return "a new instance of the Interlinker was made"; }

    @Override
    public void restart() {
        Interlinker fresh = factory.get();
        if (fresh == current) {
            throw new Refusal(500, "the factory given to the kit returned the same instance twice: return a new Interlinker each time, as a bundle restart would");
        }
        current = fresh;
    }

    @Override public Optional<String> updateDescription() { return Optional.empty(); }

    @Override public void update() { restart(); }

    @Override public void close() { calls.close(); }
}
