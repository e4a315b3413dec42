package eu.interlink.shell.internal;

import java.io.PrintStream;

import eu.interlink.kernel.service.InterlinkerEntry;

/** The line an operation prints about the entry it returns. */
final class Outcomes {
    private Outcomes() {
    }

    /** {@code checklist 1.2.0 (active, bundle eu.interlink.interlinker.checklist/1.2.0 [57])} */
    static String describe(InterlinkerEntry e) {
        return Tables.text(e.id()) + " " + Tables.text(e.version()) + " (" + (e.status() == null ? Tables.NONE : e.status().label())
                + ", bundle " + Tables.bundle(e.bundle()) + ")";
    }

    static void reason(PrintStream out, InterlinkerEntry e) {
        if (e.reason() != null && !e.reason().isBlank()) out.println("Reason: " + Failures.oneLine(e.reason()));
    }
}
