package eu.interlink.api;

import java.security.Principal;
import java.util.Locale;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** What the kernel hands an Interlinker for one call about one asset. Valid only during that call. */
@ProviderType
public interface AssetContext {

    AssetRef asset();

    /** The language the user reads; one of the Interlinker's languages, or English. */
    Locale locale();

    /** The user on whose behalf the call is made; empty for the platform itself (an import, a migration). */
    Optional<Principal> user();

    /** The co-production process the asset belongs to, when it belongs to one. */
    Optional<String> processId();

    /** The task of that process the asset was created for, when it was created for one. */
    Optional<String> taskId();

    /** This asset's data, in the transaction of this call. */
    DocumentStore store();
}
