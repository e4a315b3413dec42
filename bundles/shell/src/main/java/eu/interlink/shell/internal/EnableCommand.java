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
@Command(scope = "interlink", name = "enable", description = "Puts a disabled Interlinker back in service")
public class EnableCommand extends InterlinkerCommand {

    @Reference
    InterlinkerOperations operations;

    @Argument(index = 0, name = "id", description = "The Interlinker's id", required = true)
    @Completion(InterlinkerIdCompleter.class)
    String id;

    @Override
    void run(PrintStream out) throws Exception {
        InterlinkerEntry e = operations.enable(id, actor());
        out.println("Enabled " + Outcomes.describe(e));
        Outcomes.reason(out, e);
    }
}
