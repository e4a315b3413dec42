package eu.interlink.kernel.service;

import java.io.InputStream;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What an operator does to the set of Interlinkers of a running platform: the shell commands of the
 * {@code interlink} scope and the admin API call these, so both behave the same. Each method returns when the
 * change has taken effect (or failed: then it throws), and records it in the Interlinker's history.
 *
 * <p>Failures are {@link KernelException}s: 400 for a file that is not an Interlinker bundle, 404 for an
 * unknown id, 409 when the change is not possible now (nothing to roll back to, a migration failed…), 422 when
 * the kernel refused the Interlinker (the reason says what to fix), 504 when it did not come up in time.
 */
@ProviderType
public interface InterlinkerOperations {

    /** Installs and starts an Interlinker bundle from a file path or URL. */
    InterlinkerEntry install(String location, String actor);

    /** Installs and starts an Interlinker bundle from the bytes of its jar (an upload). */
    InterlinkerEntry install(InputStream jar, String actor);

    /**
     * Brings a newer version of {@code id} in: installs it beside the serving one, runs its data migrations,
     * switches over, and stops (but keeps) the older bundle for {@link #rollback}.
     */
    InterlinkerEntry upgrade(String id, String location, String actor);

    /** {@link #upgrade(String, String, String)} from the bytes of the jar. */
    InterlinkerEntry upgrade(String id, InputStream jar, String actor);

    /** Goes back to the version that served before the last upgrade, reverting its data migrations. */
    InterlinkerEntry rollback(String id, String actor);

    /** Takes {@code id} out of service without removing it: calls that need it get 503 until {@link #enable}. */
    InterlinkerEntry disable(String id, String actor);

    InterlinkerEntry enable(String id, String actor);

    /** Uninstalls every bundle of {@code id}. Its assets and their data are kept, listed as unavailable. */
    void remove(String id, String actor);

    /** The history of {@code id}, newest first. */
    List<HistoryEntry> history(String id, int offset, int limit);
}
