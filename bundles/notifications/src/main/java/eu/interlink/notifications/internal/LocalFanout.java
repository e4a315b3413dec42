package eu.interlink.notifications.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import eu.interlink.notifications.Notification;

/** The fan-out within one node: listeners by recipient, called on the publishing thread. */
final class LocalFanout implements Fanout {
    private static final Logger LOG = LoggerFactory.getLogger(LocalFanout.class);
    private final Map<String, List<Consumer<Notification>>> listeners = new ConcurrentHashMap<>();

    @Override
    public void publish(Notification notification) {
        for (Consumer<Notification> l : listeners.getOrDefault(notification.recipient(), List.of())) {
            try {
                l.accept(notification);
            } catch (RuntimeException e) {
                // One broken listener (a page that went away) must not keep the others from theirs.
                LOG.debug("A listener of {} failed", notification.recipient(), e);
            }
        }
    }

    @Override
    public AutoCloseable subscribe(String user, Consumer<Notification> listener) {
        listeners.compute(user, (u, list) -> {
            List<Consumer<Notification>> l = list == null ? new CopyOnWriteArrayList<>() : list;
            l.add(listener);
            return l;
        });
        return () -> listeners.computeIfPresent(user, (u, list) -> {
            list.remove(listener);
            return list.isEmpty() ? null : list;
        });
    }

    @Override
    public void close() {
        listeners.clear();
    }

    int listenerCount() {
        return listeners.values().stream().mapToInt(List::size).sum();
    }
}
