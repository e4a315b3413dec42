package eu.interlink.coproduction.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import eu.interlink.api.Nature;
import eu.interlink.coproduction.Translated;

/**
 * A catalogue entry as the kernel keeps it (table {@code catalogue_entry} and its children), before it is merged
 * with the registry.
 *
 * @param texts  per text field ({@link #NAME}…), the text in every language
 * @param codes  per list field ({@link #TARGET}…), the codes in order
 * @param tags   per language code, the tags in that language
 * @param files  the files it has, without their bytes
 * @param digest SHA-256 of everything above but the time: equal digests, equal entries
 */
record StoredEntry(String id, Nature nature, String origin, Map<String, Translated> texts, Map<String, List<String>> codes,
        Map<String, List<String>> tags, String difficulty, String licence, String form, String format, boolean sustainability,
        String softwareInterlinker, String source, List<FileRef> files, String digest, Instant updatedAt) {

    static final String NAME = "name";
    static final String DESCRIPTION = "description";
    static final String INSTRUCTIONS = "instructions";
    static final String CONSTRAINTS = "constraints";
    static final String REGULATIONS = "regulations";
    static final String URI = "uri";
    static final List<String> TEXT_FIELDS = List.of(NAME, DESCRIPTION, INSTRUCTIONS, CONSTRAINTS, REGULATIONS, URI);

    static final String TARGET = "target";
    static final String TYPE = "type";
    static final String ADMINISTRATIVE_SCOPE = "administrative_scope";
    static final String PROBLEM_PROFILE = "problem_profile";
    static final String LANGUAGE = "language";
    static final String TAG = "tag";
    static final List<String> CODE_FIELDS = List.of(TARGET, TYPE, ADMINISTRATIVE_SCOPE, PROBLEM_PROFILE, LANGUAGE);

    StoredEntry {
        texts = Map.copyOf(texts);
        codes = Map.copyOf(codes);
        tags = Map.copyOf(tags);
        files = List.copyOf(files);
    }

    Translated text(String field) {
        return texts.getOrDefault(field, Translated.EMPTY);
    }

    List<String> codes(String field) {
        return codes.getOrDefault(field, List.of());
    }

    /** This entry with its digest computed from its content. */
    StoredEntry digested() {
        return new StoredEntry(id, nature, origin, texts, codes, tags, difficulty, licence, form, format, sustainability,
                softwareInterlinker, source, files, Digests.of(this), updatedAt);
    }

    /** One file of an entry: the logo, a snapshot ({@code seq} orders them), or a resource in one language. */
    record FileRef(String kind, String lang, int seq, String name, String contentType, long size, String sha256) {
        static final String LOGO = "logo";
        static final String SNAPSHOT = "snapshot";
        static final String RESOURCE = "resource";

        String slot() {
            return kind + '/' + lang + '/' + seq;
        }
    }
}
