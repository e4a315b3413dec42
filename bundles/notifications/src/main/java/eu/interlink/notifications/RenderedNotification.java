package eu.interlink.notifications;

/**
 * A notification's texts in one language: a one-line {@code title}, a longer {@code body} (as e-mails say it),
 * and the {@code link} of what it is about, a path of the web application such as {@code /app/processes/p1}.
 */
public record RenderedNotification(String language, String title, String body, String link) {
}
