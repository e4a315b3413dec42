package eu.interlink.contributions;

import org.osgi.annotation.versioning.ProviderType;

/** Prints a {@link Certificate} in a language of the platform ({@code en}, {@code es}, {@code it} or {@code lv}). */
@ProviderType
public interface CertificateRenderer {

    /** A complete HTML page with print styles, UTF-8: the browser's "print to PDF" makes the document. */
    String html(Certificate certificate, String language);
}
