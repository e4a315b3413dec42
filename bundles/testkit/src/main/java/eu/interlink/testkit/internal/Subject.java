package eu.interlink.testkit.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import eu.interlink.api.Interlinker;
import eu.interlink.api.InterlinkerDescriptor;

/**
 * The Interlinker under test and the kernel around it: the real kernel in a platform, the kit in its place in a
 * unit test. Operations throw {@link Refusal} with the status the JSON API would answer.
 */
public interface Subject extends AutoCloseable {

    /** Where the checks run, for the report. */
    String where();

    boolean inPlatform();

    Calls calls();

    /** Waits until the Interlinker serves; the reason it does not, in words that say what to fix, otherwise. */
    Optional<String> ready();

    /** Asks the Interlinker for its descriptor, timed. */
    InterlinkerDescriptor descriptor();

    /** The Interlinker's service object, for probes straight into it. */
    Interlinker service();

    /** The {@code major.minor.micro} of the bundle that registers it, when there is a bundle. */
    Optional<String> bundleVersion();

    /** A call straight into the Interlinker, timed and cut off like the kernel's. */
    <T> T direct(String operation, Callable<T> work);

    String create(Map<String, Object> params);

    String copy(String assetId);

    void delete(String assetId);

    /** Empty when the Interlinker has nothing to export (the API's 404). */
    Optional<Exported> export(String assetId);

    boolean exists(String assetId);

    /** Whether the bundle registers pages for the id; empty when the kit cannot tell (outside a platform). */
    Optional<Boolean> hasPages();

    /** A GET of a path under the server's root; empty outside a platform. */
    Optional<PageAnswer> get(String path);

    /** Whether an asset's store is empty; empty when the kit cannot see the store (in a platform). */
    Optional<Boolean> storeEmpty(String assetId);

    /** What restarting is here, for findings: "the bundle was stopped and started". */
    String restartDescription();

    void restart();

    /** What an update is here, for findings; empty when the same as a restart (outside a platform). */
    Optional<String> updateDescription();

    void update();

    @Override
    void close();

    /** An HTTP answer to a page request. */
    record PageAnswer(int status, String body) {
    }
}
