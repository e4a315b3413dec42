package eu.interlink.coproduction;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import eu.interlink.api.Capability;
import eu.interlink.api.Nature;

/**
 * One Interlinker of the catalogue, of any nature: a software one as a bundle describes it (enriched by imported
 * metadata of the same id), a knowledge one from a knowledge pack or an import, an external one from an import or
 * the API. Translated fields are kept per language; list-valued codes are the original platform's vocabularies.
 *
 * @param origin            where the entry comes from: {@code bundle}, {@code import} or {@code api}
 * @param instructions      Markdown, per language
 * @param tags              per language code, the tags in that language
 * @param uri               for external entries, the link per language
 * @param logo              the file name of its logo, if any (served by the catalogue)
 * @param snapshots         file names of its snapshots, in order
 * @param resources         for knowledge entries, the resource file name per language code
 * @param softwareInterlinker for knowledge entries, the id of the software Interlinker that opens its resource
 * @param capabilities      for software entries, what its bundle declares; empty for other natures
 * @param available         whether it can be used now (a software entry needs a bundle serving it)
 * @param ratingAverage     average of its ratings (1 to 5), empty when it has none
 */
public record CatalogueEntry(String id, Nature nature, String origin, Translated name, Translated description,
        Translated instructions, Translated constraints, Translated regulations, Map<String, List<String>> tags,
        List<String> problemProfiles, String difficulty, String licence, List<String> targets, List<String> types,
        List<String> administrativeScopes, String form, String format, List<String> languages, Translated uri,
        Optional<String> logo, List<String> snapshots, Map<String, String> resources,
        Optional<String> softwareInterlinker, Set<Capability> capabilities, boolean available,
        Optional<Double> ratingAverage, int ratingCount, Instant updatedAt) {
}
