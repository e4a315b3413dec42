package eu.interlink.shell.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import eu.interlink.kernel.service.InterlinkerEntry;
import eu.interlink.kernel.service.InterlinkerRegistry;
import eu.interlink.kernel.service.KernelException;

@Service
@Command(scope = "interlink", name = "info", description = "Shows one Interlinker in full: its serving registration, its descriptor, and every version the kernel knows")
public class InfoCommand extends InterlinkerCommand {

    @Reference
    InterlinkerRegistry registry;

    @Argument(index = 0, name = "id", description = "The Interlinker's id", required = true)
    @Completion(InterlinkerIdCompleter.class)
    String id;

    @Override
    void run(PrintStream out) throws Exception {
        List<InterlinkerEntry> versions = registry.versions(id);
        Optional<InterlinkerEntry> main = pick(versions, registry.find(id));
        if (main.isEmpty()) throw KernelException.notFound("Interlinker", id);
        Details.print(out, main.get(), versions == null ? List.of() : versions, zone(), asciiTables);
    }

    /** The serving registration, else what the registry finds for the id, else the first version. */
    static Optional<InterlinkerEntry> pick(List<InterlinkerEntry> versions, Optional<InterlinkerEntry> found) {
        List<InterlinkerEntry> all = versions == null ? List.of() : versions;
        Optional<InterlinkerEntry> serving = all.stream().filter(InterlinkerEntry::serving).findFirst();
        if (serving.isPresent()) return serving;
        if (found != null && found.isPresent()) return found;
        return all.stream().findFirst();
    }
}
