package eu.interlink.interlinker.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.text.Normalizer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import eu.interlink.api.AssetExport;
import eu.interlink.api.Blob;
import eu.interlink.api.DocumentStore;

/**
 * The space as one ZIP: the latest version of every file, by name, each entry dated by its upload, so that the
 * same files always give the same bytes. Each blob is streamed into the ZIP; nothing is held whole.
 */
final class ZipExport implements AssetExport {
    private final String title;
    private final DocumentStore store;
    private final List<FileSpace.StoredFile> files;

    ZipExport(String title, DocumentStore store, List<FileSpace.StoredFile> files) {
        this.title = title;
        this.store = store;
        this.files = files;
    }

    @Override
    public String fileName() {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return (slug.isEmpty() ? "files" : slug.substring(0, Math.min(80, slug.length()))) + ".zip";
    }

    @Override
    public String contentType() {
        return "application/zip";
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        for (FileSpace.StoredFile file : files) {
            FileSpace.Version latest = file.latest();
            Blob blob = store.getBlob(latest.blob()).orElseThrow(
                    () -> new IllegalStateException("Version " + latest.number() + " of '" + file.name() + "' has no content"));
            ZipEntry entry = new ZipEntry(file.name()); // names never hold '/' or '\', so no entry leaves the folder
            entry.setTime(millis(latest.uploadedAt()));
            zip.putNextEntry(entry);
            try (InputStream in = blob.open()) {
                in.transferTo(zip);
            }
            zip.closeEntry();
        }
        zip.finish(); // not close(): the kernel owns the response stream
    }

    private static long millis(String instant) {
        try {
            return Instant.parse(instant).toEpochMilli();
        } catch (DateTimeParseException | NullPointerException e) {
            return 0;
        }
    }
}
