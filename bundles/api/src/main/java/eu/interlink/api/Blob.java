package eu.interlink.api;

import java.io.IOException;
import java.io.InputStream;

import org.osgi.annotation.versioning.ProviderType;

/** A binary file kept in a {@link DocumentStore}; its bytes are streamed, never held whole in memory. */
@ProviderType
public interface Blob {

    String key();

    String contentType();

    long size();

    /** The bytes; the caller closes the stream, within the call that read the blob. */
    InputStream open() throws IOException;
}
