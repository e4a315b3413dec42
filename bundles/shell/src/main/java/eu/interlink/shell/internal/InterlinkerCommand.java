package eu.interlink.shell.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.ZoneId;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

import eu.interlink.kernel.service.KernelException;

/** What every {@code interlink:*} command shares: the session, the actor, and one-line errors. */
abstract class InterlinkerCommand implements Action {

    @Reference
    Session session;

    /** Draw tables with ASCII lines whatever the output's encoding (tests: the encoding check needs Karaf). */
    boolean asciiTables;

    @Override
    public final Object execute() throws Exception {
        try {
            run(System.out);
            return null;
        } catch (KernelException e) {
            throw Failures.of(e);
        }
    }

    /** Prints to {@code out}; fails with a {@link org.apache.karaf.shell.support.CommandException}. */
    abstract void run(PrintStream out) throws Exception;

    /** Who asked, for the Interlinker's history. */
    String actor() {
        return Actors.of(session);
    }

    /** Where a relative file path starts: the session's current folder (see {@code shell:cd}). */
    Path currentDir() {
        try {
            Path dir = session == null ? null : session.currentDir();
            if (dir != null) return dir;
        } catch (RuntimeException ignored) {
            // a session without a current folder
        }
        return Path.of(System.getProperty("user.dir", "."));
    }

    String location(String typed) throws Exception {
        return Locations.toLocation(typed, currentDir(), Path.of(System.getProperty("user.home", ".")));
    }

    void print(ShellTable table, PrintStream out) {
        if (asciiTables) table.forceAscii();
        table.print(out);
    }

    ZoneId zone() {
        return ZoneId.systemDefault();
    }
}
