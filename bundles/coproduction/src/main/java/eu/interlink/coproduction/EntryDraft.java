package eu.interlink.coproduction;

import java.util.List;
import java.util.Map;

import eu.interlink.api.Nature;

/**
 * An external entry as a client creates or replaces it through the API (the catalogue checks every field and
 * names the first wrong one). Lists may be empty, codes {@code null}.
 *
 * @param nature {@link Nature#EXTERNAL_SOFTWARE} or {@link Nature#EXTERNAL_KNOWLEDGE}
 * @param uri    the link, per language; English or another language at least
 * @param tags   per language code, the tags in that language
 */
public record EntryDraft(String id, Nature nature, Translated name, Translated description, Translated instructions,
        Translated constraints, Translated regulations, Translated uri, Map<String, List<String>> tags,
        List<String> problemProfiles, String difficulty, String licence, List<String> targets, List<String> types,
        List<String> administrativeScopes, String form, String format, List<String> languages, boolean sustainability) {
}
