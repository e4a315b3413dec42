/**
 * The platform's branding: its name, logo, colours, the languages it offers and its defaults, read from
 * {@code etc/eu.interlink.branding.cfg}. For the platform's front ends, and for the build of a platform, which
 * checks a platform descriptor with the same rules.
 */
@Version("1.0.0")
@Export
package eu.interlink.branding;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
