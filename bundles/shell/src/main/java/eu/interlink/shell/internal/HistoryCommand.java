package eu.interlink.shell.internal;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import eu.interlink.kernel.service.HistoryEntry;
import eu.interlink.kernel.service.InterlinkerOperations;

@Service
@Command(scope = "interlink", name = "history", description = "Shows the changes in the life of an Interlinker, newest first")
public class HistoryCommand extends InterlinkerCommand {
    static final int MAX_LIMIT = 1000;

    @Reference
    InterlinkerOperations operations;

    @Argument(index = 0, name = "id", description = "The Interlinker's id", required = true)
    @Completion(InterlinkerIdCompleter.class)
    String id;

    @Option(name = "--limit", aliases = "-l", description = "How many changes to show at most (1 to " + MAX_LIMIT + ")")
    int limit = 20;

    @Override
    void run(PrintStream out) throws Exception {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw Failures.error("--limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
        }
        List<HistoryEntry> entries = operations.history(id, 0, limit);
        print(Tables.history(entries == null ? List.of() : entries, zone()), out);
    }
}
