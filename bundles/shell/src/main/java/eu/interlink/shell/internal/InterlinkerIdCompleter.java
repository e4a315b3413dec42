package eu.interlink.shell.internal;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import eu.interlink.kernel.service.InterlinkerEntry;
import eu.interlink.kernel.service.InterlinkerRegistry;

/** Completes an Interlinker id with the ids of the catalogue. */
@Service
public class InterlinkerIdCompleter implements Completer {

    @Reference
    InterlinkerRegistry registry;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        TreeSet<String> ids;
        try {
            ids = ids(registry);
        } catch (RuntimeException e) {
            return -1; // never break the console for a completion
        }
        return new StringsCompleter(ids).complete(session, commandLine, candidates);
    }

    static TreeSet<String> ids(InterlinkerRegistry registry) {
        TreeSet<String> ids = new TreeSet<>();
        for (InterlinkerEntry e : Catalogue.all(registry, Optional.empty())) {
            if (e != null && e.id() != null && !e.id().isBlank()) ids.add(e.id());
        }
        return ids;
    }
}
