package eu.interlink.shell.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import eu.interlink.api.Nature;
import eu.interlink.kernel.service.InterlinkerEntry;
import eu.interlink.kernel.service.InterlinkerRegistry;
import eu.interlink.kernel.service.InterlinkerStatus;

@Service
@Command(scope = "interlink", name = "list", description = "Lists the Interlinkers: every serving one and each rejected registration, by id")
public class ListCommand extends InterlinkerCommand {

    @Reference
    InterlinkerRegistry registry;

    @Option(name = "--status", aliases = "-s", description = "Only Interlinkers with this status: active, failing, unavailable, rejected or disabled")
    @Completion(value = StringsCompleter.class, values = { "active", "failing", "unavailable", "rejected", "disabled" })
    String status;

    @Option(name = "--nature", aliases = "-n", description = "Only Interlinkers of this nature: software, knowledge, external-software or external-knowledge")
    @Completion(value = StringsCompleter.class, values = { "software", "knowledge", "external-software", "external-knowledge" })
    String nature;

    @Override
    void run(PrintStream out) throws Exception {
        Optional<InterlinkerStatus> wantedStatus = status == null ? Optional.empty() : Optional.of(Labels.status(status));
        Optional<Nature> wantedNature = nature == null ? Optional.empty() : Optional.of(Labels.nature(nature));
        List<InterlinkerEntry> entries = new java.util.ArrayList<>(Catalogue.all(registry, wantedNature));
        // Known but absent ones have no descriptor, so no nature: shown only when no nature is asked for.
        if (wantedNature.isEmpty()) entries.addAll(registry.unavailable());
        entries = select(entries, wantedStatus);
        print(Tables.interlinkers(entries), out);
    }

    static List<InterlinkerEntry> select(List<InterlinkerEntry> entries, Optional<InterlinkerStatus> status) {
        return status.map(s -> entries.stream().filter(e -> e.status() == s).toList()).orElse(entries);
    }
}
