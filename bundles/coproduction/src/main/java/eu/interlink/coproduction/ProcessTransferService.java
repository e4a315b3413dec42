package eu.interlink.coproduction;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Copies of whole processes: a clone on this platform, and an export to a zip that {@link #importProcess} turns
 * into a new process here or on another platform. {@code user} is who asks. Clone and export need an
 * administrator of the process (401 anonymous, 404 when the caller may not read it, 403 otherwise); import needs
 * a signed-in account. The caller becomes the only administrator of what is made. Failures are
 * {@link eu.interlink.kernel.service.KernelException}s: a zip that cannot be read is a 400, one over the limits
 * a 413, and nothing is kept of a refused import.
 */
@ProviderType
public interface ProcessTransferService {

    /** The largest zip {@link #importProcess} reads, in bytes (413 past it). */
    long MAX_ZIP_BYTES = 512L * 1024 * 1024;

    /**
     * Copies the process, its tree, its team grants and every task asset with its data (through each asset's
     * Interlinker, {@code Capability.CLONE}), in one transaction. Assets that cannot be copied (no clone
     * capability, Interlinker absent or failing) are left out and listed in the report; the rest is copied.
     *
     * @param name     the copy's name; the original's when empty
     * @param language the copy's language; the original's when empty
     */
    TransferReport cloneProcess(String processId, Optional<String> name, Optional<Language> language, String user);

    /** Where an export is written: asked for the stream once the caller's right has been checked. */
    @FunctionalInterface
    interface ExportTarget {
        OutputStream open(String fileName) throws IOException;
    }

    /**
     * Writes the process as a zip (format in {@code docs/architecture.md}): a manifest with the metadata, the tree,
     * the task assets and the grants, each asset's raw documents and blobs, and the Interlinker's own export file
     * where it has one. Streamed: blobs are never held whole in memory.
     */
    void export(String processId, String user, ExportTarget target) throws IOException;

    /**
     * Makes a new process from a zip written by {@link #export}: tree, grants to the teams found here, assets with
     * their data. Reports what was not carried over. All or nothing.
     */
    TransferReport importProcess(InputStream zip, String user) throws IOException;
}
