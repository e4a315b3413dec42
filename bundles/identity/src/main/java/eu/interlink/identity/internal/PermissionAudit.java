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
// Event Admin's wildcards cover whole topic levels only ("…/process/*"), so the topics are picked below.
@Component(property = {
    EventConstants.EVENT_TOPIC + "=eu/interlink/process/*",
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
        // Only the events about rights: grants, administrators, accepted participation, team membership.
        boolean teams = topic.startsWith("eu/interlink/teams/");
        boolean rights = teams ? what.contains("MEMBER") || what.contains("ADMINISTRATOR")
                : what.startsWith("PERMISSION_") || what.startsWith("ADMINISTRATOR_") || what.equals("PARTICIPATION_ACCEPTED");
        if (!rights) return;
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
        String audited = (teams ? "team-" : "process-") + name;
        String about = person;
        try {
            store.inTransaction(c -> IdentityComponent.audit(c, audited, about, actor, null, details));
        } catch (RuntimeException e) {
            LOG.warn("Could not record {} in the audit log", audited, e);
        }
    }
}
