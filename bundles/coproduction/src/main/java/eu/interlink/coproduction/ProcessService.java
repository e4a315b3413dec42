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

    /** Deletes the process with its tree and its tasks' assets. */
    void delete(String id, String user);

    CoproductionProcess addAdministrator(String id, String administrator, String user);

    /** 409 when {@code administrator} is the last one: a process always has someone who may change it. */
    CoproductionProcess removeAdministrator(String id, String administrator, String user);
}
