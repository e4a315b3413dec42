package eu.interlink.web.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.http.runtime.HttpServiceRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-registers a servlet or filter of this bundle that the whiteboard left behind. Pax Web 8 can park an element
 * registered while its default context is being set up as having "no matching target context" and never look at
 * it again (seen at a node's restart under load: the error page servlet never deployed, the health stayed down).
 * Every few seconds this compares what the bundle declares with what the whiteboard deployed; an element whose
 * service is registered (its component satisfied or active) but that stays undeployed for {@link #PATIENCE}
 * checks in a row has its component disabled and enabled again, which registers its service anew.
 */
@Component(immediate = true)
public class WhiteboardWatch {
    private static final Logger LOG = LoggerFactory.getLogger(WhiteboardWatch.class);
    static final long PERIOD_SECONDS = 5;
    /** Consecutive checks an element may stay undeployed, its service registered, before it is re-registered. */
    static final int PATIENCE = 3;

    @Reference
    private ServiceComponentRuntime scr;

    @Reference
    private HttpServiceRuntime http;

    private final Stuck stuck = new Stuck(PATIENCE);
    private ScheduledExecutorService timer;
    private BundleContext context;

    @Activate
    void activate(BundleContext context) {
        this.context = context;
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "interlink-whiteboard-watch");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::check, PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }

    private void check() {
        try {
            Map<String, ComponentDescriptionDTO> declared = ApiReadiness.declared(scr, context.getBundle());
            Set<String> deployed = ApiReadiness.deployed(http.getRuntimeDTO());
            Set<String> registered = new HashSet<>();
            for (Map.Entry<String, ComponentDescriptionDTO> e : declared.entrySet()) {
                for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(e.getValue())) {
                    if (c.state == ComponentConfigurationDTO.SATISFIED || c.state == ComponentConfigurationDTO.ACTIVE) registered.add(e.getKey());
                }
            }
            for (String name : stuck.update(declared.keySet(), deployed, registered)) {
                ComponentDescriptionDTO d = declared.get(name);
                LOG.warn("The whiteboard has not deployed '{}' though its service is registered; registering it again", name);
                scr.disableComponent(d).then(p -> scr.enableComponent(d));
            }
        } catch (RuntimeException e) {
            // The runtime is going away or changing under us; the next check looks again.
            LOG.debug("Whiteboard check failed", e);
        }
    }

    /** Counts, per element, the checks in a row it was registered but not deployed. */
    static final class Stuck {
        private final int patience;
        private final Map<String, Integer> misses = new HashMap<>();

        Stuck(int patience) {
            this.patience = patience;
        }

        /** The elements to re-register now; their count starts again, so a re-registration gets its own patience. */
        Set<String> update(Set<String> declared, Set<String> deployed, Set<String> registered) {
            Set<String> due = new HashSet<>();
            misses.keySet().retainAll(declared);
            for (String name : declared) {
                if (deployed.contains(name) || !registered.contains(name)) {
                    misses.remove(name);
                    continue;
                }
                int n = misses.merge(name, 1, Integer::sum);
                if (n >= patience) {
                    due.add(name);
                    misses.remove(name);
                }
            }
            return due;
        }
    }
}
