package eu.interlink.shell.internal;

import org.apache.karaf.shell.support.CommandException;

import eu.interlink.kernel.service.KernelException;

/**
 * Turns what went wrong into the one line an operator reads. Karaf prints a {@link CommandException}'s
 * "nice help" as is, without a stack trace (unless the session asked for stack traces), logs it at debug level
 * only, and still fails the command, so that {@code bin/client} exits non-zero.
 */
final class Failures {
    private Failures() {
    }

    /** A failure whose whole message, {@code detail}, is shown as {@code Error: detail} on one line. */
    static CommandException error(String detail) {
        String line = oneLine(detail);
        return new CommandException("Error: " + line, line);
    }

    /** The kernel's refusal, by its detail (or title, when it has no detail). */
    static CommandException of(KernelException e) {
        String detail = e.detail();
        if (detail == null || detail.isBlank()) detail = e.title();
        if (detail == null || detail.isBlank()) detail = "the kernel refused the request (" + e.status() + " " + e.type() + ")";
        return error(detail);
    }

    static String oneLine(String text) {
        if (text == null || text.isBlank()) return "unknown failure";
        return text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
