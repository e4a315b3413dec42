package eu.interlink.coproduction;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One translatable text, kept per language (keys are {@link Language#code()}s). Reading it in a language falls
 * back to English, then to any language it has, so a text is never shown empty when some translation exists.
 */
public record Translated(Map<String, String> values) {

    public static final Translated EMPTY = new Translated(Map.of());

    public Translated {
        Map<String, String> kept = new LinkedHashMap<>();
        if (values != null) {
            values.forEach((k, v) -> {
                if (k != null && v != null && !v.isBlank()) Language.of(k).ifPresent(l -> kept.put(l.code(), v));
            });
        }
        values = Collections.unmodifiableMap(kept);
    }

    public static Translated of(String english) {
        return new Translated(english == null ? Map.of() : Map.of("en", english));
    }

    /** The text in {@code language}, else English, else any; empty only when there is no text at all. */
    public Optional<String> in(Language language) {
        String v = values.get(language.code());
        if (v == null) v = values.get(Language.FALLBACK.code());
        if (v == null && !values.isEmpty()) v = values.values().iterator().next();
        return Optional.ofNullable(v);
    }

    /** The text exactly in {@code language}, without fallback. */
    public Optional<String> exactly(Language language) {
        return Optional.ofNullable(values.get(language.code()));
    }

    /** This text with {@code other}'s translations added or replacing its own. */
    public Translated with(Translated other) {
        Map<String, String> merged = new LinkedHashMap<>(values);
        merged.putAll(other.values);
        return new Translated(merged);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }
}
