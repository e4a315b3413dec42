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
@Command(scope = "interlink", name = "install", description = "Installs and starts an Interlinker bundle, and waits until the kernel serves or refuses it",
        detailedDescription = "A file path (absolute, relative to the shell's current folder, or ~/...) becomes a file: URL;"
                + " an http, https, file or mvn URL is used as typed.")
public class InstallCommand extends InterlinkerCommand {

    @Reference
    InterlinkerOperations operations;

    @Argument(index = 0, name = "url|file", description = "The bundle: an http(s), file or mvn URL, or a file path", required = true)
    @Completion(FileCompleter.class)
    String location;

    @Override
    void run(PrintStream out) throws Exception {
        InterlinkerEntry e = operations.install(location(location), actor());
        out.println("Installed " + Outcomes.describe(e));
        Outcomes.reason(out, e);
    }
}
