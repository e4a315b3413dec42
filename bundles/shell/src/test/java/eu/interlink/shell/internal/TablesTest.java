package eu.interlink.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.apache.karaf.shell.support.table.ShellTable;
import org.junit.Test;

import eu.interlink.kernel.service.BundleInfo;
import eu.interlink.kernel.service.HistoryEntry;
import eu.interlink.kernel.service.InterlinkerEntry;
import eu.interlink.kernel.service.InterlinkerStatus;

public class TablesTest {
    private static final String LONG_REASON = "Interlinker 'dup' is already served by bundle eu.interlink.interlinker.dup/1.0.0 [12]:"
            + " uninstall one of them or give this one another id";

    @Test
    public void listShowsOneRowPerEntry() {
        String out = render(Tables.interlinkers(List.of(Fakes.active("checklist", "1.2.0", 57),
                Fakes.rejected("dup", "0.9.0", 61, LONG_REASON))));
        List<String> lines = out.lines().toList();
        assertEquals(out, 4, lines.size());
        assertEquals("ID        | Version | Status   | Serving | Bundle                                        | Reason", lines.get(0).stripTrailing());
        assertTrue(out, lines.get(1).startsWith("----------+---------+"));
        assertEquals("checklist | 1.2.0   | active   | yes     | eu.interlink.interlinker.checklist/1.2.0 [57] |", lines.get(2).stripTrailing());
        assertTrue(out, lines.get(3).startsWith("dup       | 0.9.0   | rejected | no      | com.example.dup/0.9.0 [61]                    | "));
        String reason = lines.get(3).substring(lines.get(3).lastIndexOf("| ") + 2);
        assertEquals(Tables.REASON_WIDTH, reason.length());
        assertTrue(reason, reason.endsWith("..."));
        assertTrue(reason, LONG_REASON.startsWith(reason.substring(0, reason.length() - 3)));
    }

    @Test
    public void emptyListSaysSo() {
        String out = render(Tables.interlinkers(List.of()));
        assertTrue(out, out.endsWith("No Interlinkers.\n"));
    }

    @Test
    public void missingPartsShowAsDash() {
        InterlinkerEntry e = new InterlinkerEntry("", null, InterlinkerStatus.UNAVAILABLE, null, null, Optional.empty(), null, false);
        String row = render(Tables.interlinkers(List.of(e))).lines().toList().get(2).stripTrailing();
        assertEquals("-  | -       | unavailable | no      | -      |", row);
    }

    @Test
    public void shortenKeepsShortTextAndCutsLongText() {
        assertEquals("", Tables.shorten(null, 10));
        assertEquals("short", Tables.shorten("short", 10));
        assertEquals("0123456...", Tables.shorten("0123456789abc", 10));
        assertEquals("one two", Tables.shorten("one\ntwo", 10));
    }

    @Test
    public void bundleIsNameVersionAndId() {
        assertEquals("eu.x/1.0.0.SNAPSHOT [3]", Tables.bundle(new BundleInfo(3, "eu.x", "1.0.0.SNAPSHOT")));
        assertEquals("-", Tables.bundle(null));
    }

    @Test
    public void historyShowsEveryColumn() {
        List<HistoryEntry> h = List.of(
                new HistoryEntry(3, Fakes.T0.plusSeconds(60), "checklist", "upgraded", "1.1.0", Optional.of("1.0.0"), "ok", "migrated data 1 to 2",
                        Optional.of("karaf")),
                new HistoryEntry(2, Fakes.T0, "checklist", "arrived", "1.0.0", Optional.empty(), "ok", "", Optional.empty()));
        List<String> lines = render(Tables.history(h, ZoneOffset.UTC)).lines().map(String::stripTrailing).toList();
        assertEquals("When                | Action   | Version | From  | Outcome | Actor      | Detail", lines.get(0));
        assertEquals("2025-03-01 10:16:30 | upgraded | 1.1.0   | 1.0.0 | ok      | karaf      | migrated data 1 to 2", lines.get(2));
        assertEquals("2025-03-01 10:15:30 | arrived  | 1.0.0   | -     | ok      | (platform) | -", lines.get(3));
    }

    @Test
    public void emptyHistorySaysSo() {
        assertTrue(render(Tables.history(List.of(), ZoneOffset.UTC)).endsWith("No history.\n"));
    }

    @Test
    public void infoShowsTheDescriptorAndEveryVersion() {
        InterlinkerEntry serving = Fakes.active("checklist", "1.2.0", 57);
        InterlinkerEntry old = new InterlinkerEntry("checklist", "1.1.0", InterlinkerStatus.UNAVAILABLE, "stopped after the upgrade to 1.2.0",
                new BundleInfo(50, "eu.interlink.interlinker.checklist", "1.1.0"), Optional.empty(), Fakes.T0.minusSeconds(3600), false);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Details.print(out, serving, List.of(serving, old), ZoneOffset.UTC, true);
        String text = bytes.toString(StandardCharsets.UTF_8);
        List<String> lines = text.lines().map(String::stripTrailing).toList();
        assertEquals("Interlinker checklist", lines.get(0));
        assertTrue(text, lines.contains("  Version             1.2.0"));
        assertTrue(text, lines.contains("  Status              active"));
        assertTrue(text, lines.contains("  Serving             yes"));
        assertTrue(text, lines.contains("  Since               2025-03-01 10:15:30"));
        assertTrue(text, lines.contains("  Bundle              eu.interlink.interlinker.checklist/1.2.0 [57]"));
        assertTrue(text, lines.contains("  Name (en)           Checklist"));
        assertTrue(text, lines.contains("  Description (en)    A task's shared to-do list"));
        assertTrue(text, lines.contains("  Nature              software"));
        assertTrue(text, lines.contains("  Capabilities        instantiate, view, edit"));
        assertTrue(text, lines.contains("  Languages           en, es"));
        assertTrue(text, lines.contains("  Problem profiles    ORG_PROBLEM_1"));
        assertTrue(text, lines.contains("  Tags                tasks, lists"));
        assertTrue(text, lines.contains("  Data version        2"));
        assertTrue(text, lines.contains("  Asset page          /interlinkers/checklist/assets/{assetId}"));
        assertTrue(text, lines.stream().noneMatch(l -> l.startsWith("  Reason")));
        assertTrue(text, lines.contains("Versions"));
        assertTrue(text, lines.contains("1.2.0   | active      | yes     | 2025-03-01 10:15:30 | eu.interlink.interlinker.checklist/1.2.0 [57] |"));
        assertTrue(text, lines.contains("1.1.0   | unavailable | no      | 2025-03-01 09:15:30 | eu.interlink.interlinker.checklist/1.1.0 [50] | stopped after the upgrade to 1.2.0"));
    }

    @Test
    public void infoOfARejectedEntryShowsItsReasonAndNoDescriptor() {
        InterlinkerEntry e = Fakes.rejected("dup", "0.9.0", 61, "id already served\nby bundle 12");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Details.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), e, List.of(e), ZoneOffset.UTC, true);
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().map(String::stripTrailing).toList();
        assertTrue(lines.toString(), lines.contains("  Status              rejected"));
        assertTrue(lines.toString(), lines.contains("  Reason              id already served"));
        assertTrue(lines.toString(), lines.contains("                      by bundle 12"));
        assertTrue(lines.toString(), lines.contains("  Descriptor          could not be read"));
    }

    static String render(ShellTable table) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        table.forceAscii().print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
