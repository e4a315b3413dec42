package eu.interlink.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One step of data shape: turns an asset's data from {@link #fromVersion()} to {@code fromVersion() + 1}. The
 * kernel calls it for every asset of the Interlinker, all in one transaction; an exception rolls everything back
 * and the older version stays in service.
 */
@ConsumerType
public interface DataMigration {

    int fromVersion();

    /** Rewrites the data of {@code context.asset()} in {@code context.store()}. */
    void migrate(AssetContext context);
}
