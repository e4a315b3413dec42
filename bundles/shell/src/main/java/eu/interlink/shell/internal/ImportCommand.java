package eu.interlink.shell.internal;

import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.apache.karaf.shell.support.table.ShellTable;

import eu.interlink.coproduction.ImportReport;
import eu.interlink.coproduction.ImportService;

@Service
@Command(scope = "interlink", name = "import", description = "Imports a folder in the original INTERLINK platform's seed format (problem profiles, Interlinkers, schemas, translations)",
        detailedDescription = "Importing the same folder again changes nothing. Items that cannot be imported are listed with the reason; the rest is imported.")
public class ImportCommand extends InterlinkerCommand {

    @Reference
    ImportService importer;

    @Argument(index = 0, name = "folder", description = "The seed folder: absolute, relative to the shell's current folder, or ~/...", required = true)
    @Completion(FileCompleter.class)
    String folder;

    @Override
    void run(PrintStream out) throws Exception {
        Path path;
        try {
            path = Locations.resolve(folder == null ? "" : folder.strip(), currentDir(), Path.of(System.getProperty("user.home", ".")));
        } catch (InvalidPathException e) {
            throw Failures.error("'" + folder + "' is not a valid folder path");
        }
        long start = System.nanoTime();
        ImportReport report = importer.importFolder(path);
        long ms = (System.nanoTime() - start) / 1_000_000;
        print(report, ms, out);
    }

    void print(ImportReport report, long ms, PrintStream out) {
        out.println("Imported " + report.folder() + " in " + ms + " ms");
        ShellTable counts = new ShellTable();
        counts.column("Kind");
        counts.column("Created").alignRight();
        counts.column("Updated").alignRight();
        counts.column("Unchanged").alignRight();
        Map<String, ImportReport.Counts> sorted = new TreeMap<>(report.counts());
        sorted.forEach((kind, c) -> counts.addRow().addContent(kind, c.created(), c.updated(), c.unchanged()));
        ImportReport.Counts total = report.total();
        counts.addRow().addContent("total", total.created(), total.updated(), total.unchanged());
        print(counts, out);
        if (report.issues().isEmpty()) {
            out.println("No issues.");
            return;
        }
        out.println(report.issues().size() + " issue(s):");
        ShellTable issues = new ShellTable();
        issues.column("Kind");
        issues.column("Item");
        issues.column("Reason").maxSize(Tables.DETAIL_WIDTH).wrap();
        report.issues().forEach(i -> issues.addRow().addContent(i.kind(), i.item(), i.reason()));
        print(issues, out);
    }
}
