package eu.interlink.web.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import eu.interlink.coproduction.FieldException;
import eu.interlink.coproduction.Language;
import eu.interlink.coproduction.Translated;

/**
 * Typed reading of a JSON request body, each fault a 400 naming the field as the client wrote it. A field that
 * is absent reads as null ("not given"); an unknown field is refused, so that a typo is not silently ignored.
 */
final class Bodies {
    private Bodies() {
    }

    static void onlyKnown(Map<String, Object> body, String prefix, Set<String> known) {
        for (String key : body.keySet()) {
            if (!known.contains(key)) {
                throw new FieldException(prefix + key, "Unknown field '" + Api.clip(prefix + key) + "'; known fields are " + String.join(", ", new java.util.TreeSet<>(known)));
            }
        }
    }

    static String string(Map<String, Object> body, String field, String path) {
        Object v = body.get(field);
        if (v == null) return null;
        if (!(v instanceof String s)) throw new FieldException(path, "'" + path + "' is a string");
        return s;
    }

    static Boolean bool(Map<String, Object> body, String field, String path) {
        Object v = body.get(field);
        if (v == null) return null;
        if (!(v instanceof Boolean b)) throw new FieldException(path, "'" + path + "' is true or false");
        return b;
    }

    static List<String> strings(Map<String, Object> body, String field, String path) {
        Object v = body.get(field);
        if (v == null) return null;
        if (!(v instanceof List<?> list)) throw new FieldException(path, "'" + path + "' is a list of strings");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String s)) throw new FieldException(path + "[" + i + "]", "'" + path + "[" + i + "]' is a string");
            out.add(s);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object v, String path) {
        if (!(v instanceof Map<?, ?>)) throw new FieldException(path, "'" + path + "' is a JSON object");
        return (Map<String, Object>) v;
    }

    static List<Object> list(Map<String, Object> body, String field, String path) {
        Object v = body.get(field);
        if (v == null) return null;
        if (!(v instanceof List<?> list)) throw new FieldException(path, "'" + path + "' is a list");
        return new ArrayList<>(list);
    }

    /** A text in one language (a string, taken as {@code language}) or in several ({@code {"en": …, "es": …}}). */
    static Translated texts(Map<String, Object> body, String field, String path, Language language) {
        Object v = body.get(field);
        if (v == null) return null;
        if (v instanceof String s) return s.isBlank() ? Translated.EMPTY : new Translated(Map.of(language.code(), s));
        if (!(v instanceof Map<?, ?> map)) throw new FieldException(path, "'" + path + "' is a string or an object of texts per language");
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String code = String.valueOf(e.getKey());
            if (Language.of(code).isEmpty() || code.length() != 2) {
                throw new FieldException(path + "." + code, "Texts are given per language: " + String.join(", ", Language.codes()));
            }
            if (!(e.getValue() instanceof String s)) throw new FieldException(path + "." + code, "'" + path + "." + code + "' is a string");
            values.put(code, s);
        }
        return new Translated(values);
    }

    /**
     * A date {@code yyyy-mm-dd}: null when absent (no change), an empty Optional for JSON {@code null} (remove it).
     */
    static Optional<LocalDate> date(Map<String, Object> body, String field, String path) {
        if (!body.containsKey(field)) return null;
        Object v = body.get(field);
        if (v == null) return Optional.empty();
        if (v instanceof String s) {
            try {
                return Optional.of(LocalDate.parse(s));
            } catch (DateTimeParseException bad) {
                // reported below
            }
        }
        throw new FieldException(path, "'" + path + "' is a date such as \"2025-05-31\", or null");
    }

    static <E extends Enum<E>> E choice(Map<String, Object> body, String field, String path, java.util.function.Function<String, Optional<E>> parse,
            String allowed) {
        String s = string(body, field, path);
        if (s == null) return null;
        return parse.apply(s).orElseThrow(() -> new FieldException(path, "'" + path + "' is one of " + allowed + ", not '" + Api.clip(s) + "'"));
    }
}
