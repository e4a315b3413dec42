package eu.interlink.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import eu.interlink.kernel.service.InterlinkerOperations;

@Service
@Command(scope = "interlink", name = "remove", description = "Uninstalls every bundle of an Interlinker. Its assets and their data are kept, listed as unavailable")
public class RemoveCommand extends InterlinkerCommand {

    @Reference
    InterlinkerOperations operations;

    @Argument(index = 0, name = "id", description = "The Interlinker's id", required = true)
    @Completion(InterlinkerIdCompleter.class)
    String id;

    @Override
    void run(PrintStream out) throws Exception {
        operations.remove(id, actor());
        out.println("Removed " + id + ": its bundles are uninstalled.");
        out.println("Its assets and their data are kept, listed as unavailable until " + id + " is installed again.");
    }
}
