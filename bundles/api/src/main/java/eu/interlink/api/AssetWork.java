package eu.interlink.api;

import org.osgi.annotation.versioning.ConsumerType;

/** Work on one asset's data, in one transaction: see {@link AssetAccess#withAsset}. */
@ConsumerType
@FunctionalInterface
public interface AssetWork<T> {
    T apply(AssetContext context) throws Exception;
}
