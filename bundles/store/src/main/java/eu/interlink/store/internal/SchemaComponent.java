package eu.interlink.store.internal;

import javax.sql.DataSource;

import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Migrates the schema as soon as the DataSource is there, then enables the store ({@link StoreComponent} is
 * disabled until then), so no component ever sees an old schema. The migration runs on a thread of its own: at a
 * first start it takes about a second of a cold JVM, during which Karaf goes on starting the bundles that do not
 * need the database (the console, Jetty, the web whiteboard) instead of waiting for it.
 */
@Component(immediate = true)
public class SchemaComponent {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaComponent.class);
    private static final String STORE = StoreComponent.class.getName();

    @Reference(target = "(dataSourceName=interlink)")
    private DataSource dataSource;

    private ComponentContext context;
    private boolean closed;

    @Activate
    void activate(ComponentContext context) {
        this.context = context;
        Thread migration = new Thread(this::migrateThenEnableStore, "interlink-schema");
        migration.setDaemon(true);
        migration.start();
    }

    private void migrateThenEnableStore() {
        try {
            Schema.migrate(dataSource);
        } catch (RuntimeException e) {
            synchronized (this) {
                // Stopped meanwhile (a shutdown, or the DataSource went away): the pool was closed under the migration.
                if (closed) LOG.info("Schema migration stopped: the store is stopping ({})", e.getMessage());
                else LOG.error("The store stays off: {}", e.getMessage(), e);
            }
            return;
        }
        synchronized (this) {
            if (!closed) context.enableComponent(STORE);
        }
    }

    /** The DataSource went away (or the bundle stops): the store goes with it, until the schema is checked again. */
    @Deactivate
    synchronized void deactivate() {
        closed = true;
        context.disableComponent(STORE);
    }
}
