package eu.interlink.kernel.service;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed reads of a Config Admin configuration ({@code etc/eu.interlink.*.cfg}) that refuse a bad value with a
 * {@link SettingException} naming the key and the rule, instead of a silent default. Values arrive as strings from
 * the files and {@code config:property-set}, or typed from other tools; both are accepted.
 */
public final class Settings {
    private final Map<String, ?> properties;

    private Settings(Map<String, ?> properties) {
        this.properties = properties == null ? Map.of() : properties;
    }

    public static Settings of(Map<String, ?> properties) {
        return new Settings(properties);
    }

    /** Whether the key is set to something other than blank. */
    public boolean has(String key) {
        Object v = properties.get(key);
        return v != null && !(v instanceof String s && s.isBlank());
    }

    /** A whole number from {@code min} to {@code max}, or {@code dflt} when the key is absent or blank. */
    public long longIn(String key, long dflt, long min, long max) {
        if (!has(key)) return dflt;
        Object v = properties.get(key);
        long value;
        if (v instanceof Number n && !(v instanceof Double) && !(v instanceof Float)) {
            value = n.longValue();
        } else {
            try {
                value = Long.parseLong(v.toString().trim());
            } catch (NumberFormatException e) {
                throw new SettingException(key, key + " must be a whole number from " + min + " to " + max + ", not '" + shown(v) + "'");
            }
        }
        if (value < min || value > max) {
            throw new SettingException(key, key + " must be from " + min + " to " + max + ", not " + value);
        }
        return value;
    }

    public int intIn(String key, int dflt, int min, int max) {
        return (int) longIn(key, dflt, min, max);
    }

    /** The trimmed text, or {@code dflt} when absent or blank. */
    public String text(String key, String dflt) {
        if (!has(key)) return dflt;
        Object v = properties.get(key);
        if (v instanceof String s) return s.trim();
        if (v.getClass().isArray() || v instanceof Collection) {
            throw new SettingException(key, key + " must be a single value, not a list");
        }
        return v.toString().trim();
    }

    /** A comma-separated list (or an array or collection), trimmed, without blanks; {@code dflt} when absent. */
    public List<String> list(String key, List<String> dflt) {
        if (!has(key)) return dflt;
        Object v = properties.get(key);
        List<String> out = new ArrayList<>();
        if (v.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(v); i++) add(out, String.valueOf(Array.get(v, i)));
        } else if (v instanceof Collection<?> c) {
            c.forEach(e -> add(out, String.valueOf(e)));
        } else {
            add(out, v.toString());
        }
        return out;
    }

    private static void add(List<String> out, String commaSeparated) {
        for (String part : commaSeparated.split(",")) {
            if (!part.isBlank()) out.add(part.trim());
        }
    }

    /**
     * Refuses a key that is not one of {@code known} (a misspelt key would otherwise be ignored without a word),
     * leaving aside the keys Config Admin, File Install and DS add themselves.
     */
    public void refuseUnknown(Set<String> known) {
        for (String key : new TreeSet<>(properties.keySet())) {
            if (known.contains(key) || isFramework(key)) continue;
            throw new SettingException(key, "'" + key + "' is not a setting here; the settings are " + String.join(", ", new TreeSet<>(known)));
        }
    }

    private static boolean isFramework(String key) {
        return key.startsWith("service.") || key.startsWith("component.") || key.startsWith("felix.")
                || key.startsWith("osgi.") || key.startsWith("org.apache.karaf.") || key.endsWith(".target");
    }

    /** Echoes a value in a message: short and printable. */
    public static String shown(Object value) {
        String s = String.valueOf(value).codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }
}
