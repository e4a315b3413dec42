package eu.interlink.coproduction.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import eu.interlink.api.Nature;
import eu.interlink.coproduction.CatalogueEntry;
import eu.interlink.coproduction.Codes;
import eu.interlink.coproduction.EntryDraft;
import eu.interlink.coproduction.FieldException;
import eu.interlink.coproduction.KnowledgeDraft;
import eu.interlink.coproduction.Language;
import eu.interlink.coproduction.Translated;
import eu.interlink.coproduction.internal.StoredEntry.FileRef;

/**
 * Checks an external entry sent through the API, or a knowledge Interlinker of a pack, naming the first wrong field,
 * and turns it into a kept entry.
 */
final class Drafts {
    static final int MAX_NAME = 200;
    static final int MAX_TEXT = 20_000;
    static final int MAX_INSTRUCTIONS = 200_000;
    static final int MAX_TAGS = 50;
    static final int MAX_CODES = 50;
    static final int MAX_TAG = 100;

    private Drafts() {
    }

    static StoredEntry toEntry(EntryDraft d, Set<String> knownProfiles) {
        if (d.id() == null || !Codes.ENTRY_ID.matcher(d.id()).matches()) {
            throw new FieldException("id", "'id' must be 1 to 200 letters, digits, '_', '.' or '-', starting with a letter or digit");
        }
        if (d.nature() != Nature.EXTERNAL_SOFTWARE && d.nature() != Nature.EXTERNAL_KNOWLEDGE) {
            throw new FieldException("nature", "'nature' must be external-software or external-knowledge: software Interlinkers are bundles,"
                    + " knowledge ones come from knowledge packs and imports");
        }
        Translated name = text("name", d.name(), MAX_NAME);
        if (name.exactly(Language.FALLBACK).isEmpty()) {
            throw new FieldException("name", "'name' needs an English text (\"en\"): English is the fallback of every language");
        }
        Translated uri = text("uri", d.uri(), 2000);
        if (uri.isEmpty()) throw new FieldException("uri", "'uri' needs the link in one language at least, such as {\"en\": \"https://…\"}");
        for (Map.Entry<String, String> u : uri.values().entrySet()) {
            if (!webAddress(u.getValue())) {
                throw new FieldException("uri", "'uri' in '" + u.getKey() + "' must be an absolute http or https address");
            }
        }
        return entry(d, CatalogueEntry.API, name, uri, p -> knownProfiles.contains(p),
                "which is not a known problem profile (GET /api/v1/problemprofiles)", null, null, List.of());
    }

    /**
     * Checks a knowledge Interlinker of a pack the way {@link #toEntry} checks an external entry. Problem profiles
     * need only be well-formed: a pack may arrive before the import that brings their texts.
     */
    static StoredEntry toKnowledge(KnowledgeDraft k, String pack, List<FileRef> files) {
        EntryDraft d = k.entry();
        if (d.id() == null || !Codes.ENTRY_ID.matcher(d.id()).matches()) {
            throw new FieldException("id", "'id' must be 1 to 200 letters, digits, '_', '.' or '-', starting with a letter or digit");
        }
        if (d.nature() != Nature.KNOWLEDGE) throw new FieldException("nature", "'nature' of an entry of a knowledge pack must be knowledge");
        Translated name = text("name", d.name(), MAX_NAME);
        if (name.exactly(Language.FALLBACK).isEmpty()) {
            throw new FieldException("name", "'name' needs an English text (\"en\"): English is the fallback of every language");
        }
        if (d.uri() != null && !d.uri().isEmpty()) {
            throw new FieldException("uri", "a knowledge Interlinker has resource files, not a link: external ones are made through the API");
        }
        if (k.resources().isEmpty()) throw new FieldException("resources", "a knowledge Interlinker needs a resource file in one language at least");
        String software = k.softwareInterlinker();
        if (software != null && !Codes.ENTRY_ID.matcher(software).matches()) {
            throw new FieldException("softwareInterlinker", "'softwareInterlinker' must be the id of an Interlinker, not '" + clip(software) + "'");
        }
        return entry(d, CatalogueEntry.PACK, name, Translated.EMPTY, p -> Codes.PROFILE_ID.matcher(p).matches(),
                "which is not a problem profile id (such as ORG_PROBLEM_1)", software, pack, files);
    }

    /** The fields every kept entry has, checked, after the id, nature, name and link. */
    private static StoredEntry entry(EntryDraft d, String origin, Translated name, Translated uri, Predicate<String> profileOk,
            String badProfile, String softwareInterlinker, String source, List<FileRef> files) {
        Map<String, Translated> texts = new LinkedHashMap<>();
        texts.put(StoredEntry.NAME, name);
        texts.put(StoredEntry.DESCRIPTION, text("description", d.description(), MAX_TEXT));
        texts.put(StoredEntry.INSTRUCTIONS, text("instructions", d.instructions(), MAX_INSTRUCTIONS));
        texts.put(StoredEntry.CONSTRAINTS, text("constraints", d.constraints(), MAX_TEXT));
        texts.put(StoredEntry.REGULATIONS, text("regulations", d.regulations(), MAX_TEXT));
        texts.put(StoredEntry.URI, uri);

        Map<String, List<String>> tags = new LinkedHashMap<>();
        if (d.tags() != null) {
            for (Map.Entry<String, List<String>> t : d.tags().entrySet()) {
                if (Language.of(t.getKey()).filter(l -> l.code().equals(t.getKey())).isEmpty()) {
                    throw new FieldException("tags", "'tags' has language '" + t.getKey() + "': use " + String.join(", ", Language.codes()));
                }
                List<String> list = distinct("tags", t.getValue());
                if (list.size() > MAX_TAGS) throw new FieldException("tags", "'tags' may have at most " + MAX_TAGS + " tags per language");
                for (String tag : list) {
                    if (tag.length() > MAX_TAG) throw new FieldException("tags", "each tag may have at most " + MAX_TAG + " characters");
                }
                if (!list.isEmpty()) tags.put(t.getKey(), list);
            }
        }
        List<String> profiles = distinct("problemProfiles", d.problemProfiles());
        for (String p : profiles) {
            if (!profileOk.test(p)) {
                throw new FieldException("problemProfiles", "'problemProfiles' names '" + clip(p) + "', " + badProfile);
            }
        }
        List<String> targets = hierarchical("targets", d.targets());
        List<String> types = hierarchical("types", d.types());
        List<String> scopes = vocabulary("administrativeScopes", distinct("administrativeScopes", d.administrativeScopes()), Codes.ADMINISTRATIVE_SCOPES);
        List<String> languages = vocabulary("languages", distinct("languages", d.languages()), Set.copyOf(Language.codes()));
        Map<String, List<String>> codes = new LinkedHashMap<>();
        codes.put(StoredEntry.TARGET, targets);
        codes.put(StoredEntry.TYPE, types);
        codes.put(StoredEntry.ADMINISTRATIVE_SCOPE, scopes);
        codes.put(StoredEntry.PROBLEM_PROFILE, profiles);
        codes.put(StoredEntry.LANGUAGE, languages);
        return new StoredEntry(d.id(), d.nature(), origin, texts, codes, tags,
                code("difficulty", d.difficulty(), Codes.DIFFICULTIES), code("licence", d.licence(), Codes.LICENCES),
                code("form", d.form(), Codes.FORMS), code("format", d.format(), Codes.FORMATS), d.sustainability(), softwareInterlinker, source,
                files, null, Instant.now()).digested();
    }

    private static Translated text(String field, Translated t, int max) {
        if (t == null) return Translated.EMPTY;
        for (Map.Entry<String, String> v : t.values().entrySet()) {
            if (v.getValue().length() > max) {
                throw new FieldException(field, "'" + field + "' in '" + v.getKey() + "' may have at most " + max + " characters");
            }
        }
        return t;
    }

    private static boolean webAddress(String text) {
        try {
            URI u = new URI(text.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String code(String field, String value, Set<String> vocabulary) {
        if (value == null) return null;
        if (!vocabulary.contains(value)) {
            throw new FieldException(field, "'" + field + "' must be one of " + String.join(", ", Codes.sorted(vocabulary)) + ", not '" + clip(value) + "'");
        }
        return value;
    }

    private static List<String> vocabulary(String field, List<String> values, Set<String> vocabulary) {
        for (String v : values) code(field, v, vocabulary);
        return values;
    }

    private static List<String> hierarchical(String field, List<String> raw) {
        List<String> values = distinct(field, raw);
        for (String v : values) {
            if (!Codes.HIERARCHICAL.matcher(v).matches() || v.length() > 200) {
                throw new FieldException(field, "each of '" + field + "' must be lower-case words joined by ';', such as all;businesses, not '" + clip(v) + "'");
            }
        }
        return values;
    }

    private static List<String> distinct(String field, List<String> values) {
        if (values == null) return List.of();
        List<String> out = values.stream().filter(v -> v != null).map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
        if (out.size() > MAX_CODES) throw new FieldException(field, "'" + field + "' may have at most " + MAX_CODES + " values");
        return out;
    }

    static String clip(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }
}
