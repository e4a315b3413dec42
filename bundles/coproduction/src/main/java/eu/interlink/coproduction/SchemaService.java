package eu.interlink.coproduction;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The schemas the kernel keeps. Failures are {@link eu.interlink.kernel.service.KernelException}s: 400 for an
 * invalid schema (named field), 404 for an unknown id.
 */
@ProviderType
public interface SchemaService {

    /**
     * Creates the schema or replaces the one with its id, in one transaction.
     *
     * @return whether anything changed (saving an identical schema again changes nothing)
     */
    boolean save(Schema schema);

    Optional<Schema> find(String id);

    /** Every schema, ordered by id. */
    List<Schema> list();

    /** Deletes a schema; processes instantiated from it keep their copied trees. */
    void delete(String id);
}
