package eu.interlink.kernel.internal;

import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import eu.interlink.kernel.service.InterlinkerGate;
import eu.interlink.kernel.service.KernelException;
import eu.interlink.store.Store;

/**
 * Lets requests in to the version serving an Interlinker, for the kernel's asset calls and for the Interlinkers'
 * pages alike, with one rule for when to answer 404 or 503.
 */
@Component(service = {InterlinkerGate.class, GateComponent.class})
public class GateComponent implements InterlinkerGate {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GateComponent.class);

    @Reference
    private RegistryComponent registry;

    @Reference
    private Store store;

    @Override
    public Lease enter(String interlinkerId) {
        RegistryComponent.Registration r = acquire(interlinkerId, null);
        return new Lease() {
            private boolean closed;

            @Override public long bundleId() { return r.bundle.getBundleId(); }
            @Override public String version() { return r.version(); }

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    r.exit();
                }
            }
        };
    }

    /**
     * The registration serving {@code interlinkerId}, counted in (the caller exits it): 404 when nothing is
     * known of the id, 503 when it is disabled, absent, or not back in time from a swap.
     *
     * @param assetId the asset the request is about, to name it in the answer; may be null
     */
    RegistryComponent.Registration acquire(String interlinkerId, String assetId) {
        if (interlinkerId == null || interlinkerId.isEmpty()) throw KernelException.notFound("Interlinker", String.valueOf(interlinkerId));
        String kept = assetId == null ? "" : "; the data of asset '" + assetId + "' is kept";
        if (registry.isDisabled(interlinkerId)) {
            throw new KernelException(503, "interlinker-disabled", "Interlinker disabled",
                    "Interlinker '" + interlinkerId + "' is disabled by an operator" + kept);
        }
        Optional<RegistryComponent.Registration> r = registry.acquire(interlinkerId);
        if (r.isPresent()) return r.get();
        boolean known = assetId != null || registry.find(interlinkerId).isPresent() || registry.state(interlinkerId) != null
                || store.inTransaction(c -> AssetTable.exists(c, interlinkerId));
        if (!known) throw KernelException.notFound("Interlinker", interlinkerId);
        LOG.debug("No version of Interlinker '{}' to serve a request: {}", interlinkerId, registry.explain(interlinkerId));
        throw new KernelException(503, "interlinker-unavailable", "Interlinker unavailable",
                "Interlinker '" + interlinkerId + "' is not available now" + kept + " and works again when an operator brings it back");
    }
}
