package eu.interlink.kernel.internal;

import java.security.Principal;
import java.util.Locale;

import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ServiceScope;

import eu.interlink.api.AssetAccess;
import eu.interlink.api.AssetNotFoundException;
import eu.interlink.api.AssetRef;
import eu.interlink.api.AssetWork;
import eu.interlink.kernel.service.AssetPolicy;
import eu.interlink.kernel.service.KernelException;
import eu.interlink.store.Store;

/**
 * {@link AssetAccess} for one Interlinker bundle: one instance per bundle that gets the service, which reaches
 * the assets of the Interlinker ids that bundle registers and nothing else.
 */
@Component(service = AssetAccess.class, scope = ServiceScope.BUNDLE)
public class AssetAccessComponent implements AssetAccess {

    @Reference
    private Store store;

    @Reference
    private RegistryComponent registry;

    /** Decides for assets inside processes; while it is absent, those are not reachable from Interlinkers' pages. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AssetPolicy policy;

    private long bundleId;

    @Activate
    void activate(ComponentContext context) {
        bundleId = context.getUsingBundle().getBundleId();
    }

    @Override
    public <T> T withAsset(String assetId, Locale locale, Principal user, AssetWork<T> work) {
        AssetTable.Row row = store.inTransaction(c -> AssetTable.find(c, assetId == null ? "" : assetId))
                .filter(r -> r.kind() == eu.interlink.kernel.service.AssetKind.INTERNAL && registry.registeredBy(r.interlinkerId(), bundleId))
                .orElseThrow(() -> new AssetNotFoundException(assetId));
        if (row.processId() != null) {
            // Interlinkers answer 404 for an asset they cannot reach: the same whether it is absent or not the caller's.
            AssetPolicy decides = policy;
            if (decides == null) throw new AssetNotFoundException(assetId);
            try {
                decides.check(row.processId(), row.taskId(), user, AssetPolicy.Action.USE);
            } catch (KernelException refused) {
                throw new AssetNotFoundException(assetId);
            }
        }
        // Counted in like a kernel call, so that the data never changes shape under an Interlinker's own page.
        RegistryComponent.Registration own = registry.acquireOwn(row.interlinkerId(), bundleId)
                .orElseThrow(() -> new AssetNotFoundException(assetId));
        try {
            return store.inTransaction(c -> {
                try (KernelAssetContext ctx = new KernelAssetContext(AssetRef.of(row.id(), row.interlinkerId()),
                        locale == null ? Locale.ENGLISH : locale, user, row.processId(), row.taskId(),
                        store.documents(row.interlinkerId(), row.id()))) {
                    return work.apply(ctx);
                }
            });
        } finally {
            own.exit();
        }
    }
}
