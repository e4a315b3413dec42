package eu.interlink.notifications.internal;

import java.util.function.Consumer;

import eu.interlink.notifications.Notification;

/**
 * Delivers new notifications to the listeners of their recipients. The local one reaches this node's open pages;
 * a cluster transport (PostgreSQL {@code LISTEN/NOTIFY}, say) would publish to every node, each of which hands
 * what it receives to its local fan-out. Publishing never blocks on a listener.
 */
interface Fanout {
    /** Called after the notification's transaction committed. */
    void publish(Notification notification);

    AutoCloseable subscribe(String user, Consumer<Notification> listener);

    /** Drops every listener (the bundle stops). */
    void close();
}
