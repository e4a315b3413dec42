package eu.interlink.shell.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.karaf.shell.support.table.ShellTable;

import eu.interlink.kernel.service.BundleInfo;
import eu.interlink.kernel.service.HistoryEntry;
import eu.interlink.kernel.service.InterlinkerEntry;

/** The tables the commands print, built from what the kernel returns and nothing else. */
final class Tables {
    /** How much of a reason {@code interlink:list} shows; {@code interlink:info} shows all of it. */
    static final int REASON_WIDTH = 60;
    /** Where a long history detail wraps. */
    static final int DETAIL_WIDTH = 60;
    static final String NONE = "-";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Tables() {
    }

    /** {@code interlink:list}: one row per entry, in the order given. */
    static ShellTable interlinkers(List<InterlinkerEntry> entries) {
        ShellTable table = new ShellTable().emptyTableText("No Interlinkers.");
        table.column("ID");
        table.column("Version");
        table.column("Status");
        table.column("Serving");
        table.column("Bundle");
        table.column("Reason");
        for (InterlinkerEntry e : entries) {
            table.addRow().addContent(text(e.id()), text(e.version()), e.status() == null ? NONE : e.status().label(),
                    e.serving() ? "yes" : "no", bundle(e.bundle()), shorten(e.reason(), REASON_WIDTH));
        }
        return table;
    }

    /** {@code interlink:info}: every registration of one id. */
    static ShellTable versions(List<InterlinkerEntry> entries, ZoneId zone) {
        ShellTable table = new ShellTable().emptyTableText("No registration.");
        table.column("Version");
        table.column("Status");
        table.column("Serving");
        table.column("Since");
        table.column("Bundle");
        table.column("Reason").maxSize(DETAIL_WIDTH).wrap();
        for (InterlinkerEntry e : entries) {
            table.addRow().addContent(text(e.version()), e.status() == null ? NONE : e.status().label(), e.serving() ? "yes" : "no",
                    when(e.since(), zone), bundle(e.bundle()), e.reason() == null ? "" : e.reason().strip());
        }
        return table;
    }

    /** {@code interlink:history}: newest first, as the kernel returns it. */
    static ShellTable history(List<HistoryEntry> entries, ZoneId zone) {
        ShellTable table = new ShellTable().emptyTableText("No history.");
        table.column("When");
        table.column("Action");
        table.column("Version");
        table.column("From");
        table.column("Outcome");
        table.column("Actor");
        table.column("Detail").maxSize(DETAIL_WIDTH).wrap();
        for (HistoryEntry h : entries) {
            table.addRow().addContent(when(h.at(), zone), text(h.action()), text(h.version()),
                    h.fromVersion() == null ? NONE : h.fromVersion().filter(s -> !s.isBlank()).orElse(NONE), text(h.outcome()),
                    h.actor() == null ? "(platform)" : h.actor().filter(s -> !s.isBlank()).orElse("(platform)"), text(h.detail()));
        }
        return table;
    }

    /** {@code symbolic.name/version [id]}, the way an operator finds it again with {@code bundle:list}. */
    static String bundle(BundleInfo b) {
        if (b == null || b.id() < 0) return NONE;
        return text(b.symbolicName()) + "/" + text(b.version()) + " [" + b.id() + "]";
    }

    static String when(Instant at, ZoneId zone) {
        return at == null ? NONE : WHEN.format(at.atZone(zone));
    }

    /** The first line of {@code text}, cut to {@code max} characters with "..." when longer. */
    static String shorten(String text, int max) {
        if (text == null || text.isBlank()) return "";
        String line = Failures.oneLine(text);
        return line.length() <= max ? line : line.substring(0, Math.max(0, max - 3)).stripTrailing() + "...";
    }

    static String text(String s) {
        return s == null || s.isBlank() ? NONE : s;
    }
}
