package eu.interlink.kernel.service;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The way in to an Interlinker for the front ends that call its code directly (its pages): the same routing,
 * holds and drains as the kernel's own calls. During a swap {@link #enter} waits for the next version; while a
 * lease is open, the version it names does not leave or see its data change shape.
 */
@ProviderType
public interface InterlinkerGate {

    /**
     * Counts one request in on the version that serves {@code interlinkerId}; close the lease when done.
     *
     * @throws KernelException 404 when nothing is known of the id, 503 when it is disabled or unavailable
     */
    Lease enter(String interlinkerId);

    /** One request counted in on one version. */
    interface Lease extends AutoCloseable {
        /** The bundle of the version serving the request. */
        long bundleId();

        String version();

        @Override
        void close();
    }
}
