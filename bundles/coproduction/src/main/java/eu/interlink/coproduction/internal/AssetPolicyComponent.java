package eu.interlink.coproduction.internal;

import java.security.Principal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import eu.interlink.coproduction.CoproductionProcess;
import eu.interlink.coproduction.Rights;
import eu.interlink.kernel.service.AssetPolicy;
import eu.interlink.store.Store;

/** The assets of a task follow the process's permissions: read with the process, use by access, remove by delete. */
@Component(service = AssetPolicy.class)
public class AssetPolicyComponent implements AssetPolicy {

    @Reference
    private Store store;

    @Override
    public void check(String processId, String taskId, Principal user, Action action) {
        String name = user == null ? Access.ANONYMOUS : user.getName();
        store.inTransaction(c -> {
            CoproductionProcess p = Access.requireReadable(c, processId, name);
            if (action == Action.READ) return null;
            Rights r = Access.rights(c, p, taskId, name);
            if (action == Action.USE) Access.require(r.access(), name, "open the assets of task '" + taskId + "'");
            else Access.require(r.deleteAssets(), name, "remove the assets of task '" + taskId + "'");
            return null;
        });
    }
}
