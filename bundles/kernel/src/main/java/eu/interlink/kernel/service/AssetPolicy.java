package eu.interlink.kernel.service;

import java.security.Principal;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Who may do what with the assets of a co-production process, decided by the bundle that owns processes and
 * their permissions. The kernel asks it before an Interlinker's own page or endpoint reaches such an asset;
 * without this service, no asset inside a process is reachable that way. Assets outside any process are not
 * subject to it.
 */
@ConsumerType
public interface AssetPolicy {

    enum Action {
        /** Know the asset exists and read its metadata. */
        READ,
        /** Open it and work on its data: its Interlinker's pages, download, copy. */
        USE,
        /** Remove it. */
        DELETE
    }

    /**
     * Returns when {@code user} ({@code null} for anonymous) may do {@code action} on an asset of {@code taskId} in
     * {@code processId}; otherwise throws a {@link KernelException}: 404 when the caller may not know the process
     * exists, 401 when anonymous, 403 when signed in without the right.
     */
    void check(String processId, String taskId, Principal user, Action action);
}
