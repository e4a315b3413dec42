package eu.interlink.testing.sample.v3;

import eu.interlink.api.AssetContext;
import eu.interlink.api.DataMigration;

/**
 * Data shape 2 to 3 that fails on every asset, on purpose, after writing to it: the kernel must roll back this
 * write and that of the step 1 to 2 before it, and keep the older version in service.
 */
final class BrokenMigration implements DataMigration {

    @Override
    public int fromVersion() {
        return 2;
    }

    @Override
    public void migrate(AssetContext context) {
        // Written first, so that a kernel that does not roll back leaves a visible trace.
        context.store().put("broken-migration", "{\"from\":2,\"to\":3}");
        throw new IllegalStateException("deliberately broken migration 2->3");
    }

    @Override
    public String toString() {
        return "sample data shape 2 -> 3 (deliberately broken)";
    }
}
