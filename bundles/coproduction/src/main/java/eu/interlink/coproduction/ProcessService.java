package eu.interlink.coproduction;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import eu.interlink.kernel.service.Page;

/**
 * Co-production processes and their administrators. {@code user} is who asks: the creator becomes the first
 * administrator, and only administrators may change a process (403 otherwise). Failures are
 * {@link eu.interlink.kernel.service.KernelException}s: {@link FieldException} naming the field, 403, 404,
 * 409.
 */
@ProviderType
public interface ProcessService {

    CoproductionProcess create(ProcessFields fields, String user);

    Optional<CoproductionProcess> find(String id);

    /** Newest first. */
    Page<CoproductionProcess> list(ProcessQuery query);

    CoproductionProcess update(String id, ProcessFields changes, String user);

    /**
     * Deletes the process with its tree and its tasks' assets. The administrators of a frozen process may still
     * delete it.
     */
    void delete(String id, String user);

    /**
     * Makes the process a read-only public record, for good: anyone may read it, its tree and its assets'
     * metadata, and download its assets; nobody may change it (409) or work in its assets. The stories bundle
     * freezes the copy it publishes. Administrators only.
     */
    CoproductionProcess freeze(String id, String user);

    /** Whether the process is frozen ({@link #freeze}); false for an unknown one. */
    boolean isFrozen(String id);

    CoproductionProcess addAdministrator(String id, String administrator, String user);

    /** 409 when {@code administrator} is the last one: a process always has someone who may change it. */
    CoproductionProcess removeAdministrator(String id, String administrator, String user);
}
