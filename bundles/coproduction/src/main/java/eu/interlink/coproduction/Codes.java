package eu.interlink.coproduction;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import eu.interlink.api.Nature;

/**
 * The original platform's vocabularies for catalogue metadata, and the spellings of natures. Imports keep what the
 * data says (a code outside a vocabulary is kept and reported); the API accepts only these.
 */
public final class Codes {
    public static final Set<String> DIFFICULTIES = Set.of("very_easy", "easy", "medium", "difficult", "very_difficult");
    public static final Set<String> LICENCES = Set.of("public_domain", "permissive", "copyleft", "non_commercial", "proprietary");
    public static final Set<String> ADMINISTRATIVE_SCOPES = Set.of("eu", "national", "local");
    public static final Set<String> FORMS = Set.of("software", "visual_template", "document_template", "canvas", "best_practices",
            "guidelines", "checklist", "survey_template", "legal_agreement_template", "other");
    public static final Set<String> FORMATS = Set.of("pdf", "editable_source_document", "open_document", "structured_format", "software");
    /** Targets and types are paths in a tree, {@code all;businesses}: lower-case words joined by semicolons. */
    public static final Pattern HIERARCHICAL = Pattern.compile("[a-z0-9_]+(;[a-z0-9_]+)*");
    /** Ids of kept entries: they become a URL segment, so no slashes, spaces or dots at the start. */
    public static final Pattern ENTRY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,199}");
    /** Problem profile ids such as {@code ORG_PROBLEM_6.1}. */
    public static final Pattern PROFILE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");

    private Codes() {
    }

    /** The API's label of a nature: {@code external-software}. */
    public static String label(Nature nature) {
        return nature.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The column value of a nature: {@code external_software}. */
    public static String column(Nature nature) {
        return nature.name().toLowerCase(Locale.ROOT);
    }

    /**
     * A nature from its API label ({@code external-software}) or its stored spelling ({@code external_software}),
     * any case.
     */
    public static Optional<Nature> nature(String text) {
        if (text == null) return Optional.empty();
        String n = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Nature nature : Nature.values()) {
            if (nature.name().equals(n)) return Optional.of(nature);
        }
        return Optional.empty();
    }

    /** The licence codes as the original data spells them, with its known misspelling mended. */
    public static String licence(String code) {
        return "propietary".equals(code) ? "proprietary" : code;
    }

    /** Whether {@code code} is {@code filter} or below it in a hierarchical vocabulary. */
    public static boolean under(String code, String filter) {
        return code.equals(filter) || code.startsWith(filter + ";");
    }

    public static List<String> sorted(Set<String> vocabulary) {
        return vocabulary.stream().sorted().toList();
    }
}
