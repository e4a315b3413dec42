package eu.interlink.coproduction;

import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Imports a folder in the original INTERLINK platform's seed format (problem profiles, Interlinkers of every
 * nature, schemas, Weblate translations). Idempotent: importing the same folder twice changes nothing the second
 * time. An item that cannot be imported is reported with the reason and the import carries on.
 */
@ProviderType
public interface ImportService {

    /** @throws eu.interlink.kernel.service.KernelException 400 when {@code folder} is not a readable seed folder */
    ImportReport importFolder(Path folder);
}
