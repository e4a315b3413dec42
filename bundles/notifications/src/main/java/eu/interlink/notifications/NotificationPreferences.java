package eu.interlink.notifications;

import java.util.EnumMap;
import java.util.Map;

/**
 * What a person wants to receive: per category and channel, on or off (on unless turned off), and the language
 * of their e-mails ({@code en}, {@code es}, {@code it} or {@code lv}).
 */
public record NotificationPreferences(String language, Map<NotificationCategory, Map<NotificationChannel, Boolean>> channels) {
    public NotificationPreferences {
        Map<NotificationCategory, Map<NotificationChannel, Boolean>> full = new EnumMap<>(NotificationCategory.class);
        for (NotificationCategory category : NotificationCategory.values()) {
            Map<NotificationChannel, Boolean> given = channels.getOrDefault(category, Map.of());
            Map<NotificationChannel, Boolean> row = new EnumMap<>(NotificationChannel.class);
            for (NotificationChannel channel : NotificationChannel.values()) row.put(channel, given.getOrDefault(channel, true));
            full.put(category, Map.copyOf(row));
        }
        channels = Map.copyOf(full);
    }

    public boolean enabled(NotificationCategory category, NotificationChannel channel) {
        return channels.get(category).get(channel);
    }
}
