package eu.interlink.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One step of data shape: turns an asset's data from {@link #fromVersion()} to {@code fromVersion() + 1}. The
 * kernel calls it for every asset of the Interlinker, all in one transaction, before the new version serves;
 * an exception rolls everything back and the older version stays in service.
 *
 * <p>A step that can be undone says so with {@link #reversible()}: a rollback to the older version then runs
 * {@link #revert} on every asset and keeps every write made since the upgrade. The kernel refuses to roll back
 * over a step that cannot be undone (docs/operator-guide.md, "Roll back").
 */
@ConsumerType
public interface DataMigration {

    int fromVersion();

    /** Rewrites the data of {@code context.asset()} in {@code context.store()} to the next shape. */
    void migrate(AssetContext context);

    /** Whether {@link #revert} undoes {@link #migrate}. */
    default boolean reversible() {
        return false;
    }

    /** Rewrites data of shape {@code fromVersion() + 1} back to {@code fromVersion()}; called only when reversible. */
    default void revert(AssetContext context) {
        throw new UnsupportedOperationException("This data migration cannot be reverted");
    }
}
