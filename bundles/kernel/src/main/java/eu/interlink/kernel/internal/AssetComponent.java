package eu.interlink.kernel.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.security.Principal;
import java.sql.Connection;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import eu.interlink.api.AssetExport;
import eu.interlink.api.AssetInfo;
import eu.interlink.api.AssetRef;
import eu.interlink.api.Capability;
import eu.interlink.api.InterlinkerDescriptor;
import eu.interlink.kernel.service.AssetRecord;
import eu.interlink.kernel.service.AssetService;
import eu.interlink.kernel.service.Events;
import eu.interlink.kernel.service.KernelException;
import eu.interlink.kernel.service.Page;
import eu.interlink.store.Store;

/**
 * Assets, made and handled by their Interlinkers. The kernel's row and the Interlinker's data are written in
 * one transaction, so an asset never exists without its data or the other way round.
 */
@Component(service = AssetService.class)
public class AssetComponent implements AssetService {

    @Reference
    private Store store;

    @Reference
    private RegistryComponent registry;

    @Reference
    private Guard guard;

    @Reference
    private GateComponent gate;

    @Reference
    private EventAdmin events;

    @Override
    public AssetRecord create(String interlinkerId, Map<String, Object> params, Locale locale, Principal user) {
        RegistryComponent.Registration r = acquire(interlinkerId, null);
        String id = UUID.randomUUID().toString();
        AssetRecord created;
        try {
            require(r, Capability.INSTANTIATE);
            created = store.inTransaction(c -> {
                AssetInfo info = call(r, id, locale, user, "instantiate", ctx -> r.service.instantiate(ctx, params == null ? Map.of() : params));
                Instant now = Instant.now();
                AssetTable.Row row = new AssetTable.Row(id, interlinkerId, name(info), null, null, user == null ? null : user.getName(), now, now);
                AssetTable.insert(c, row);
                return record(row);
            });
        } finally {
            r.exit();
        }
        post(Events.ASSET_CREATED, created, user, Map.of());
        return created;
    }

    @Override
    public Optional<AssetRecord> get(String assetId) {
        return store.inTransaction(c -> AssetTable.find(c, assetId).map(this::record));
    }

    @Override
    public Page<AssetRecord> list(Optional<String> interlinkerId, int offset, int limit) {
        return store.inTransaction(c -> {
            List<AssetRecord> items = AssetTable.page(c, interlinkerId, offset, limit).stream().map(this::record).toList();
            return new Page<>(items, AssetTable.count(c, interlinkerId), offset, limit);
        });
    }

    @Override
    public AssetRecord copy(String assetId, Locale locale, Principal user) {
        String copyId = UUID.randomUUID().toString();
        AssetRecord copied = withAsset(assetId, Capability.CLONE, (c, source, r) -> {
            try (KernelAssetContext from = context(r, source.id(), locale, user);
                 KernelAssetContext to = context(r, copyId, locale, user)) {
                AssetInfo info = guard.call(r, "copy asset " + assetId, () -> r.service.copy(from, to));
                Instant now = Instant.now();
                AssetTable.Row row = new AssetTable.Row(copyId, source.interlinkerId(), name(info), source.processId(), source.taskId(),
                        user == null ? null : user.getName(), now, now);
                AssetTable.insert(c, row);
                return record(row);
            }
        });
        post(Events.ASSET_COPIED, copied, user, Map.of("source", assetId));
        return copied;
    }

    @Override
    public void delete(String assetId, Locale locale, Principal user) {
        AssetRecord deleted = withAsset(assetId, Capability.DELETE, (c, row, r) -> {
            call(r, assetId, locale, user, "delete asset " + assetId, ctx -> {
                r.service.delete(ctx);
                return Boolean.TRUE;
            });
            store.deleteDocuments(row.interlinkerId(), assetId);
            AssetTable.delete(c, assetId);
            return record(row);
        });
        post(Events.ASSET_DELETED, deleted, user, Map.of());
    }

    @Override
    public void export(String assetId, Locale locale, Principal user, ExportSink sink) throws IOException {
        try {
            withAsset(assetId, Capability.DOWNLOAD, (c, row, r) -> {
                // The context stays open while the export is written: it may stream the asset's blobs.
                try (KernelAssetContext ctx = context(r, assetId, locale, user)) {
                    Optional<AssetExport> export = guard.call(r, "export asset " + assetId, () -> r.service.export(ctx));
                    if (export == null || export.isEmpty()) {
                        throw new KernelException(404, "nothing-to-export", "Nothing to export", "Asset '" + assetId + "' has nothing to export yet");
                    }
                    AssetExport file = export.get();
                    OutputStream out = sink.open(file.fileName(), file.contentType());
                    file.writeTo(out);
                    out.flush();
                }
                return null;
            });
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof IOException io) throw io; // the client went away: nothing to report to it
            throw e;
        }
    }

    @FunctionalInterface
    private interface AssetWork<T> {
        T run(Connection c, AssetTable.Row row, RegistryComponent.Registration r) throws Exception;
    }

    /**
     * Runs {@code work} on an existing asset with the registration serving its Interlinker, counted in for the
     * whole transaction so that a swap waits for it to finish.
     */
    private <T> T withAsset(String assetId, Capability capability, AssetWork<T> work) {
        AssetTable.Row found = store.inTransaction(c -> AssetTable.find(c, assetId)).orElseThrow(() -> KernelException.notFound("Asset", assetId));
        RegistryComponent.Registration r = acquire(found.interlinkerId(), assetId);
        try {
            require(r, capability);
            return store.inTransaction(c -> {
                AssetTable.Row row = AssetTable.find(c, assetId).orElseThrow(() -> KernelException.notFound("Asset", assetId));
                return work.run(c, row, r);
            });
        } finally {
            r.exit();
        }
    }

    private RegistryComponent.Registration acquire(String interlinkerId, String assetId) {
        return gate.acquire(interlinkerId, assetId);
    }

    private static void require(RegistryComponent.Registration r, Capability capability) {
        if (!r.descriptor.can(capability)) {
            throw new KernelException(409, "capability-not-supported", "Capability not supported",
                    "Interlinker '" + r.interlinkerId() + "' does not declare the " + capability.name().toLowerCase(Locale.ROOT) + " capability");
        }
    }

    private <T> T call(RegistryComponent.Registration r, String assetId, Locale locale, Principal user, String operation,
            Function<KernelAssetContext, T> work) {
        try (KernelAssetContext ctx = context(r, assetId, locale, user)) {
            return guard.call(r, operation, () -> work.apply(ctx));
        }
    }

    private KernelAssetContext context(RegistryComponent.Registration r, String assetId, Locale locale, Principal user) {
        InterlinkerDescriptor d = r.descriptor;
        Locale spoken = locale != null && d.languages().contains(locale.getLanguage()) ? Locale.forLanguageTag(locale.getLanguage()) : Locale.ENGLISH;
        return new KernelAssetContext(AssetRef.of(assetId, d.id()), spoken, user, null, null, store.documents(d.id(), assetId));
    }

    private static String name(AssetInfo info) {
        if (info == null) {
            throw new KernelException(502, "interlinker-failed", "Interlinker failed", "The Interlinker returned no AssetInfo for the new asset");
        }
        String n = info.name();
        return n.length() <= 200 ? n : n.substring(0, 200);
    }

    private AssetRecord record(AssetTable.Row r) {
        return new AssetRecord(r.id(), r.interlinkerId(), r.name(), Optional.ofNullable(r.processId()), Optional.ofNullable(r.taskId()),
                Optional.ofNullable(r.createdBy()), r.createdAt(), r.updatedAt(), registry.serving(r.interlinkerId()).isPresent());
    }

    private void post(String topic, AssetRecord asset, Principal user, Map<String, Object> more) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put(Events.SUBJECT_TYPE, "asset");
        props.put(Events.SUBJECT_ID, asset.id());
        props.put("interlinker", asset.interlinkerId());
        props.put("name", asset.name());
        if (user != null) props.put(Events.ACTOR, user.getName());
        asset.processId().ifPresent(p -> props.put(Events.PROCESS_ID, p));
        props.putAll(more);
        events.postEvent(new Event(topic, props));
    }
}
