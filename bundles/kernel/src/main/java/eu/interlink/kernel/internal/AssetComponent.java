package eu.interlink.kernel.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.security.Principal;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import eu.interlink.api.AssetExport;
import eu.interlink.api.AssetInfo;
import eu.interlink.api.AssetRef;
import eu.interlink.api.Blob;
import eu.interlink.api.Capability;
import eu.interlink.api.Document;
import eu.interlink.api.DocumentStore;
import eu.interlink.api.InterlinkerDescriptor;
import eu.interlink.kernel.service.AssetKind;
import eu.interlink.kernel.service.AssetRecord;
import eu.interlink.kernel.service.AssetService;
import eu.interlink.kernel.service.Events;
import eu.interlink.kernel.service.KernelException;
import eu.interlink.kernel.service.Page;
import eu.interlink.store.Store;

/**
 * Assets, made and handled by their Interlinkers. The kernel's row and the Interlinker's data are written in
 * one transaction, so an asset never exists without its data or the other way round. Knowledge and external
 * assets are held by the kernel itself: the same operations, checked against the capabilities the kernel
 * declares for them, with no Interlinker call.
 */
@Component(service = AssetService.class)
public class AssetComponent implements AssetService {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

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

    /** What the kernel itself can do with the assets it holds; internal assets can what their Interlinker declares. */
    private static final Map<AssetKind, Set<Capability>> HELD = Map.of(
            AssetKind.KNOWLEDGE, EnumSet.of(Capability.INSTANTIATE, Capability.VIEW, Capability.CLONE, Capability.DELETE, Capability.DOWNLOAD),
            AssetKind.EXTERNAL, EnumSet.of(Capability.INSTANTIATE, Capability.VIEW, Capability.CLONE, Capability.DELETE));
    /** The document and blob of a knowledge asset: the resource's file name and type, and its bytes. */
    private static final String KNOWLEDGE_DOCUMENT = "knowledge";
    private static final String KNOWLEDGE_BLOB = "resource";

    @Override
    public AssetRecord create(String interlinkerId, Map<String, Object> params, Locale locale, Principal user) {
        return create(interlinkerId, params, null, locale, user);
    }

    @Override
    public AssetRecord create(String interlinkerId, Map<String, Object> params, Placement placement, Locale locale, Principal user) {
        RegistryComponent.Registration r = acquire(interlinkerId, null);
        String id = UUID.randomUUID().toString();
        String processId = placement == null ? null : placement.processId();
        String taskId = placement == null ? null : placement.taskId();
        AssetRecord created;
        try {
            require(r, Capability.INSTANTIATE);
            created = store.inTransaction(c -> {
                AssetInfo info;
                try (KernelAssetContext ctx = context(r, id, processId, taskId, locale, user)) {
                    info = guard.call(r, "instantiate", () -> r.service.instantiate(ctx, params == null ? Map.of() : params));
                }
                Instant now = Instant.now();
                AssetTable.Row row = new AssetTable.Row(id, interlinkerId, name(info), processId, taskId, user == null ? null : user.getName(), now, now);
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
    public AssetRecord createKnowledge(String interlinkerId, String name, String language, String fileName, String contentType,
            InputStream content, Placement placement, Principal user) {
        requireHeld(AssetKind.KNOWLEDGE, interlinkerId, Capability.INSTANTIATE);
        String id = UUID.randomUUID().toString();
        AssetRecord created = store.inTransaction(c -> {
            DocumentStore data = store.documents(interlinkerId, id);
            Map<String, Object> about = new LinkedHashMap<>();
            about.put("fileName", fileName);
            about.put("contentType", contentType);
            about.put("language", language);
            data.put(KNOWLEDGE_DOCUMENT, JSON.writeValueAsString(about));
            data.putBlob(KNOWLEDGE_BLOB, contentType, content);
            Instant now = Instant.now();
            AssetTable.Row row = new AssetTable.Row(id, interlinkerId, clipName(name), processId(placement), taskId(placement),
                    user == null ? null : user.getName(), now, now, AssetKind.KNOWLEDGE, null, language);
            AssetTable.insert(c, row);
            return record(row);
        });
        post(Events.ASSET_CREATED, created, user, Map.of("kind", AssetKind.KNOWLEDGE.label()));
        return created;
    }

    @Override
    public AssetRecord createExternal(String name, URI uri, Optional<String> interlinkerId, Placement placement, Principal user) {
        requireHeld(AssetKind.EXTERNAL, interlinkerId.orElse(null), Capability.INSTANTIATE);
        String id = UUID.randomUUID().toString();
        AssetRecord created = store.inTransaction(c -> {
            Instant now = Instant.now();
            AssetTable.Row row = new AssetTable.Row(id, interlinkerId.orElse(null), clipName(name), processId(placement), taskId(placement),
                    user == null ? null : user.getName(), now, now, AssetKind.EXTERNAL, uri.toString(), null);
            AssetTable.insert(c, row);
            return record(row);
        });
        post(Events.ASSET_CREATED, created, user, Map.of("kind", AssetKind.EXTERNAL.label(), "uri", uri.toString()));
        return created;
    }

    @Override
    public Page<AssetRecord> listForTask(String taskId, int offset, int limit) {
        return store.inTransaction(c -> {
            List<AssetRecord> items = AssetTable.pageForTask(c, taskId, offset, limit).stream().map(this::record).toList();
            return new Page<>(items, AssetTable.countForTask(c, taskId), offset, limit);
        });
    }

    @Override
    public int deleteForTasks(Collection<String> taskIds, Principal user) {
        if (taskIds.isEmpty()) return 0;
        List<AssetRecord> deleted = store.inTransaction(c -> {
            List<AssetRecord> gone = new ArrayList<>();
            for (AssetTable.Row row : AssetTable.forTasks(c, taskIds)) {
                if (row.interlinkerId() != null) store.deleteDocuments(row.interlinkerId(), row.id());
                AssetTable.delete(c, row.id());
                gone.add(record(row));
            }
            return gone;
        });
        for (AssetRecord a : deleted) post(Events.ASSET_DELETED, a, user, Map.of());
        return deleted.size();
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
            Instant now = Instant.now();
            String by = user == null ? null : user.getName();
            if (r == null) {
                if (source.kind() == AssetKind.KNOWLEDGE) store.copyDocuments(source.interlinkerId(), source.id(), copyId);
                AssetTable.Row row = new AssetTable.Row(copyId, source.interlinkerId(), source.name(), source.processId(), source.taskId(),
                        by, now, now, source.kind(), source.uri(), source.language());
                AssetTable.insert(c, row);
                return record(row);
            }
            try (KernelAssetContext from = context(r, source.id(), source.processId(), source.taskId(), locale, user);
                 KernelAssetContext to = context(r, copyId, source.processId(), source.taskId(), locale, user)) {
                AssetInfo info = guard.call(r, "copy asset " + assetId, () -> r.service.copy(from, to));
                AssetTable.Row row = new AssetTable.Row(copyId, source.interlinkerId(), name(info), source.processId(), source.taskId(),
                        by, now, now);
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
            if (r != null) {
                call(r, row, locale, user, "delete asset " + assetId, ctx -> {
                    r.service.delete(ctx);
                    return Boolean.TRUE;
                });
            }
            if (row.interlinkerId() != null) store.deleteDocuments(row.interlinkerId(), assetId);
            AssetTable.delete(c, assetId);
            return record(row);
        });
        post(Events.ASSET_DELETED, deleted, user, Map.of());
    }

    @Override
    public void export(String assetId, Locale locale, Principal user, ExportSink sink) throws IOException {
        try {
            withAsset(assetId, Capability.DOWNLOAD, (c, row, r) -> {
                if (r == null) {
                    exportKnowledge(row, sink);
                    return null;
                }
                // The context stays open while the export is written: it may stream the asset's blobs.
                try (KernelAssetContext ctx = context(r, assetId, row.processId(), row.taskId(), locale, user)) {
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

    /** A knowledge asset's resource, as it was copied from the catalogue. */
    private void exportKnowledge(AssetTable.Row row, ExportSink sink) throws IOException {
        DocumentStore data = store.documents(row.interlinkerId(), row.id());
        Map<String, Object> about = data.get(KNOWLEDGE_DOCUMENT).map(Document::json).map(AssetComponent::parse).orElse(Map.of());
        Blob blob = data.getBlob(KNOWLEDGE_BLOB).orElseThrow(() -> new KernelException(404, "nothing-to-export", "Nothing to export",
                "Knowledge asset '" + row.id() + "' has no resource"));
        String fileName = String.valueOf(about.getOrDefault("fileName", row.id()));
        OutputStream out = sink.open(fileName, blob.contentType());
        try (InputStream in = blob.open()) {
            in.transferTo(out);
        }
        out.flush();
    }

    @FunctionalInterface
    private interface AssetWork<T> {
        /** @param r the registration serving an internal asset's Interlinker; null for the assets the kernel holds */
        T run(Connection c, AssetTable.Row row, RegistryComponent.Registration r) throws Exception;
    }

    /**
     * Runs {@code work} on an existing asset. An internal one gets the registration serving its Interlinker,
     * counted in for the whole transaction so that a swap waits for it to finish.
     */
    private <T> T withAsset(String assetId, Capability capability, AssetWork<T> work) {
        AssetTable.Row found = store.inTransaction(c -> AssetTable.find(c, assetId)).orElseThrow(() -> KernelException.notFound("Asset", assetId));
        if (found.kind() != AssetKind.INTERNAL) {
            requireHeld(found.kind(), found.interlinkerId(), capability);
            return store.inTransaction(c -> {
                AssetTable.Row row = AssetTable.find(c, assetId).orElseThrow(() -> KernelException.notFound("Asset", assetId));
                return work.run(c, row, null);
            });
        }
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
        if (!r.descriptor.can(capability)) refuse("Interlinker '" + r.interlinkerId() + "'", capability);
    }

    /** The same refusal for the assets the kernel holds, against what it declares for their kind. */
    private static void requireHeld(AssetKind kind, String interlinkerId, Capability capability) {
        if (!HELD.get(kind).contains(capability)) {
            refuse(kind == AssetKind.KNOWLEDGE ? "Knowledge Interlinker '" + interlinkerId + "'"
                    : "An external asset" + (interlinkerId == null ? "" : " of '" + interlinkerId + "'"), capability);
        }
    }

    private static void refuse(String who, Capability capability) {
        throw new KernelException(409, "capability-not-supported", "Capability not supported",
                who + " does not declare the " + capability.name().toLowerCase(Locale.ROOT) + " capability");
    }

    private <T> T call(RegistryComponent.Registration r, AssetTable.Row row, Locale locale, Principal user, String operation,
            Function<KernelAssetContext, T> work) {
        try (KernelAssetContext ctx = context(r, row.id(), row.processId(), row.taskId(), locale, user)) {
            return guard.call(r, operation, () -> work.apply(ctx));
        }
    }

    private KernelAssetContext context(RegistryComponent.Registration r, String assetId, String processId, String taskId, Locale locale, Principal user) {
        InterlinkerDescriptor d = r.descriptor;
        Locale spoken = locale != null && d.languages().contains(locale.getLanguage()) ? Locale.forLanguageTag(locale.getLanguage()) : Locale.ENGLISH;
        return new KernelAssetContext(AssetRef.of(assetId, d.id()), spoken, user, processId, taskId, store.documents(d.id(), assetId));
    }

    private static String processId(Placement p) {
        return p == null ? null : p.processId();
    }

    private static String taskId(Placement p) {
        return p == null ? null : p.taskId();
    }

    private static String clipName(String n) {
        if (n == null || n.isBlank()) throw KernelException.badRequest("An asset needs a name");
        return n.length() <= 200 ? n : n.substring(0, 200);
    }

    private static Map<String, Object> parse(String json) {
        try {
            return JSON.readValue(json, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            return Map.of();
        }
    }

    private static String name(AssetInfo info) {
        if (info == null) {
            throw new KernelException(502, "interlinker-failed", "Interlinker failed", "The Interlinker returned no AssetInfo for the new asset");
        }
        String n = info.name();
        return n.length() <= 200 ? n : n.substring(0, 200);
    }

    private AssetRecord record(AssetTable.Row r) {
        boolean available = r.kind() != AssetKind.INTERNAL || registry.serving(r.interlinkerId()).isPresent();
        return new AssetRecord(r.id(), r.interlinkerId(), r.name(), Optional.ofNullable(r.processId()), Optional.ofNullable(r.taskId()),
                Optional.ofNullable(r.createdBy()), r.createdAt(), r.updatedAt(), available, r.kind(), Optional.ofNullable(r.uri()),
                Optional.ofNullable(r.language()));
    }

    private void post(String topic, AssetRecord asset, Principal user, Map<String, Object> more) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put(Events.SUBJECT_TYPE, "asset");
        props.put(Events.SUBJECT_ID, asset.id());
        if (asset.interlinkerId() != null) props.put("interlinker", asset.interlinkerId());
        asset.taskId().ifPresent(t -> props.put("task", t));
        props.put("name", asset.name());
        if (user != null) props.put(Events.ACTOR, user.getName());
        asset.processId().ifPresent(p -> props.put(Events.PROCESS_ID, p));
        props.putAll(more);
        events.postEvent(new Event(topic, props));
    }
}
