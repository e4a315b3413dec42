package eu.interlink.kernel.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.security.Principal;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Assets through the Interlinkers that make them. Each operation checks that the Interlinker declares the
 * capability it needs and calls it through the kernel's guard. Failures are {@link KernelException}s: 404 for
 * an unknown asset or Interlinker, 409 for an undeclared capability, 503 while the Interlinker is absent.
 */
@ProviderType
public interface AssetService {

    AssetRecord create(String interlinkerId, Map<String, Object> params, Locale locale, Principal user);

    /** Where an asset belongs: a task of a co-production process (the kernel does not check either exists). */
    record Placement(String processId, String taskId) {
    }

    /** Creates an internal asset for a task: the Interlinker's context names the process and the task. */
    AssetRecord create(String interlinkerId, Map<String, Object> params, Placement placement, Locale locale, Principal user);

    /**
     * Creates a knowledge asset: the kernel keeps {@code content} (a knowledge Interlinker's resource in
     * {@code language}) as the asset's data, downloadable and copyable without any bundle.
     */
    AssetRecord createKnowledge(String interlinkerId, String name, String language, String fileName, String contentType,
            InputStream content, Placement placement, Principal user);

    /** Creates an external asset: a named link, optionally from an external Interlinker of the catalogue. */
    AssetRecord createExternal(String name, URI uri, Optional<String> interlinkerId, Placement placement, Principal user);

    /** The assets of one task, oldest first. */
    Page<AssetRecord> listForTask(String taskId, int offset, int limit);

    /**
     * Removes the assets of these tasks with their data, in the caller's transaction if one is open, without
     * calling their Interlinkers (all their data is the kernel's): for tasks, or a whole tree, that are deleted.
     *
     * @return how many assets were removed
     */
    int deleteForTasks(Collection<String> taskIds, Principal user);

    Optional<AssetRecord> get(String assetId);

    /** Assets outside any process, newest first (a process's assets are listed per task, for those who may read it). */
    Page<AssetRecord> list(Optional<String> interlinkerId, int offset, int limit);

    AssetRecord copy(String assetId, Locale locale, Principal user);

    void delete(String assetId, Locale locale, Principal user);

    /** Where an export is written: told the file's name and type first, it gives the stream to write to. */
    @FunctionalInterface
    interface ExportSink {
        OutputStream open(String fileName, String contentType) throws IOException;
    }

    /** Writes the asset's export to {@code sink}; 404 when the Interlinker has nothing to export yet. */
    void export(String assetId, Locale locale, Principal user, ExportSink sink) throws IOException;
}
