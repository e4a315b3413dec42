package eu.interlink.notifications.internal;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Carries new notifications to every node of a platform, so that each node pushes them to its own open pages.
 * Without one, a node pushes what it made to its own pages only ({@link LocalFanout}).
 */
interface ClusterTransport {
    /**
     * Announces a notification from inside the transaction that stores it: delivered to every node (this one
     * included) once that transaction commits, never if it rolls back.
     */
    void announce(Connection connection, String notificationId) throws SQLException;

    /** Stops listening. */
    void close();
}
