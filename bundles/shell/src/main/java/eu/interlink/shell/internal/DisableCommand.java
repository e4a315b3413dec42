package eu.interlink.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import eu.interlink.kernel.service.InterlinkerEntry;
import eu.interlink.kernel.service.InterlinkerOperations;

@Service
@Command(scope = "interlink", name = "disable", description = "Takes an Interlinker out of service without removing it: calls that need it get 503 until interlink:enable")
public class DisableCommand extends InterlinkerCommand {

    @Reference
    InterlinkerOperations operations;

    @Argument(index = 0, name = "id", description = "The Interlinker's id", required = true)
    @Completion(InterlinkerIdCompleter.class)
    String id;

    @Override
    void run(PrintStream out) throws Exception {
        InterlinkerEntry e = operations.disable(id, actor());
        out.println("Disabled " + Outcomes.describe(e));
        out.println("Calls that need it get 503 until interlink:enable " + id + ".");
    }
}
