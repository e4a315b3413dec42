package eu.interlink.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;

import eu.interlink.kernel.service.InterlinkerEntry;
import eu.interlink.kernel.service.InterlinkerOperations;

@Service
@Command(scope = "interlink", name = "upgrade", description = "Brings a newer version of an Interlinker in: installs it beside the serving one,"
        + " migrates its data, switches over, and keeps the older bundle (stopped) for interlink:rollback")
public class UpgradeCommand extends InterlinkerCommand {

    @Reference
    InterlinkerOperations operations;

    @Argument(index = 0, name = "id", description = "The Interlinker's id", required = true)
    @Completion(InterlinkerIdCompleter.class)
    String id;

    @Argument(index = 1, name = "url|file", description = "The new bundle: an http(s), file or mvn URL, or a file path", required = true)
    @Completion(FileCompleter.class)
    String location;

    @Override
    void run(PrintStream out) throws Exception {
        InterlinkerEntry e = operations.upgrade(id, location(location), actor());
        out.println("Upgraded " + Outcomes.describe(e));
        Outcomes.reason(out, e);
        out.println("The previous version is kept, stopped: interlink:rollback " + id + " goes back to it.");
    }
}
