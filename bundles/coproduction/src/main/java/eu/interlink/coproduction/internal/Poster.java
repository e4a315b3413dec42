package eu.interlink.coproduction.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import eu.interlink.kernel.service.Events;

/** Posts one co-production event in the kernel's shape, so the activity log files it by subject and process. */
final class Poster {
    private Poster() {
    }

    static void post(EventAdmin events, String topic, String subjectType, String subjectId, String actor, String processId,
            Map<String, Object> details) {
        if (events == null) return;
        Map<String, Object> props = new LinkedHashMap<>(details);
        props.put(Events.SUBJECT_TYPE, subjectType);
        props.put(Events.SUBJECT_ID, subjectId);
        if (actor != null) props.put(Events.ACTOR, actor);
        if (processId != null) props.put(Events.PROCESS_ID, processId);
        events.postEvent(new Event(topic, props));
    }
}
