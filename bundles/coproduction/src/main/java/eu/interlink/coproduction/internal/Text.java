package eu.interlink.coproduction.internal;

import java.util.Locale;

/** Small helpers for messages. */
final class Text {
    private Text() {
    }

    static String label(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /** Client input quoted in a message: short and printable. */
    static String clip(String s) {
        if (s == null) return "";
        String printable = s.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() <= 80 ? printable : printable.substring(0, 80) + "…";
    }
}
