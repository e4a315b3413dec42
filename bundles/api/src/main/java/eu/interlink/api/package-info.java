/**
 * The Interlinker SPI: what an Interlinker bundle implements ({@link eu.interlink.api.Interlinker}) and
 * what the kernel hands it ({@link eu.interlink.api.AssetContext}, {@link eu.interlink.api.DocumentStore},
 * {@link eu.interlink.api.AssetAccess}).
 *
 * <p>The package is semantically versioned and checked by bnd's baseline on every build: Interlinkers import it
 * with the range {@code [1.x,2)} and keep working across every minor release of the platform.
 */
@Version("1.0.0")
@Export
package eu.interlink.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
