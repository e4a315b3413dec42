package eu.interlink.coproduction;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A knowledge Interlinker as a knowledge pack describes it, with its files read: the catalogue checks it the way
 * it checks an external entry from the API and names the first wrong field.
 *
 * @param entry               texts and codes; nature {@link eu.interlink.api.Nature#KNOWLEDGE} and no {@code uri}
 * @param softwareInterlinker the software Interlinker that opens the resource, or {@code null}
 * @param resources           per language code, the template a task's knowledge asset is copied from
 * @param logo                its logo, if any
 * @param snapshots           pictures of it, in order
 */
public record KnowledgeDraft(EntryDraft entry, String softwareInterlinker, Map<String, CatalogueFile> resources,
        Optional<CatalogueFile> logo, List<CatalogueFile> snapshots) {

    public KnowledgeDraft {
        resources = Map.copyOf(resources);
        logo = logo == null ? Optional.empty() : logo;
        snapshots = List.copyOf(snapshots);
    }
}
