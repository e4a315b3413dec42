package eu.interlink.shell.internal;

import java.io.PrintStream;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.karaf.shell.support.table.ShellTable;

import eu.interlink.api.InterlinkerDescriptor;
import eu.interlink.api.InterlinkerTexts;
import eu.interlink.kernel.service.InterlinkerEntry;

/** What {@code interlink:info} prints: one entry in full, then every registration of its id. */
final class Details {
    private static final String LANGUAGE = InterlinkerDescriptor.DEFAULT_LANGUAGE;

    private Details() {
    }

    /**
     * @param main     the entry that serves the id, or the most telling one
     * @param versions every registration of the id
     * @param ascii    draw the table with ASCII lines whatever the output's encoding
     */
    static void print(PrintStream out, InterlinkerEntry main, List<InterlinkerEntry> versions, ZoneId zone, boolean ascii) {
        out.println("Interlinker " + Tables.text(main.id()));
        field(out, "Version", main.version());
        field(out, "Status", main.status() == null ? null : main.status().label());
        field(out, "Serving", main.serving() ? "yes" : "no");
        field(out, "Since", Tables.when(main.since(), zone));
        field(out, "Bundle", Tables.bundle(main.bundle()));
        if (main.reason() != null && !main.reason().isBlank()) field(out, "Reason", main.reason());
        InterlinkerDescriptor d = main.descriptor() == null ? null : main.descriptor().orElse(null);
        if (d == null) {
            field(out, "Descriptor", "could not be read");
        } else {
            InterlinkerTexts texts = d.texts(LANGUAGE);
            field(out, "Name (" + LANGUAGE + ")", texts == null ? null : texts.name());
            field(out, "Description (" + LANGUAGE + ")", texts == null ? null : texts.description());
            field(out, "Nature", Labels.label(d.nature()));
            field(out, "Capabilities", join(d.capabilities().stream().map(Labels::label).toList()));
            field(out, "Languages", join(d.languages()));
            field(out, "Problem profiles", join(d.problemProfiles()));
            field(out, "Tags", join(d.tags()));
            field(out, "Data version", Integer.toString(d.dataVersion()));
            field(out, "Asset page", d.assetPage().orElse(null));
        }
        out.println();
        out.println("Versions");
        ShellTable table = Tables.versions(versions, zone);
        if (ascii) table.forceAscii();
        table.print(out);
    }

    private static void field(PrintStream out, String name, String value) {
        String v = value == null || value.isBlank() ? Tables.NONE : value.strip();
        String pad = " ".repeat(20);
        String[] lines = v.split("\\R");
        out.println("  " + String.format("%-" + pad.length() + "s", name) + lines[0]);
        for (int i = 1; i < lines.length; i++) out.println("  " + pad + lines[i]);
    }

    private static String join(Collection<String> items) {
        return items.isEmpty() ? Tables.NONE : items.stream().collect(Collectors.joining(", "));
    }
}
