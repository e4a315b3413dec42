package eu.interlink.shell.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import eu.interlink.kernel.service.ConfigurationState;
import eu.interlink.kernel.service.ConfigurationStatus;

/**
 * After a {@code config:property-set} or an edit of {@code etc/eu.interlink.*.cfg}: was it applied, and if not,
 * why, and what is in effect instead. Fails (so {@code bin/client} exits non-zero) when any change was refused.
 */
@Service
@Command(scope = "interlink", name = "config-check",
        description = "Says whether each eu.interlink.* configuration is applied, or why its last change was refused and which values stay in effect")
public class ConfigCheckCommand extends InterlinkerCommand {

    @Reference
    ConfigurationStatus status;

    @Override
    void run(PrintStream out) throws Exception {
        List<ConfigurationState> states = status.states();
        int refused = 0;
        for (ConfigurationState s : states) {
            if (s.applied()) {
                out.println(s.pid() + ": applied");
            } else {
                refused++;
                out.println(s.pid() + ": REFUSED " + s.key() + ": " + s.reason());
            }
            for (Map.Entry<String, Object> e : s.inEffect().entrySet()) {
                out.println("    " + e.getKey() + " = " + e.getValue());
            }
        }
        if (refused > 0) {
            throw Failures.error(refused + " configuration change" + (refused == 1 ? " was" : "s were")
                    + " refused; the values shown stay in effect until the change is corrected");
        }
    }
}
