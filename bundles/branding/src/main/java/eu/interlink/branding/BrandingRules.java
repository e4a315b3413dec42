package eu.interlink.branding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import eu.interlink.coproduction.Language;
import eu.interlink.kernel.service.SettingException;
import eu.interlink.kernel.service.Settings;

/**
 * The rules of a branding, one place for both its readers: the running platform ({@code eu.interlink.branding}
 * in Config Admin) and the build of a platform (its {@code platform.properties}). Each refusal names the key and
 * says what is expected.
 */
public final class BrandingRules {
    public static final String NAME = "name";
    public static final String LOGO = "logo";
    public static final String PRIMARY_COLOUR = "colour.primary";
    public static final String SECONDARY_COLOUR = "colour.secondary";
    public static final String LANGUAGES = "languages";
    public static final String DEFAULT_LANGUAGE = "language.default";
    public static final String DEFAULT_SCHEMA = "schema.default";
    public static final Set<String> KEYS = Set.of(NAME, LOGO, PRIMARY_COLOUR, SECONDARY_COLOUR, LANGUAGES, DEFAULT_LANGUAGE, DEFAULT_SCHEMA);

    /** A logo is shown in a page header: half a megabyte is plenty, and it is kept in memory. */
    public static final int MAX_LOGO_BYTES = 512 * 1024;
    public static final int MAX_NAME_LENGTH = 100;

    static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
    /** The schema ids of the co-production bundle. */
    static final Pattern SCHEMA_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    /** The branding of a platform nobody branded: the project's own. */
    public static final String DEFAULT_NAME = "Interlink";
    public static final String DEFAULT_PRIMARY = "#1d4f91";
    public static final String DEFAULT_SECONDARY = "#f2a541";
    public static final String DEFAULT_SCHEMA_ID = "default";
    private static final String BUILT_IN_LOGO = "interlink-logo.svg";

    private BrandingRules() {
    }

    /** The branding of an empty configuration. */
    public static Branding defaults() {
        return read(Map.of(), Path.of("."), Set.of());
    }

    /**
     * Reads and checks a branding.
     *
     * @param properties the configuration ({@link #KEYS}; any other key is refused unless in {@code otherKeys})
     * @param logoFolder what a relative {@code logo} path is relative to
     * @param otherKeys  keys the caller reads itself
     * @throws SettingException naming the first key that breaks a rule
     */
    public static Branding read(Map<String, ?> properties, Path logoFolder, Set<String> otherKeys) {
        Settings s = Settings.of(properties);
        Set<String> known = new HashSet<>(KEYS);
        known.addAll(otherKeys);
        s.refuseUnknown(known);

        String name = s.text(NAME, DEFAULT_NAME);
        if (name.length() > MAX_NAME_LENGTH) {
            throw new SettingException(NAME, NAME + " must be at most " + MAX_NAME_LENGTH + " characters, not " + name.length());
        }
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            throw new SettingException(NAME, NAME + " must not contain control characters");
        }
        String primary = colour(s, PRIMARY_COLOUR, DEFAULT_PRIMARY);
        String secondary = colour(s, SECONDARY_COLOUR, DEFAULT_SECONDARY);

        List<Language> languages = new ArrayList<>();
        for (String code : s.list(LANGUAGES, Language.codes())) {
            Language l = language(LANGUAGES, code);
            if (languages.contains(l)) throw new SettingException(LANGUAGES, LANGUAGES + " names '" + l.code() + "' twice");
            languages.add(l);
        }
        if (languages.isEmpty()) throw new SettingException(LANGUAGES, LANGUAGES + " must name at least one of " + String.join(", ", Language.codes()));
        Language defaultLanguage = s.has(DEFAULT_LANGUAGE) ? language(DEFAULT_LANGUAGE, s.text(DEFAULT_LANGUAGE, "")) : languages.get(0);
        if (!languages.contains(defaultLanguage)) {
            throw new SettingException(DEFAULT_LANGUAGE, DEFAULT_LANGUAGE + " '" + defaultLanguage.code() + "' is not one of the languages offered ("
                    + String.join(", ", languages.stream().map(Language::code).toList()) + ")");
        }

        String schema = s.text(DEFAULT_SCHEMA, DEFAULT_SCHEMA_ID);
        if (!SCHEMA_ID.matcher(schema).matches()) {
            throw new SettingException(DEFAULT_SCHEMA, DEFAULT_SCHEMA + " must be a schema id (lower-case letters, digits, '-' and '_', at most 64), not '"
                    + Settings.shown(schema) + "'");
        }

        String logoPath = s.text(LOGO, "");
        Logo logo = logoPath.isEmpty() ? builtInLogo() : readLogo(logoFolder.resolve(logoPath), logoPath);
        return new Branding(name, primary, secondary, languages, defaultLanguage, schema, logo);
    }

    /** The values of a branding as its configuration spells them, for reports. */
    public static Map<String, Object> describe(Branding b) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(NAME, b.name());
        values.put(LOGO, b.logo().fileName());
        values.put(PRIMARY_COLOUR, b.primaryColour());
        values.put(SECONDARY_COLOUR, b.secondaryColour());
        values.put(LANGUAGES, String.join(", ", b.languages().stream().map(Language::code).toList()));
        values.put(DEFAULT_LANGUAGE, b.defaultLanguage().code());
        values.put(DEFAULT_SCHEMA, b.defaultSchema());
        return values;
    }

    private static String colour(Settings s, String key, String dflt) {
        String value = s.text(key, dflt);
        if (!COLOUR.matcher(value).matches()) {
            throw new SettingException(key, key + " must be a colour written #rrggbb (such as #1d4f91), not '" + Settings.shown(value) + "'");
        }
        return value.toLowerCase(Locale.ROOT);
    }

    private static Language language(String key, String code) {
        Optional<Language> l = Language.codes().contains(code.toLowerCase(Locale.ROOT)) ? Language.of(code) : Optional.empty();
        return l.orElseThrow(() -> new SettingException(key, key + " may name only " + String.join(", ", Language.codes())
                + ", not '" + Settings.shown(code) + "'"));
    }

    /** The logo at {@code file}: an SVG, PNG, JPEG or WebP image of at most {@link #MAX_LOGO_BYTES}. */
    static Logo readLogo(Path file, String setting) {
        String fileName = file.getFileName() == null ? setting : file.getFileName().toString();
        String type = mediaType(fileName).orElseThrow(() -> new SettingException(LOGO,
                LOGO + " must be an .svg, .png, .jpg or .webp file, not '" + Settings.shown(setting) + "'"));
        if (!Files.isRegularFile(file)) {
            throw new SettingException(LOGO, LOGO + ": there is no file " + file.toAbsolutePath().normalize());
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_LOGO_BYTES + 1);
        } catch (IOException e) {
            throw new SettingException(LOGO, LOGO + ": " + file + " cannot be read (" + e.getMessage() + ")");
        }
        if (bytes.length > MAX_LOGO_BYTES) {
            throw new SettingException(LOGO, LOGO + ": " + fileName + " is larger than " + MAX_LOGO_BYTES / 1024 + " KiB");
        }
        if (!looksLike(type, bytes)) {
            throw new SettingException(LOGO, LOGO + ": " + fileName + " is not the " + type + " image its name says");
        }
        return new Logo(fileName, type, bytes);
    }

    public static Logo builtInLogo() {
        try (InputStream in = BrandingRules.class.getResourceAsStream(BUILT_IN_LOGO)) {
            if (in == null) throw new IllegalStateException("The bundle lost its " + BUILT_IN_LOGO);
            return new Logo(BUILT_IN_LOGO, "image/svg+xml", in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<String> mediaType(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".svg")) return Optional.of("image/svg+xml");
        if (lower.endsWith(".png")) return Optional.of("image/png");
        if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) return Optional.of("image/jpeg");
        if (lower.endsWith(".webp")) return Optional.of("image/webp");
        return Optional.empty();
    }

    /** The file's first bytes agree with its name: a renamed document is not served as an image. */
    static boolean looksLike(String type, byte[] bytes) {
        return switch (type) {
            case "image/png" -> bytes.length > 8 && (bytes[0] & 0xff) == 0x89 && Logo.startsWith(java.util.Arrays.copyOfRange(bytes, 1, 4), "PNG");
            case "image/jpeg" -> bytes.length > 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff;
            case "image/webp" -> bytes.length > 12 && Logo.startsWith(bytes, "RIFF") && Logo.startsWith(java.util.Arrays.copyOfRange(bytes, 8, 12), "WEBP");
            case "image/svg+xml" -> new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.UTF_8).contains("<svg");
            default -> false;
        };
    }
}
