package eu.interlink.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.support.CommandException;
import org.junit.Test;

import eu.interlink.coproduction.FieldException;
import eu.interlink.coproduction.ImportReport;

/** interlink:import: the folder it passes on, what it prints, and how it fails. */
public class ImportCommandTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    public void printsTheCountsAndEveryIssue() throws Exception {
        Path[] asked = new Path[1];
        ImportCommand c = new ImportCommand();
        c.asciiTables = true;
        c.importer = folder -> {
            asked[0] = folder;
            return new ImportReport(folder.toString(), Map.of("knowledge", new ImportReport.Counts(3, 1, 2), "problem-profile", new ImportReport.Counts(0, 0, 45)),
                    List.of(new ImportReport.Issue("file", "business_model_canvas", "resource (en) ./x/resource.pptx does not exist")));
        };
        c.folder = "/data/seed";
        c.run(out);
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(Path.of("/data/seed"), asked[0]);
        assertTrue(printed, printed.contains("knowledge") && printed.contains("problem-profile") && printed.contains("45"));
        assertTrue(printed, printed.contains("total"));
        assertTrue(printed, printed.contains("1 issue(s)") && printed.contains("business_model_canvas") && printed.contains("does not exist"));
    }

    @Test
    public void aFolderTheKernelRefusesIsOneLine() throws Exception {
        ImportCommand c = new ImportCommand();
        c.importer = folder -> {
            throw new FieldException("folder", "'folder' " + folder + " is not a folder on the server");
        };
        c.folder = "/no/such/folder";
        try {
            c.execute();
            fail("should fail");
        } catch (CommandException e) {
            assertTrue(e.getNiceHelp(), e.getNiceHelp().startsWith("Error: ") && e.getMessage().contains("/no/such/folder"));
        }
    }
}
