package eu.interlink.web.internal;

import java.io.IOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import eu.interlink.coproduction.FieldException;
import eu.interlink.coproduction.Language;
import eu.interlink.kernel.service.Page;
import eu.interlink.notifications.Notification;
import eu.interlink.notifications.NotificationCategory;
import eu.interlink.notifications.NotificationChannel;
import eu.interlink.notifications.NotificationPreferences;
import eu.interlink.notifications.NotificationService;
import eu.interlink.notifications.NotificationState;
import eu.interlink.notifications.RenderedNotification;

/**
 * The caller's notifications: {@code GET /api/v1/me/notifications} (newest first, {@code ?state=}, paged),
 * {@code GET /me/notifications/unread-count}, {@code PATCH /me/notifications/{id}} (its state),
 * {@code POST /me/notifications/mark-all}, and {@code GET|PUT /me/notification-preferences}. Only ever the
 * signed-in caller's own (401 otherwise); someone else's notification is a 404, as one that does not exist.
 * The live stream is {@link NotificationStreamServlet}.
 */
@Component(service = Api.class)
@ApiRoute(name = "interlink-api-notifications", pattern = {"/api/v1/me/notifications", "/api/v1/me/notifications/*", "/api/v1/me/notification-preferences"})
public class NotificationsServlet extends Api {
    private static final long serialVersionUID = 1L;
    private static final String STATES = "unread, read, archived";

    @Reference
    private transient NotificationService notifications;

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = Callers.requireSignedIn(request).account().name();
        response.setHeader("Cache-Control", "no-store");
        String method = request.getMethod();
        if (request.getServletPath().endsWith("/notification-preferences")) {
            if (request.getPathInfo() != null && !request.getPathInfo().equals("/")) throw notFound(request);
            switch (method) {
                case "GET", "HEAD" -> json(response, 200, preferences(notifications.preferences(user)));
                case "PUT" -> json(response, 200, preferences(notifications.setPreferences(user, readPreferences(readObject(request), notifications.preferences(user)))));
                default -> throw methodNotAllowed(response, method, "GET", "PUT");
            }
            return;
        }
        String[] path = segments(request);
        if (path.length == 0) {
            requireGet(request, response);
            Language language = language(request, response);
            Optional<NotificationState> state = state(request);
            int offset = intParameter(request, "offset", 0, 0, 1_000_000);
            int limit = intParameter(request, "limit", 20, 1, 100);
            Page<Notification> page = notifications.list(user, state, offset, limit);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("items", page.items().stream().map(n -> view(notifications, n, language)).toList());
            out.put("total", page.total());
            out.put("offset", page.offset());
            out.put("limit", page.limit());
            out.put("unread", notifications.unreadCount(user));
            json(response, 200, out);
            return;
        }
        if (path.length != 1) throw notFound(request);
        switch (path[0]) {
            case "unread-count" -> {
                requireGet(request, response);
                json(response, 200, Map.of("unread", notifications.unreadCount(user)));
            }
            case "mark-all" -> {
                if (!"POST".equals(method)) throw methodNotAllowed(response, method, "POST");
                Map<String, Object> body = readObject(request);
                Bodies.onlyKnown(body, "", Set.of("state", "from"));
                NotificationState to = Bodies.choice(body, "state", "state", NotificationState::of, STATES);
                if (to == null) throw new FieldException("state", "'state' is required: one of " + STATES);
                Optional<NotificationState> from = Optional.ofNullable(Bodies.choice(body, "from", "from", NotificationState::of, STATES));
                int changed = notifications.setStateOfAll(user, from, to);
                json(response, 200, Map.of("changed", changed, "unread", notifications.unreadCount(user)));
            }
            default -> {
                if (!"PATCH".equals(method)) throw methodNotAllowed(response, method, "PATCH");
                Language language = language(request, response);
                Map<String, Object> body = readObject(request);
                Bodies.onlyKnown(body, "", Set.of("state"));
                NotificationState to = Bodies.choice(body, "state", "state", NotificationState::of, STATES);
                if (to == null) throw new FieldException("state", "'state' is required: one of " + STATES);
                json(response, 200, view(notifications, notifications.setState(user, path[0], to), language));
            }
        }
    }

    private static Optional<NotificationState> state(HttpServletRequest request) {
        String raw = request.getParameter("state");
        if (raw == null) return Optional.empty();
        return Optional.of(NotificationState.of(raw).orElseThrow(() -> Problem.badParameter("state",
                "Query parameter 'state' must be one of " + STATES + ", not '" + clip(raw) + "'")));
    }

    /** A notification as the API and the live stream show it: texts in the reader's language, and where it leads. */
    static Map<String, Object> view(NotificationService service, Notification n, Language language) {
        RenderedNotification r = service.render(n, language);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", n.id());
        m.put("type", n.type().code());
        m.put("category", n.type().category().label());
        m.put("state", n.state().label());
        m.put("title", r.title());
        m.put("link", r.link());
        m.put("actor", n.actor().orElse(null));
        m.put("process", n.processId().orElse(null));
        m.put("subject", Map.of("type", n.subjectType(), "id", n.subjectId()));
        m.put("parameters", n.parameters());
        m.put("createdAt", n.createdAt().toString());
        return m;
    }

    static Map<String, Object> preferences(NotificationPreferences p) {
        Map<String, Object> channels = new LinkedHashMap<>();
        for (NotificationCategory category : NotificationCategory.values()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (NotificationChannel channel : NotificationChannel.values()) row.put(channel.label(), p.enabled(category, channel));
            channels.put(category.label(), row);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("language", p.language());
        m.put("channels", channels);
        return m;
    }

    /** A whole or partial change: what the body leaves out stays as it is. */
    private static NotificationPreferences readPreferences(Map<String, Object> body, NotificationPreferences current) {
        Bodies.onlyKnown(body, "", Set.of("language", "channels"));
        String language = Bodies.string(body, "language", "language");
        if (language != null && (Language.of(language).isEmpty() || language.length() != 2)) {
            throw new FieldException("language", "'language' is one of " + String.join(", ", Language.codes()) + ", not '" + clip(language) + "'");
        }
        Map<NotificationCategory, Map<NotificationChannel, Boolean>> channels = new EnumMap<>(current.channels());
        if (body.get("channels") != null) {
            Map<String, Object> given = Bodies.object(body.get("channels"), "channels");
            for (Map.Entry<String, Object> e : given.entrySet()) {
                String at = "channels." + e.getKey();
                NotificationCategory category = NotificationCategory.of(e.getKey()).orElseThrow(() -> new FieldException(at,
                        "Unknown category '" + clip(e.getKey()) + "'; the categories are " + String.join(", ", List.of(NotificationCategory.values()).stream().map(NotificationCategory::label).toList())));
                Map<String, Object> row = Bodies.object(e.getValue(), at);
                Map<NotificationChannel, Boolean> merged = new EnumMap<>(channels.get(category));
                for (String name : row.keySet()) {
                    NotificationChannel channel = NotificationChannel.of(name).orElseThrow(() -> new FieldException(at + "." + name,
                            "Unknown channel '" + clip(name) + "'; the channels are inApp, email"));
                    Boolean on = Bodies.bool(row, name, at + "." + name);
                    if (on == null) throw new FieldException(at + "." + name, "'" + at + "." + name + "' is true or false");
                    merged.put(channel, on);
                }
                channels.put(category, merged);
            }
        }
        return new NotificationPreferences(language == null ? current.language() : language, channels);
    }
}
