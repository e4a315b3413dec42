package eu.interlink.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import eu.interlink.api.Nature;
import eu.interlink.kernel.service.HistoryEntry;
import eu.interlink.kernel.service.InterlinkerEntry;
import eu.interlink.kernel.service.KernelException;

/** The commands' own logic, run against the fakes (their output tables are tested in TablesTest). */
public class CommandsTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final Fakes.Operations operations = new Fakes.Operations();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private Path cwd;

    @Before
    public void folder() throws Exception {
        cwd = tmp.newFolder("cwd").toPath();
    }

    /** A session that knows only its USER variable and its current folder. */
    private Session session(String user) {
        return (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Session.class }, (proxy, method, args) -> {
            switch (method.getName()) {
            case "get":
                return "USER".equals(args[0]) ? user : null;
            case "currentDir":
                return cwd;
            default:
                throw new UnsupportedOperationException(method.getName());
            }
        });
    }

    @Test
    public void installTurnsAFileIntoAUrlAndNamesTheActor() throws Exception {
        Path jar = Files.createFile(cwd.resolve("checklist.jar"));
        InstallCommand c = new InstallCommand();
        c.operations = operations;
        c.session = session("alice");
        c.location = "checklist.jar";
        c.run(out);
        assertEquals(List.of("install " + jar.toUri() + " by alice"), operations.calls);
        assertEquals("Installed checklist 1.0.0 (active, bundle eu.interlink.interlinker.checklist/1.0.0 [57])\n", text());
    }

    @Test
    public void installPassesAUrlAsTypedAndFallsBackToShell() throws Exception {
        InstallCommand c = new InstallCommand();
        c.operations = operations;
        c.location = "mvn:eu.interlink/interlink-interlinker-checklist/0.1.0";
        c.run(out);
        assertEquals(List.of("install mvn:eu.interlink/interlink-interlinker-checklist/0.1.0 by shell"), operations.calls);
    }

    @Test
    public void badLocationNeverReachesTheKernel() throws Exception {
        InstallCommand c = new InstallCommand();
        c.operations = operations;
        c.session = session("alice");
        c.location = "missing.jar";
        CommandException e = expectFailure(c);
        assertEquals("Error: There is no file " + cwd.resolve("missing.jar"), e.getNiceHelp());
        assertEquals(List.of(), operations.calls);
    }

    @Test
    public void kernelRefusalIsOneLineError() throws Exception {
        operations.failure = new KernelException(422, "interlinker-rejected", "Interlinker rejected",
                "version 1.0 of 'survey' must be major.minor.micro, such as 1.0.0");
        UpgradeCommand c = new UpgradeCommand();
        c.operations = operations;
        c.id = "survey";
        c.location = "https://repo.example.org/survey-1.0.jar";
        CommandException e = expectFailure(c);
        assertEquals("Error: version 1.0 of 'survey' must be major.minor.micro, such as 1.0.0", e.getNiceHelp());
        assertEquals(List.of("upgrade survey https://repo.example.org/survey-1.0.jar by shell"), operations.calls);
    }

    @Test
    public void upgradeSaysTheOldVersionIsKept() throws Exception {
        operations.result = Fakes.active("checklist", "1.1.0", 58);
        UpgradeCommand c = new UpgradeCommand();
        c.operations = operations;
        c.session = session("bob");
        c.id = "checklist";
        c.location = "file:/tmp/checklist-1.1.0.jar";
        c.run(out);
        assertEquals(List.of("upgrade checklist file:/tmp/checklist-1.1.0.jar by bob"), operations.calls);
        assertEquals("Upgraded checklist 1.1.0 (active, bundle eu.interlink.interlinker.checklist/1.1.0 [58])\n"
                + "The previous version is kept, stopped: interlink:rollback checklist goes back to it.\n", text());
    }

    @Test
    public void rollbackDisableEnableRemovePassIdAndActor() throws Exception {
        RollbackCommand rollback = new RollbackCommand();
        rollback.operations = operations;
        rollback.id = "checklist";
        rollback.session = session("carol");
        rollback.run(out);
        DisableCommand disable = new DisableCommand();
        disable.operations = operations;
        disable.id = "checklist";
        disable.session = session("carol");
        disable.run(out);
        EnableCommand enable = new EnableCommand();
        enable.operations = operations;
        enable.id = "checklist";
        enable.session = session("carol");
        enable.run(out);
        RemoveCommand remove = new RemoveCommand();
        remove.operations = operations;
        remove.id = "checklist";
        remove.session = session("carol");
        remove.run(out);
        assertEquals(List.of("rollback checklist by carol", "disable checklist by carol", "enable checklist by carol", "remove checklist by carol"),
                operations.calls);
        String text = text();
        assertTrue(text, text.contains("Rolled back to checklist 1.0.0 (active, "));
        assertTrue(text, text.contains("Disabled checklist 1.0.0 ("));
        assertTrue(text, text.contains("Calls that need it get 503 until interlink:enable checklist."));
        assertTrue(text, text.contains("Enabled checklist 1.0.0 ("));
        assertTrue(text, text.contains("Removed checklist: its bundles are uninstalled.\n"
                + "Its assets and their data are kept, listed as unavailable until checklist is installed again.\n"));
    }

    @Test
    public void unknownIdIsOneLineError() {
        operations.failure = KernelException.notFound("Interlinker", "nope");
        RemoveCommand c = new RemoveCommand();
        c.operations = operations;
        c.id = "nope";
        assertEquals("Error: There is no interlinker 'nope'", expectFailure(c).getNiceHelp());
    }

    @Test
    public void historyAsksForTheLimitAndPrintsATable() throws Exception {
        operations.history.add(new HistoryEntry(1, Fakes.T0, "checklist", "installed", "1.0.0", Optional.empty(), "ok", "from mvn:x/y/1.0.0",
                Optional.of("karaf")));
        HistoryCommand c = new HistoryCommand();
        c.operations = operations;
        c.id = "checklist";
        c.asciiTables = true;
        assertEquals(20, c.limit);
        c.limit = 5;
        c.run(out);
        assertEquals(List.of("history checklist 0 5"), operations.calls);
        List<String> lines = text().lines().toList();
        assertEquals(3, lines.size());
        assertTrue(lines.get(0), lines.get(0).startsWith("When "));
        assertTrue(lines.get(2), lines.get(2).contains("| installed | 1.0.0   | -    | ok      | karaf | from mvn:x/y/1.0.0"));
    }

    @Test
    public void listFiltersByStatusAndNature() throws Exception {
        Fakes.Registry registry = new Fakes.Registry();
        registry.entries.add(Fakes.active("checklist", "1.0.0", 1));
        registry.entries.add(Fakes.rejected("dup", "1.0.0", 2, "id taken"));
        registry.entries.add(Fakes.ofNature("guide", Nature.KNOWLEDGE));
        ListCommand c = new ListCommand();
        c.registry = registry;
        c.asciiTables = true;
        c.status = "Active";
        c.run(out);
        List<String> lines = text().lines().toList();
        assertEquals(text(), 4, lines.size());
        assertTrue(lines.get(2), lines.get(2).startsWith("checklist "));
        assertTrue(lines.get(3), lines.get(3).startsWith("guide "));

        bytes.reset();
        c.nature = "knowledge";
        c.run(out);
        lines = text().lines().toList();
        assertEquals(text(), 3, lines.size());
        assertTrue(lines.get(2), lines.get(2).startsWith("guide "));
        assertEquals(Optional.of(Nature.KNOWLEDGE), registry.queries.get(registry.queries.size() - 1).nature());
    }

    @Test
    public void listWithNoMatchSaysSo() throws Exception {
        ListCommand c = new ListCommand();
        c.registry = new Fakes.Registry();
        c.asciiTables = true;
        c.run(out);
        assertTrue(text(), text().endsWith("No Interlinkers.\n"));
    }

    @Test
    public void infoPrintsTheServingEntryAndEveryVersion() throws Exception {
        Fakes.Registry registry = new Fakes.Registry();
        registry.entries.add(Fakes.rejected("checklist", "0.9.0", 1, "bad"));
        registry.entries.add(Fakes.active("checklist", "1.0.0", 2));
        InfoCommand c = new InfoCommand();
        c.registry = registry;
        c.asciiTables = true;
        c.id = "checklist";
        c.run(out);
        String text = text();
        assertTrue(text, text.startsWith("Interlinker checklist\n  Version             1.0.0\n"));
        assertTrue(text, text.contains("\n1.0.0   | active   | yes "));
        assertTrue(text, text.contains("\n0.9.0   | rejected | no "));
    }

    @Test
    public void historyLimitIsChecked() {
        HistoryCommand c = new HistoryCommand();
        c.operations = operations;
        c.id = "checklist";
        c.limit = 0;
        assertEquals("Error: --limit must be between 1 and 1000, not 0", expectFailure(c).getNiceHelp());
        assertEquals(List.of(), operations.calls);
    }

    @Test
    public void listRejectsAnUnknownStatus() {
        ListCommand c = new ListCommand();
        c.registry = new Fakes.Registry();
        c.status = "sleeping";
        assertEquals("Error: Unknown status 'sleeping': use one of active, failing, unavailable, rejected, disabled", expectFailure(c).getNiceHelp());
    }

    @Test
    public void infoOfAnUnknownIdIsOneLineError() {
        InfoCommand c = new InfoCommand();
        c.registry = new Fakes.Registry();
        c.id = "ghost";
        assertEquals("Error: There is no interlinker 'ghost'", expectFailure(c).getNiceHelp());
    }

    @Test
    public void infoPicksTheServingEntry() {
        InterlinkerEntry old = Fakes.rejected("checklist", "0.9.0", 1, "bad");
        InterlinkerEntry serving = Fakes.active("checklist", "1.0.0", 2);
        assertEquals(Optional.of(serving), InfoCommand.pick(List.of(old, serving), Optional.of(old)));
        assertEquals(Optional.of(old), InfoCommand.pick(List.of(), Optional.of(old)));
        assertEquals(Optional.of(old), InfoCommand.pick(List.of(old), Optional.empty()));
        assertEquals(Optional.empty(), InfoCommand.pick(null, Optional.empty()));
    }

    private static CommandException expectFailure(InterlinkerCommand c) {
        try {
            c.execute();
            fail("expected a failure");
            return null;
        } catch (CommandException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError("expected a CommandException, got " + e, e);
        }
    }

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
