package eu.interlink.web.internal;

import java.util.List;
import java.util.Locale;

import javax.servlet.http.HttpServletRequest;

/** The languages the platform speaks, and the choice of one per request: {@code ?lang=}, else Accept-Language, else English. */
final class Languages {
    static final List<String> SUPPORTED = List.of("en", "es", "it", "lv");
    static final String DEFAULT = "en";

    private Languages() {
    }

    static String negotiate(HttpServletRequest request) {
        String explicit = request.getParameter("lang");
        if (explicit != null) {
            String lang = explicit.trim().toLowerCase(Locale.ROOT);
            if (!SUPPORTED.contains(lang)) {
                throw Problem.badParameter("lang", "Query parameter 'lang' must be one of " + SUPPORTED + ", not '" + Api.clip(explicit) + "'");
            }
            return lang;
        }
        String header = request.getHeader("Accept-Language");
        if (header != null && !header.isBlank()) {
            try {
                String best = Locale.lookupTag(Locale.LanguageRange.parse(header), SUPPORTED);
                if (best != null) return best;
            } catch (IllegalArgumentException malformed) {
                // A malformed header is the client's problem, but not one worth refusing a request for.
            }
        }
        return DEFAULT;
    }
}
