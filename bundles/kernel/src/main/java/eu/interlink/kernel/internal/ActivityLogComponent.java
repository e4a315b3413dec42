package eu.interlink.kernel.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import eu.interlink.kernel.service.ActivityEntry;
import eu.interlink.kernel.service.ActivityLog;
import eu.interlink.kernel.service.Events;
import eu.interlink.kernel.service.Page;
import eu.interlink.store.Store;

/**
 * Writes every event posted under {@code eu/interlink/} to the activity log table, and reads it back. Event
 * Admin delivers posted events in order on its own thread, so writing never slows the poster down.
 */
@Component(service = {ActivityLog.class, EventHandler.class},
        property = EventConstants.EVENT_TOPIC + "=" + Events.TOPIC_PREFIX + "*")
public class ActivityLogComponent implements ActivityLog, EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ActivityLogComponent.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Properties that have their own column, or that Event Admin adds. */
    private static final Set<String> COLUMNS = Set.of(Events.SUBJECT_TYPE, Events.SUBJECT_ID, Events.ACTOR, Events.PROCESS_ID,
            EventConstants.EVENT_TOPIC, EventConstants.TIMESTAMP);

    @Reference
    private Store store;

    @Override
    public void handleEvent(Event event) {
        Object subjectType = event.getProperty(Events.SUBJECT_TYPE);
        Object subjectId = event.getProperty(Events.SUBJECT_ID);
        if (subjectType == null || subjectId == null) {
            LOG.warn("Event {} has no {} or {}: not logged", event.getTopic(), Events.SUBJECT_TYPE, Events.SUBJECT_ID);
            return;
        }
        Map<String, Object> details = new TreeMap<>();
        for (String name : event.getPropertyNames()) {
            if (!COLUMNS.contains(name)) details.put(name, String.valueOf(event.getProperty(name)));
        }
        try {
            String json = JSON.writeValueAsString(details);
            store.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO activity_log (occurred_at, topic, actor, subject_type, subject_id, process_id, details)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setTimestamp(1, Timestamp.from(Instant.now()));
                    ps.setString(2, event.getTopic());
                    ps.setString(3, (String) event.getProperty(Events.ACTOR));
                    ps.setString(4, subjectType.toString());
                    ps.setString(5, truncate(subjectId.toString(), 200));
                    ps.setString(6, (String) event.getProperty(Events.PROCESS_ID));
                    ps.setString(7, json);
                    ps.executeUpdate();
                }
                return null;
            });
        } catch (JsonProcessingException | RuntimeException e) {
            // The event happened; only its record is lost. Say so loudly, but never fail the poster.
            LOG.error("Could not write event {} about {} {} to the activity log", event.getTopic(), subjectType, subjectId, e);
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    @Override
    public Page<ActivityEntry> read(Optional<String> subjectType, Optional<String> subjectId, Optional<String> processId, int offset, int limit) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        subjectType.ifPresent(v -> { where.append(" AND subject_type = ?"); params.add(v); });
        subjectId.ifPresent(v -> { where.append(" AND subject_id = ?"); params.add(v); });
        processId.ifPresent(v -> { where.append(" AND process_id = ?"); params.add(v); });
        return store.inTransaction(c -> {
            int total;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM activity_log" + where)) {
                for (int i = 0; i < params.size(); i++) ps.setObject(i + 1, params.get(i));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getInt(1);
                }
            }
            List<ActivityEntry> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, occurred_at, topic, actor, subject_type, subject_id, process_id, details FROM activity_log"
                    + where + " ORDER BY id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
                int i = 0;
                for (; i < params.size(); i++) ps.setObject(i + 1, params.get(i));
                ps.setInt(++i, offset);
                ps.setInt(++i, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(new ActivityEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                                Optional.ofNullable(rs.getString(4)), rs.getString(5), rs.getString(6), Optional.ofNullable(rs.getString(7)),
                                parse(rs.getString(8))));
                    }
                }
            }
            return new Page<>(items, total, offset, limit);
        });
    }

    private static Map<String, Object> parse(String json) {
        if (json == null) return Map.of();
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            return Map.of("unreadable", json);
        }
    }
}
