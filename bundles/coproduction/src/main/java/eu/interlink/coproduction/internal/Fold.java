package eu.interlink.coproduction.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text as search compares it: without accents, markup or case, so "Participación" matches "participacion". */
final class Fold {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern TAGS = Pattern.compile("<[^>]*>");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Fold() {
    }

    static String fold(String text) {
        if (text == null || text.isEmpty()) return "";
        String plain = TAGS.matcher(text).replaceAll(" ");
        String decomposed = Normalizer.normalize(plain, Normalizer.Form.NFD);
        String bare = MARKS.matcher(decomposed).replaceAll("");
        return SPACES.matcher(bare.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
