package eu.interlink.kernel.service;

import java.io.IOException;
import java.io.OutputStream;
import java.security.Principal;
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

    Optional<AssetRecord> get(String assetId);

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
