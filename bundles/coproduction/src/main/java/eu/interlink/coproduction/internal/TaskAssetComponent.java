package eu.interlink.coproduction.internal;

import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.EventAdmin;

import eu.interlink.api.Nature;
import eu.interlink.coproduction.CatalogueEntry;
import eu.interlink.coproduction.CatalogueFile;
import eu.interlink.coproduction.CatalogueService;
import eu.interlink.coproduction.CoproductionEvents;
import eu.interlink.coproduction.CoproductionProcess;
import eu.interlink.coproduction.FieldException;
import eu.interlink.coproduction.ItemType;
import eu.interlink.coproduction.Language;
import eu.interlink.coproduction.TaskAssetRequest;
import eu.interlink.coproduction.TaskAssetService;
import eu.interlink.kernel.service.AssetRecord;
import eu.interlink.kernel.service.AssetService;
import eu.interlink.kernel.service.KernelException;
import eu.interlink.kernel.service.Page;
import eu.interlink.store.Store;

/**
 * Task assets through the kernel's {@link AssetService}, in the transaction that also moves an awaiting task to
 * in progress, so that the asset and the task's new status are committed together or not at all.
 */
@Component(service = TaskAssetService.class)
public class TaskAssetComponent implements TaskAssetService {

    @Reference
    private Store store;

    @Reference
    private AssetService assets;

    @Reference
    private EventAdmin events;

    /** The catalogue is another bundle's service; without it, knowledge assets and recommendations answer 503. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile CatalogueService catalogue;

    @Override
    public Page<AssetRecord> list(String processId, String taskId, int offset, int limit) {
        store.inTransaction(c -> requireTask(c, processId, taskId));
        return assets.listForTask(taskId, offset, limit);
    }

    @Override
    public AssetRecord create(String processId, String taskId, TaskAssetRequest request, Language language, String user) {
        boolean[] started = {false};
        AssetRecord created = store.inTransaction(c -> {
            CoproductionProcess p = Access.requireReadable(c, processId, user);
            TreeTable.Row task = requireTask(c, processId, taskId);
            Access.require(Access.rights(c, p, taskId, user).createAssets(), user, "add assets to task '" + taskId + "'");
            if (!task.enabled()) {
                throw new KernelException(409, "item-disabled", "Task disabled", "Task '" + taskId + "' is disabled; enable it before adding assets");
            }
            AssetService.Placement placement = new AssetService.Placement(processId, taskId);
            Caller caller = new Caller(user);
            AssetRecord asset;
            if (request instanceof TaskAssetRequest.Internal i) {
                asset = assets.create(i.interlinkerId(), i.params(), placement, language.locale(), caller);
            } else if (request instanceof TaskAssetRequest.Knowledge k) {
                asset = knowledge(k, placement, caller);
            } else {
                TaskAssetRequest.External e = (TaskAssetRequest.External) request;
                if (e.name() == null || e.name().isBlank() || e.name().length() > 200) {
                    throw new FieldException("name", "'name' is 1 to 200 characters");
                }
                asset = assets.createExternal(e.name().trim(), e.uri(), java.util.Optional.empty(), placement, caller);
            }
            started[0] = TreeComponent.start(c, processId, taskId);
            return asset;
        });
        if (started[0]) {
            Poster.post(events, CoproductionEvents.ITEM_UPDATED, "treeitem", taskId, user, processId,
                    Map.of("fields", "status", "status", "in_progress", "asset", created.id()));
        }
        return created;
    }

    private AssetRecord knowledge(TaskAssetRequest.Knowledge k, AssetService.Placement placement, Caller caller) {
        CatalogueService cat = requireCatalogue();
        CatalogueEntry entry = cat.find(k.interlinkerId()).orElseThrow(() -> KernelException.notFound("Interlinker", k.interlinkerId()));
        if (entry.nature() != Nature.KNOWLEDGE) {
            throw new FieldException("interlinker", "Interlinker '" + entry.id() + "' is not a knowledge Interlinker; knowledge assets copy a knowledge Interlinker's resource");
        }
        CatalogueFile file = cat.resource(entry.id(), k.language()).orElseThrow(() -> new KernelException(409, "resource-missing",
                "Resource missing", "Knowledge Interlinker '" + entry.id() + "' has no resource file to copy"));
        String language = entry.resources().containsKey(k.language().code()) ? k.language().code()
                : entry.resources().containsKey(Language.FALLBACK.code()) ? Language.FALLBACK.code()
                : entry.resources().keySet().stream().findFirst().orElse(k.language().code());
        String name = entry.name().in(k.language()).orElse(entry.id());
        return assets.createKnowledge(entry.id(), name, language, file.name(), file.contentType(), new ByteArrayInputStream(file.content()),
                placement, caller);
    }

    @Override
    public List<CatalogueEntry> recommendations(String processId, String taskId, Language language, int limit) {
        TreeTable.Row task = store.inTransaction(c -> requireTask(c, processId, taskId));
        return requireCatalogue().recommend(task.problemProfiles(), language, limit);
    }

    private CatalogueService requireCatalogue() {
        CatalogueService cat = catalogue;
        if (cat == null) throw new KernelException(503, "catalogue-unavailable", "Catalogue unavailable", "The catalogue of Interlinkers is not running");
        return cat;
    }

    private static TreeTable.Row requireTask(Connection c, String processId, String taskId) throws SQLException {
        Tree t = Tree.load(c, ProcessTable.require(c, processId));
        TreeTable.Row r = t.byId.get(taskId);
        if (r == null || r.type() != ItemType.TASK) {
            throw new KernelException(404, "not-found", "Task not found", "Process '" + processId + "' has no task '" + Text.clip(taskId) + "'");
        }
        return r;
    }
}
