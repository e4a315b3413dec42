package eu.interlink.notifications.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster transport over PostgreSQL: {@code NOTIFY} with the notification's id in the storing transaction
 * (PostgreSQL delivers it at the commit), and on every node one connection of its own that {@code LISTEN}s and
 * hands each id it hears to the node's fan-out. A lost connection is opened again after a second; what was
 * announced meanwhile is not pushed live (it is in the list all the same).
 */
final class PostgresTransport implements ClusterTransport {
    static final String CHANNEL = "interlink_notification";
    private static final Logger LOG = LoggerFactory.getLogger(PostgresTransport.class);

    private final DataSource dataSource;
    private final Consumer<String> heard;
    private final Thread listener;
    private volatile boolean running = true;

    PostgresTransport(DataSource dataSource, Consumer<String> heard) {
        this.dataSource = dataSource;
        this.heard = heard;
        this.listener = new Thread(this::listen, "interlink-notification-listener");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public void announce(Connection connection, String notificationId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            ps.setString(1, CHANNEL);
            ps.setString(2, notificationId);
            ps.execute();
        }
    }

    private void listen() {
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    // Returns at the first notification or after a second, so that stopping is prompt.
                    PGNotification[] got = pg.getNotifications(1000);
                    if (got == null) continue;
                    for (PGNotification n : got) {
                        try {
                            heard.accept(n.getParameter());
                        } catch (RuntimeException e) {
                            LOG.warn("Could not push notification {} heard from the cluster", n.getParameter(), e);
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) return;
                LOG.warn("Listening for the cluster's notifications failed ({}); trying again in a second", e.toString());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        listener.interrupt();
        try {
            listener.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
