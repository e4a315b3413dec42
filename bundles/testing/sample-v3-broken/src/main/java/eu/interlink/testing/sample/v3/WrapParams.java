package eu.interlink.testing.sample.v3;

import eu.interlink.api.AssetContext;
import eu.interlink.api.DataMigration;
import eu.interlink.api.Document;

/**
 * Data shape 1 to 2: the {@code data} document of version 0.1.0, the params as they were given, becomes
 * {@code {"shape":2,"params":…}} with those params inside, unchanged. Reversible: {@link #revert} gives back
 * the shape 1 document exactly. An asset without a {@code data} document is left as it is.
 */
final class WrapParams implements DataMigration {

    @Override
    public int fromVersion() {
        return 1;
    }

    @Override
    public void migrate(AssetContext context) {
        Document data = context.store().get(Shape2.KEY).orElse(null);
        if (data != null) {
            context.store().put(Shape2.KEY, Shape2.wrap(data.json()));
        }
    }

    @Override
    public boolean reversible() {
        return true;
    }

    @Override
    public void revert(AssetContext context) {
        Document data = context.store().get(Shape2.KEY).orElse(null);
        if (data != null) {
            context.store().put(Shape2.KEY, Shape2.params(data.json()));
        }
    }

    @Override
    public String toString() {
        return "sample data shape 1 -> 2 (wrap the params)";
    }
}
