package eu.interlink.coproduction;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import eu.interlink.kernel.service.AssetRecord;
import eu.interlink.kernel.service.Page;

/**
 * The assets of a process's tasks, made through the kernel's asset service, and the Interlinkers the catalogue
 * recommends for a task. Creating an asset on an awaiting task moves it to in progress (when its prerequisites
 * allow) and rolls up.
 */
@ProviderType
public interface TaskAssetService {

    Page<AssetRecord> list(String processId, String taskId, int offset, int limit);

    AssetRecord create(String processId, String taskId, TaskAssetRequest request, Language language, String user);

    /** 503 while no catalogue is available. */
    List<CatalogueEntry> recommendations(String processId, String taskId, Language language, int limit);
}
