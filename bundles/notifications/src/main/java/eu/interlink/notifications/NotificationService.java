package eu.interlink.notifications;

import java.util.Optional;
import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;

import eu.interlink.coproduction.Language;
import eu.interlink.kernel.service.Page;

/**
 * A person's notifications and preferences. {@code user} is the signed-in account's name; callers make sure of
 * it. Someone else's notification is answered as one that does not exist: a
 * {@link eu.interlink.kernel.service.KernelException} with 404.
 */
@ProviderType
public interface NotificationService {
    /** Newest first; {@code state} empty: unread and read (archived ones only when asked for). */
    Page<Notification> list(String user, Optional<NotificationState> state, int offset, int limit);

    int unreadCount(String user);

    Notification setState(String user, String notificationId, NotificationState state);

    /** Moves every notification of {@code user} in {@code from} (empty: unread and read) to {@code to}; how many moved. */
    int setStateOfAll(String user, Optional<NotificationState> from, NotificationState to);

    NotificationPreferences preferences(String user);

    NotificationPreferences setPreferences(String user, NotificationPreferences preferences);

    /** The texts of a notification in {@code language}. */
    RenderedNotification render(Notification notification, Language language);

    /**
     * Calls {@code listener} with each new notification of {@code user} (on any node of the platform, when a
     * cluster transport is on) until the returned handle is closed. The listener must not block: it runs on the
     * thread that publishes.
     */
    AutoCloseable subscribe(String user, Consumer<Notification> listener);
}
