/**
 * The kernel's services for the platform's own front ends (the JSON API, the shell, the web application).
 * Not for Interlinkers, which see only {@code eu.interlink.api}.
 */
@Version("1.1.0")
@Export
package eu.interlink.kernel.service;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
