package eu.interlink.branding;

import org.osgi.annotation.versioning.ProviderType;

/** The branding in effect now: the last valid {@code eu.interlink.branding} configuration. */
@ProviderType
public interface BrandingService {
    String PID = "eu.interlink.branding";

    Branding current();
}
