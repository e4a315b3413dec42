/**
 * The kernel's persistence: transactions over the platform's one {@code DataSource} and the
 * {@link eu.interlink.api.DocumentStore} of each asset. For the kernel's bundles only: Interlinkers get their
 * store through {@link eu.interlink.api.AssetContext}, never from here.
 */
@Version("1.1.0")
@Export
package eu.interlink.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
