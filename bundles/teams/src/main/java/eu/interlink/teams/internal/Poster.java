package eu.interlink.teams.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import eu.interlink.kernel.service.Events;

/** Posts one event in the kernel's shape, so the activity log files it by subject. */
final class Poster {
    private Poster() {
    }

    static void post(EventAdmin events, String topic, String subjectType, String subjectId, String actor, Map<String, Object> details) {
        if (events == null) return;
        Map<String, Object> props = new LinkedHashMap<>(details);
        props.put(Events.SUBJECT_TYPE, subjectType);
        props.put(Events.SUBJECT_ID, subjectId);
        if (actor != null) props.put(Events.ACTOR, actor);
        events.postEvent(new Event(topic, props));
    }
}
