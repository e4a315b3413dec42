package eu.interlink.identity.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import eu.interlink.kernel.service.Events;
import eu.interlink.store.Store;

/**
 * Files changes of who may do what into the security audit log: grants on processes, process administrators,
 * accepted participation, and team membership. They arrive as the events their bundles post after committing,
 * so this bundle needs to know nothing else about processes or teams.
 */
@Component(property = {
    EventConstants.EVENT_TOPIC + "=eu/interlink/process/PERMISSION_*",
    EventConstants.EVENT_TOPIC + "=eu/interlink/process/ADMINISTRATOR_*",
    EventConstants.EVENT_TOPIC + "=eu/interlink/process/PARTICIPATION_ACCEPTED",
    EventConstants.EVENT_TOPIC + "=eu/interlink/teams/*",
})
public class PermissionAudit implements EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(PermissionAudit.class);
    /** Whom an event is about, by the property its bundle names them with. */
    private static final String[] PERSON = {"administrator", "applicant", "member", "user"};

    @Reference
    private Store store;

    @Override
    public void handleEvent(Event event) {
        String topic = event.getTopic();
        String what = topic.substring(topic.lastIndexOf('/') + 1);
        // Of the teams' events, only membership and administration are about rights.
        if (topic.startsWith("eu/interlink/teams/") && !what.contains("MEMBER") && !what.contains("ADMINISTRATOR")) return;
        String person = null;
        for (String p : PERSON) {
            if (event.getProperty(p) instanceof String s) {
                person = s;
                break;
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        for (String name : event.getPropertyNames()) {
            if (name.equals(EventConstants.EVENT_TOPIC) || name.equals(Events.ACTOR)) continue;
            Object v = event.getProperty(name);
            if (v instanceof String || v instanceof Boolean || v instanceof Number) details.put(name, v);
        }
        String actor = event.getProperty(Events.ACTOR) instanceof String s ? s : null;
        String name = what.toLowerCase(Locale.ROOT).replace('_', '-');
        String audited = (topic.startsWith("eu/interlink/teams/") ? "team-" : "process-") + name;
        String about = person;
        try {
            store.inTransaction(c -> IdentityComponent.audit(c, audited, about, actor, null, details));
        } catch (RuntimeException e) {
            LOG.warn("Could not record {} in the audit log", audited, e);
        }
    }
}
