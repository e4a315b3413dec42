/**
 * The co-production domain for the platform's own front ends (the JSON API, the shell, the web application):
 * the catalogue of Interlinkers of every nature, problem profiles, schemas, processes with their
 * phase → objective → task tree, and the importer of the original platform's seed format.
 * Not for Interlinkers, which see only {@code eu.interlink.api}.
 */
@Version("1.3.0")
@Export
package eu.interlink.coproduction;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
