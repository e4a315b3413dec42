package eu.interlink.teams.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import eu.interlink.teams.InvalidFieldException;

/** What organisations and teams accept: texts per language, names, lengths. Pure, so tested without a platform. */
final class Rules {
    private Rules() {
    }

    /** The platform's languages, in the order texts are kept. */
    static final List<String> LANGUAGES = List.of("en", "es", "it", "lv");
    static final int MAX_NAME = 200;
    static final int MAX_TEXT = 10_000;
    static final int MAX_MESSAGE = 2_000;
    static final int MAX_USER = 200;

    /**
     * Texts per language: keys among {@link #LANGUAGES}, each at most {@code max} characters; blank ones are
     * dropped. {@code required}: at least one must remain.
     */
    static Map<String, String> texts(Map<String, String> given, String field, int max, boolean required) {
        Map<String, String> out = new LinkedHashMap<>();
        if (given != null) {
            for (String key : given.keySet()) {
                if (!LANGUAGES.contains(key)) {
                    throw new InvalidFieldException(field + "." + clip(key), "Texts of '" + field + "' are given per language: "
                            + String.join(", ", LANGUAGES) + "; not '" + clip(key) + "'");
                }
            }
            for (String language : LANGUAGES) {
                String text = given.get(language);
                if (text == null || text.isBlank()) continue;
                if (text.length() > max) throw new InvalidFieldException(field + "." + language, "'" + field + "." + language + "' is at most " + max + " characters");
                out.put(language, text.trim());
            }
        }
        if (required && out.isEmpty()) {
            throw new InvalidFieldException(field, "'" + field + "' needs a text in at least one language of " + String.join(", ", LANGUAGES));
        }
        return out;
    }

    /** A team's name: 1 to {@link #MAX_NAME} characters, trimmed. */
    static String name(String name) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw new InvalidFieldException("name", "'name' is 1 to " + MAX_NAME + " characters");
        }
        return name.trim();
    }

    static String text(String text, String field, int max) {
        if (text == null) return "";
        if (text.length() > max) throw new InvalidFieldException(field, "'" + field + "' is at most " + max + " characters");
        return text.trim();
    }

    /** An account name as the platform keeps it: 1 to {@link #MAX_USER} printable characters. */
    static String userName(String name, String field) {
        if (name == null || name.isBlank() || name.length() > MAX_USER || name.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidFieldException(field, "'" + field + "' is an account name of 1 to " + MAX_USER + " printable characters");
        }
        return name.trim();
    }

    /** Whether {@code viewer} is nobody signed in. */
    static boolean anonymous(String viewer) {
        return viewer == null || viewer.isEmpty() || viewer.equals("anonymous");
    }

    static String clip(String s) {
        if (s == null) return "";
        String printable = s.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() <= 80 ? printable : printable.substring(0, 80) + "…";
    }
}
