package eu.interlink.notifications.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import eu.interlink.contributions.ContributionEvents;
import eu.interlink.coproduction.CoproductionEvents;
import eu.interlink.coproduction.Language;
import eu.interlink.kernel.service.Events;
import eu.interlink.kernel.service.KernelException;
import eu.interlink.kernel.service.Page;
import eu.interlink.notifications.Notification;
import eu.interlink.notifications.NotificationCategory;
import eu.interlink.notifications.NotificationChannel;
import eu.interlink.notifications.NotificationPreferences;
import eu.interlink.notifications.NotificationService;
import eu.interlink.notifications.NotificationState;
import eu.interlink.notifications.NotificationType;
import eu.interlink.notifications.RenderedNotification;
import eu.interlink.store.Store;
import eu.interlink.teams.TeamEvents;
import eu.interlink.store.Sql;

/**
 * Turns the platform's events into notifications: decides who is concerned (never the one who acted), keeps
 * a notification per recipient who wants them in the app, and after that transaction commits pushes them to the
 * recipients' open pages and queues e-mails for those who want them by e-mail.
 *
 * <p>The events are posted after the change they report committed, and Event Admin delivers them on its own
 * thread, so none of this slows a request. Recipients are read from the tables directly (process administrators,
 * members of the teams holding a grant on the process, team members, account e-mails), as the permission checks
 * do, in one transaction with the inserts.
 */
@Component(service = {NotificationService.class, EventHandler.class}, property = {
    EventConstants.EVENT_TOPIC + "=" + Events.ASSET_CREATED,
    EventConstants.EVENT_TOPIC + "=" + Events.ASSET_DELETED,
    EventConstants.EVENT_TOPIC + "=" + CoproductionEvents.ITEM_CREATED,
    EventConstants.EVENT_TOPIC + "=" + CoproductionEvents.ITEM_DELETED,
    EventConstants.EVENT_TOPIC + "=" + CoproductionEvents.ADMINISTRATOR_ADDED,
    EventConstants.EVENT_TOPIC + "=" + CoproductionEvents.PERMISSION_GRANTED,
    EventConstants.EVENT_TOPIC + "=" + CoproductionEvents.PARTICIPATION_REQUESTED,
    EventConstants.EVENT_TOPIC + "=" + CoproductionEvents.PARTICIPATION_ACCEPTED,
    EventConstants.EVENT_TOPIC + "=" + CoproductionEvents.PARTICIPATION_DECLINED,
    EventConstants.EVENT_TOPIC + "=" + TeamEvents.MEMBER_ADDED,
    EventConstants.EVENT_TOPIC + "=" + ContributionEvents.CLAIMED,
    EventConstants.EVENT_TOPIC + "=" + ContributionEvents.APPROVED,
    EventConstants.EVENT_TOPIC + "=" + ContributionEvents.REJECTED,
})
public class NotificationComponent implements NotificationService, EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationComponent.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "id, user_name, type, state, actor, process_id, subject_type, subject_id, parameters, created_at";

    @Reference
    private Store store;

    @Reference
    private Mailer mailer;

    @Reference(target = "(dataSourceName=interlink)")
    private DataSource dataSource;

    private final Fanout fanout = new LocalFanout();
    /** Present when the store is PostgreSQL: then every node hears of every notification (issue #13). */
    private volatile ClusterTransport cluster;

    @Activate
    void activate() {
        if (isPostgres()) cluster = new PostgresTransport(dataSource, this::heard);
    }

    @Deactivate
    void deactivate() {
        ClusterTransport c = cluster;
        if (c != null) c.close();
        fanout.close();
    }

    private boolean isPostgres() {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            LOG.warn("Cannot tell which database the store is; live notifications stay on this node", e);
            return false;
        }
    }

    /** A notification announced by some node (this one too): pushed to this node's pages of its recipient. */
    private void heard(String notificationId) {
        store.inTransaction(c -> Sql.query(c, "SELECT " + COLUMNS + " FROM notification WHERE id = ?", NotificationComponent::row, notificationId))
                .forEach(fanout::publish);
    }

    // ------------------------------------------------------------------ events

    /** What one event means: its type, who it concerns, and the names its texts need. */
    private record Derived(NotificationType type, Set<String> recipients, Map<String, String> parameters) {
    }

    private record Mail(String to, String subject, String body) {
    }

    @Override
    public void handleEvent(Event event) {
        try {
            List<Mail> mails = new ArrayList<>();
            List<Notification> created = store.inTransaction(c -> {
                Derived d = derive(c, event);
                List<Notification> out = new ArrayList<>();
                if (d == null) return out;
                String actor = string(event, Events.ACTOR);
                d.recipients().remove(actor);
                d.recipients().remove(null);
                Optional<String> process = Optional.ofNullable(string(event, Events.PROCESS_ID));
                for (String user : d.recipients()) {
                    NotificationPreferences prefs = preferences(c, user);
                    Notification n = new Notification(UUID.randomUUID().toString(), user, d.type(), NotificationState.UNREAD,
                            Optional.ofNullable(actor), process, string(event, Events.SUBJECT_TYPE), string(event, Events.SUBJECT_ID),
                            d.parameters(), Instant.now());
                    if (prefs.enabled(d.type().category(), NotificationChannel.IN_APP)) {
                        Sql.update(c, "INSERT INTO notification (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", n.id(), user, n.type().code(),
                                n.state().label(), actor, process.orElse(null), n.subjectType(), clip(n.subjectId(), 200), json(n.parameters()), n.createdAt());
                        if (cluster != null) cluster.announce(c, n.id());
                        out.add(n);
                    }
                    if (prefs.enabled(d.type().category(), NotificationChannel.EMAIL) && mailer.config().enabled()) {
                        Optional<String> to = Sql.query(c, "SELECT email FROM account WHERE name = ?", rs -> rs.getString(1), user).stream().findFirst();
                        Language language = Language.of(prefs.language()).orElse(Language.FALLBACK);
                        Mailer.Config config = mailer.config();
                        String[] text = Texts.email(n, language, config.platformName(), config.baseUrl());
                        to.ifPresent(address -> mails.add(new Mail(address, text[0], text[1])));
                    }
                }
                return out;
            });
            // Committed: now the pages and the mail server may hear of it (through the cluster, when there is one).
            if (cluster == null) for (Notification n : created) fanout.publish(n);
            for (Mail m : mails) mailer.send(m.to(), m.subject(), m.body());
        } catch (RuntimeException e) {
            // The change happened; only its notifications are lost. Never fail Event Admin's thread.
            LOG.error("Could not make the notifications of event {}", event.getTopic(), e);
        }
    }

    private static Derived derive(Connection c, Event event) throws SQLException {
        String topic = event.getTopic();
        String process = string(event, Events.PROCESS_ID);
        String subject = string(event, Events.SUBJECT_ID);
        Map<String, String> params = new LinkedHashMap<>();
        if (process != null) params.put("process", processName(c, process));
        switch (topic) {
            case Events.ASSET_CREATED, Events.ASSET_DELETED -> {
                if (process == null) return null; // an asset outside any process concerns nobody else
                params.put("asset", nonNull(string(event, "name")));
                return new Derived(topic.equals(Events.ASSET_CREATED) ? NotificationType.ASSET_ADDED : NotificationType.ASSET_REMOVED,
                        participants(c, process), params);
            }
            case CoproductionEvents.ITEM_CREATED, CoproductionEvents.ITEM_DELETED -> {
                if (process == null) return null;
                params.put("item", nonNull(string(event, "name")));
                return new Derived(topic.equals(CoproductionEvents.ITEM_CREATED) ? NotificationType.ITEM_ADDED : NotificationType.ITEM_REMOVED,
                        participants(c, process), params);
            }
            case CoproductionEvents.ADMINISTRATOR_ADDED -> {
                return new Derived(NotificationType.PROCESS_ADMINISTRATOR_ADDED, set(string(event, "administrator")), params);
            }
            case CoproductionEvents.PERMISSION_GRANTED -> {
                String team = string(event, "team");
                params.put("team", teamName(c, team));
                Set<String> recipients = administrators(c, process);
                recipients.addAll(Sql.query(c, "SELECT user_name FROM team_member WHERE team_id = ?", rs -> rs.getString(1), team));
                return new Derived(NotificationType.PROCESS_TEAM_ADDED, recipients, params);
            }
            case CoproductionEvents.PARTICIPATION_REQUESTED -> {
                params.put("applicant", nonNull(string(event, "applicant")));
                return new Derived(NotificationType.PARTICIPATION_REQUESTED, administrators(c, process), params);
            }
            case CoproductionEvents.PARTICIPATION_ACCEPTED, CoproductionEvents.PARTICIPATION_DECLINED -> {
                String team = string(event, "team");
                if (team != null) params.put("team", teamName(c, team));
                return new Derived(topic.equals(CoproductionEvents.PARTICIPATION_ACCEPTED) ? NotificationType.PARTICIPATION_ACCEPTED
                        : NotificationType.PARTICIPATION_DECLINED, set(string(event, "applicant")), params);
            }
            case ContributionEvents.CLAIMED, ContributionEvents.APPROVED, ContributionEvents.REJECTED -> {
                params.put("claimant", nonNull(string(event, "claimant")));
                params.put("points", nonNull(string(event, "points")));
                Set<String> recipients = new LinkedHashSet<>();
                if (event.getProperty(ContributionEvents.USERS) instanceof java.util.Collection<?> users) {
                    for (Object u : users) recipients.add(String.valueOf(u));
                }
                return new Derived(switch (topic) {
                    case ContributionEvents.CLAIMED -> NotificationType.CONTRIBUTION_CLAIMED;
                    case ContributionEvents.APPROVED -> NotificationType.CONTRIBUTION_APPROVED;
                    default -> NotificationType.CONTRIBUTION_REJECTED;
                }, recipients, params);
            }
            case TeamEvents.MEMBER_ADDED -> {
                params.put("team", teamName(c, subject));
                return new Derived(NotificationType.TEAM_MEMBER_ADDED, set(string(event, "member")), params);
            }
            default -> {
                return null;
            }
        }
    }

    /** Who takes part in a process: its administrators and the members of every team holding a grant in it. */
    private static Set<String> participants(Connection c, String process) throws SQLException {
        Set<String> out = administrators(c, process);
        out.addAll(Sql.query(c, "SELECT DISTINCT m.user_name FROM process_permission p JOIN team_member m ON m.team_id = p.team_id WHERE p.process_id = ?",
                rs -> rs.getString(1), process));
        return out;
    }

    private static Set<String> administrators(Connection c, String process) throws SQLException {
        if (process == null) return new LinkedHashSet<>();
        return new LinkedHashSet<>(Sql.query(c, "SELECT user_name FROM process_administrator WHERE process_id = ? ORDER BY user_name", rs -> rs.getString(1), process));
    }

    private static String processName(Connection c, String process) throws SQLException {
        return Sql.query(c, "SELECT name FROM coproduction_process WHERE id = ?", rs -> rs.getString(1), process).stream().findFirst().orElse("");
    }

    private static String teamName(Connection c, String team) throws SQLException {
        if (team == null) return "";
        return Sql.query(c, "SELECT name FROM team WHERE id = ?", rs -> rs.getString(1), team).stream().findFirst().orElse("");
    }

    private static Set<String> set(String one) {
        Set<String> s = new LinkedHashSet<>();
        if (one != null) s.add(one);
        return s;
    }

    private static String string(Event e, String name) {
        Object v = e.getProperty(name);
        return v == null ? null : v.toString();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    // ------------------------------------------------------------------ the service

    @Override
    public Page<Notification> list(String user, Optional<NotificationState> state, int offset, int limit) {
        String where = state.map(s -> "state = '" + s.label() + "'").orElse("state <> 'archived'");
        return store.inTransaction(c -> {
            int total = Sql.count(c, "SELECT COUNT(*) FROM notification WHERE user_name = ? AND " + where, user);
            List<Notification> items = Sql.query(c, "SELECT " + COLUMNS + " FROM notification WHERE user_name = ? AND " + where
                    + " ORDER BY seq DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", NotificationComponent::row, user, offset, limit);
            return new Page<>(items, total, offset, limit);
        });
    }

    @Override
    public int unreadCount(String user) {
        return store.inTransaction(c -> Sql.count(c, "SELECT COUNT(*) FROM notification WHERE user_name = ? AND state = 'unread'", user));
    }

    @Override
    public Notification setState(String user, String notificationId, NotificationState state) {
        return store.inTransaction(c -> {
            int changed = Sql.update(c, "UPDATE notification SET state = ? WHERE id = ? AND user_name = ?", state.label(), notificationId, user);
            if (changed == 0) throw KernelException.notFound("Notification", clip(notificationId, 80));
            return Sql.query(c, "SELECT " + COLUMNS + " FROM notification WHERE id = ?", NotificationComponent::row, notificationId).get(0);
        });
    }

    @Override
    public int setStateOfAll(String user, Optional<NotificationState> from, NotificationState to) {
        String where = from.map(s -> "state = '" + s.label() + "'").orElse("state <> 'archived'");
        return store.inTransaction(c -> Sql.update(c, "UPDATE notification SET state = ? WHERE user_name = ? AND " + where, to.label(), user));
    }

    @Override
    public NotificationPreferences preferences(String user) {
        return store.inTransaction(c -> preferences(c, user));
    }

    private static NotificationPreferences preferences(Connection c, String user) throws SQLException {
        Map<NotificationCategory, Map<NotificationChannel, Boolean>> channels = new EnumMap<>(NotificationCategory.class);
        for (Object[] row : Sql.query(c, "SELECT category, channel, enabled FROM notification_preference WHERE user_name = ?",
                rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getBoolean(3)}, user)) {
            Optional<NotificationCategory> category = NotificationCategory.of((String) row[0]);
            Optional<NotificationChannel> channel = NotificationChannel.of((String) row[1]);
            if (category.isPresent() && channel.isPresent()) {
                channels.computeIfAbsent(category.get(), k -> new EnumMap<>(NotificationChannel.class)).put(channel.get(), (Boolean) row[2]);
            }
        }
        String language = Sql.query(c, "SELECT language FROM notification_profile WHERE user_name = ?", rs -> rs.getString(1), user).stream()
                .findFirst().orElse(Language.FALLBACK.code());
        return new NotificationPreferences(language, channels);
    }

    @Override
    public NotificationPreferences setPreferences(String user, NotificationPreferences preferences) {
        Language language = Language.of(preferences.language())
                .orElseThrow(() -> new KernelException(400, "invalid-body", "Invalid body", "language must be one of " + String.join(", ", Language.codes())));
        return store.inTransaction(c -> {
            Sql.update(c, "DELETE FROM notification_preference WHERE user_name = ?", user);
            for (Map.Entry<NotificationCategory, Map<NotificationChannel, Boolean>> e : preferences.channels().entrySet()) {
                for (Map.Entry<NotificationChannel, Boolean> ch : e.getValue().entrySet()) {
                    // Only what differs from the default (on) is kept.
                    if (!ch.getValue()) {
                        Sql.update(c, "INSERT INTO notification_preference (user_name, category, channel, enabled) VALUES (?, ?, ?, ?)",
                                user, e.getKey().label(), ch.getKey().label(), false);
                    }
                }
            }
            Sql.update(c, "DELETE FROM notification_profile WHERE user_name = ?", user);
            Sql.update(c, "INSERT INTO notification_profile (user_name, language) VALUES (?, ?)", user, language.code());
            return preferences(c, user);
        });
    }

    @Override
    public RenderedNotification render(Notification notification, Language language) {
        return Texts.render(notification, language);
    }

    @Override
    public AutoCloseable subscribe(String user, Consumer<Notification> listener) {
        return fanout.subscribe(user, listener);
    }

    private static Notification row(ResultSet rs) throws SQLException {
        Map<String, String> parameters;
        try {
            parameters = JSON.readValue(rs.getString(9), new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            parameters = Map.of();
        }
        String type = rs.getString(3);
        return new Notification(rs.getString(1), rs.getString(2),
                NotificationType.of(type).orElseThrow(() -> new IllegalStateException("Unknown notification type " + type)),
                NotificationState.of(rs.getString(4)).orElse(NotificationState.UNREAD), Optional.ofNullable(rs.getString(5)),
                Optional.ofNullable(rs.getString(6)), rs.getString(7), rs.getString(8), parameters, Sql.instant(rs, 10));
    }

    private static String json(Map<String, String> parameters) {
        try {
            return JSON.writeValueAsString(parameters);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
