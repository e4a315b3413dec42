package eu.interlink.coproduction;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import eu.interlink.api.Capability;
import eu.interlink.api.Nature;
import eu.interlink.kernel.service.InterlinkerEntry;

/**
 * One Interlinker of the catalogue, of any nature: a software one as a bundle describes it (enriched by imported
 * metadata of the same id), a knowledge one from a knowledge pack or an import, an external one from an import or
 * the API. Translated fields are kept per language; list-valued codes are the original platform's vocabularies.
 *
 * @param nature            empty only for a bundle whose descriptor could not be read (a rejected registration)
 * @param origin            where the entry comes from: {@code bundle}, {@code pack} (a knowledge pack), {@code import} or {@code api}
 * @param instructions      Markdown, per language
 * @param tags              per language code, the tags in that language
 * @param difficulty        a code such as {@code easy}, or {@code null} when unknown (so are licence, form, format)
 * @param uri               for external entries, the link per language
 * @param logo              the file name of its logo, if any (served by the catalogue)
 * @param snapshots         file names of its snapshots, in order
 * @param resources         for knowledge entries, the resource file name per language code
 * @param softwareInterlinker for knowledge entries, the id of the software Interlinker that opens its resource
 * @param capabilities      for software entries, what its bundle declares; empty for other natures
 * @param available         whether it can be used now (a software entry needs a bundle serving it)
 * @param ratingAverage     average of its ratings (1 to 5), empty when it has none
 * @param sustainability    whether it helps with the sustainability of a service (the original's flag)
 * @param registration      for an Interlinker a bundle registers, that registration (serving, or a rejected one)
 */
public record CatalogueEntry(String id, Nature nature, String origin, Translated name, Translated description,
        Translated instructions, Translated constraints, Translated regulations, Map<String, List<String>> tags,
        List<String> problemProfiles, String difficulty, String licence, List<String> targets, List<String> types,
        List<String> administrativeScopes, String form, String format, List<String> languages, Translated uri,
        Optional<String> logo, List<String> snapshots, Map<String, String> resources,
        Optional<String> softwareInterlinker, Set<Capability> capabilities, boolean available,
        Optional<Double> ratingAverage, int ratingCount, Instant updatedAt, boolean sustainability,
        Optional<InterlinkerEntry> registration) {

    public static final String BUNDLE = "bundle";
    public static final String IMPORT = "import";
    public static final String API = "api";
    /** A knowledge Interlinker read from a knowledge pack bundle ({@link KnowledgeCatalogue}). */
    public static final String PACK = "pack";

    /** The tags in {@code language}, else the English ones, else none. */
    public List<String> tags(Language language) {
        List<String> t = tags.get(language.code());
        if (t == null || t.isEmpty()) t = tags.get(Language.FALLBACK.code());
        return t == null ? List.of() : t;
    }
}
