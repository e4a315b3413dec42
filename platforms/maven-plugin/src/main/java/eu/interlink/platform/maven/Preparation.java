package eu.interlink.platform.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import eu.interlink.branding.Branding;
import eu.interlink.branding.BrandingRules;
import eu.interlink.branding.BrandingService;
import eu.interlink.coproduction.Language;

/**
 * Writes the files a platform's distribution adds to Karaf's: the etc/ overrides every Interlink distribution
 * carries, the platform's {@code etc/eu.interlink.branding.cfg} and logo, and the platform's own {@code etc/}
 * files (its default configuration), in that order, so that the platform's own win.
 */
final class Preparation {
    /** Where a platform's logo goes, under etc/; the branding configuration names it relative to etc/. */
    static final String LOGO_FOLDER = "branding";
    static final String BRANDING_CFG = BrandingService.PID + ".cfg";

    private Preparation() {
    }

    static void prepare(PlatformDescriptor platform, Path sharedAssembly, Path out) throws IOException, PlatformException {
        Path ownEtc = platform.folder().resolve("etc");
        if (Files.isRegularFile(ownEtc.resolve(BRANDING_CFG))) {
            throw new PlatformException(ownEtc.resolve(BRANDING_CFG) + ": the branding comes from " + PlatformDescriptor.FILE
                    + "; move its values there and remove this file");
        }
        delete(out);
        Files.createDirectories(out.resolve("etc"));
        if (sharedAssembly != null && Files.isDirectory(sharedAssembly)) copyTree(sharedAssembly, out);

        Path etc = out.resolve("etc");
        String logo = "";
        if (platform.properties().containsKey(BrandingRules.LOGO) && !platform.properties().get(BrandingRules.LOGO).isBlank()) {
            Path source = platform.folder().resolve(platform.properties().get(BrandingRules.LOGO).trim());
            Files.createDirectories(etc.resolve(LOGO_FOLDER));
            Files.copy(source, etc.resolve(LOGO_FOLDER).resolve(source.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            logo = LOGO_FOLDER + "/" + source.getFileName();
        }
        Files.writeString(etc.resolve(BRANDING_CFG), brandingCfg(platform, logo), StandardCharsets.ISO_8859_1);

        if (Files.isDirectory(ownEtc)) copyTree(ownEtc, etc);
    }

    /** The branding configuration, with the comments an operator needs to change it later. */
    static String brandingCfg(PlatformDescriptor platform, String logo) {
        Branding b = platform.branding();
        String languages = String.join(", ", b.languages().stream().map(Language::code).toList());
        return String.join("\n", List.of(
                "# How the platform '" + platform.name() + "' presents itself (GET /api/v1/branding), written by the build from",
                "# platforms/" + platform.name() + "/" + PlatformDescriptor.FILE + ". Changes apply at once, without a restart; a value that",
                "# breaks a rule is refused, the previous branding stays, and GET /api/v1/health and interlink:config-check",
                "# say why (docs/pa-guide.md).",
                BrandingRules.NAME + " = " + escape(b.name()),
                "# An .svg, .png, .jpg or .webp file of at most 512 KiB, relative to etc/; empty for the built-in logo.",
                BrandingRules.LOGO + " = " + escape(logo),
                "# Colours, written #rrggbb.",
                BrandingRules.PRIMARY_COLOUR + " = " + b.primaryColour(),
                BrandingRules.SECONDARY_COLOUR + " = " + b.secondaryColour(),
                "# The languages offered, among en, es, it, lv; the default language is one of them.",
                BrandingRules.LANGUAGES + " = " + languages,
                BrandingRules.DEFAULT_LANGUAGE + " = " + b.defaultLanguage().code(),
                "# The schema a new process starts from.",
                BrandingRules.DEFAULT_SCHEMA + " = " + b.defaultSchema(),
                ""));
    }

    /** A properties value: ASCII with \\uXXXX escapes, which every reader of .cfg files understands. */
    static String escape(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\') out.append("\\\\");
            else if (i == 0 && c == ' ') out.append("\\ ");
            else if (c < 0x20 || c > 0x7e) out.append(String.format("\\u%04x", (int) c));
            else out.append(c);
        }
        return out.toString();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) return;
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
