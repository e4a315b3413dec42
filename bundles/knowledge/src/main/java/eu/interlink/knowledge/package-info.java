/**
 * Knowledge packs for the platform's own front ends (the JSON API, the shell): which packs the knowledge extender
 * read or refused, and the operator's install and removal of packs. Not for Interlinkers; a pack itself has no
 * code and imports nothing.
 */
@Version("1.0.0")
@Export
package eu.interlink.knowledge;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
