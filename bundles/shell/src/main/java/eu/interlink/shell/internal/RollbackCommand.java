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
@Command(scope = "interlink", name = "rollback", description = "Goes back to the version that served before the last upgrade, reverting its data migrations")
public class RollbackCommand extends InterlinkerCommand {

    @Reference
    InterlinkerOperations operations;

    @Argument(index = 0, name = "id", description = "The Interlinker's id", required = true)
    @Completion(InterlinkerIdCompleter.class)
    String id;

    @Override
    void run(PrintStream out) throws Exception {
        InterlinkerEntry e = operations.rollback(id, actor());
        out.println("Rolled back to " + Outcomes.describe(e));
        Outcomes.reason(out, e);
    }
}
