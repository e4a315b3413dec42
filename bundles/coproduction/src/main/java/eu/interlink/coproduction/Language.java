package eu.interlink.coproduction;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages the platform speaks everywhere. English is the fallback of every translated text. */
public enum Language {
    EN, ES, IT, LV;

    public static final Language FALLBACK = EN;

    /** The ISO 639-1 code, as used in URLs, JSON keys and the database. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return Locale.forLanguageTag(code());
    }

    /** The language of an ISO 639-1 code (any case, region ignored: {@code es-ES} is Spanish), if supported. */
    public static Optional<Language> of(String code) {
        if (code == null) return Optional.empty();
        String base = code.trim().toLowerCase(Locale.ROOT);
        int dash = base.indexOf('-') >= 0 ? base.indexOf('-') : base.indexOf('_');
        if (dash >= 0) base = base.substring(0, dash);
        for (Language l : values()) {
            if (l.code().equals(base)) return Optional.of(l);
        }
        return Optional.empty();
    }

    /** Every code, in declaration order. */
    public static List<String> codes() {
        return List.of("en", "es", "it", "lv");
    }

    /**
     * The best supported language of an {@code Accept-Language} header (RFC 9110 §12.5.4, quality values
     * honoured), or {@link #FALLBACK} when none is supported or the header is absent or malformed.
     */
    public static Language negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) return FALLBACK;
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                if (range.getWeight() <= 0) continue;
                Optional<Language> l = of(range.getRange());
                if (l.isPresent()) return l.get();
            }
        } catch (IllegalArgumentException malformed) {
            // A header we cannot read is no reason to refuse the request.
        }
        return FALLBACK;
    }
}
