package eu.interlink.shell.internal;

import static org.junit.Assert.assertEquals;

import org.apache.karaf.shell.support.CommandException;
import org.junit.Test;

import eu.interlink.kernel.service.KernelException;

public class ActorsAndFailuresTest {

    @Test
    public void theLoginWinsOverTheSessionVariable() {
        assertEquals("karaf", Actors.choose("karaf", "someone-else"));
    }

    @Test
    public void theSessionVariableWhenNoLogin() {
        assertEquals("alice", Actors.choose(null, "alice"));
        assertEquals("alice", Actors.choose("  ", " alice "));
    }

    @Test
    public void shellWhenNobody() {
        assertEquals("shell", Actors.choose(null, null));
        assertEquals("shell", Actors.choose("", ""));
        assertEquals("shell", Actors.choose(null, 42));
    }

    @Test
    public void withoutASessionOrSubjectTheActorIsShell() {
        assertEquals("shell", Actors.of(null));
    }

    @Test
    public void kernelFailureIsOneLineWithItsDetail() {
        CommandException e = Failures.of(KernelException.notFound("Interlinker", "survey"));
        assertEquals("Error: There is no interlinker 'survey'", e.getNiceHelp());
        assertEquals("There is no interlinker 'survey'", e.getMessage());
    }

    @Test
    public void kernelFailureWithoutDetailUsesItsTitle() {
        CommandException e = Failures.of(new KernelException(409, "conflict", "Nothing to roll back to", null));
        assertEquals("Error: Nothing to roll back to", e.getNiceHelp());
        e = Failures.of(new KernelException(504, "timeout", "", " "));
        assertEquals("Error: the kernel refused the request (504 timeout)", e.getNiceHelp());
    }

    @Test
    public void multiLineDetailBecomesOneLine() {
        assertEquals("Error: migration 2 failed: column x exists", Failures.error("migration 2 failed:\n  column x exists\n").getNiceHelp());
    }
}
