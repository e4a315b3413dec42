package eu.interlink.knowledge;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The knowledge extender, for operators: the packs it has read or refused, and installing or removing a pack on
 * the running platform (the admin API calls these; a jar dropped into {@code deploy/} is read the same way).
 *
 * <p>Failures are {@link eu.interlink.kernel.service.KernelException}s: 400 for a file that is not a knowledge
 * pack, 404 for an unknown pack, 422 when the pack was refused (the reason says what to fix), 504 when it was not
 * read in time.
 */
@ProviderType
public interface KnowledgePacks {

    /** The manifest header that makes a bundle a knowledge pack; its value is the folder of the pack's Interlinkers. */
    String HEADER = "Interlink-Knowledge";

    /** Every active pack bundle, published, refused or being read, by symbolic name. */
    List<KnowledgePack> packs();

    Optional<KnowledgePack> pack(String symbolicName);

    /**
     * Installs and starts a pack from the bytes of its jar, or updates the installed pack of the same symbolic name
     * (an updated pack replaces its entries), and returns once the extender has read it.
     *
     * @param location where the jar came from (a file path or URL), or {@code null} for an upload
     */
    KnowledgePack install(InputStream jar, String location, String actor);

    /** Uninstalls the pack's bundle: its entries leave the catalogue; knowledge assets copied from them stay. */
    void remove(String symbolicName, String actor);
}
