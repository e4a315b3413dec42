package eu.interlink.api;

import java.io.IOException;
import java.io.OutputStream;

import org.osgi.annotation.versioning.ConsumerType;

/** A file made from an asset, written straight to the response so that large exports are streamed. */
@ConsumerType
public interface AssetExport {

    /** The file's name, such as {@code results.csv}. */
    String fileName();

    /** Its media type, such as {@code text/csv}. */
    String contentType();

    /** Writes the file; do not close {@code out}. */
    void writeTo(OutputStream out) throws IOException;
}
