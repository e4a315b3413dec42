package eu.interlink.coproduction;

import java.util.List;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where the knowledge extender puts the entries of knowledge packs (bundles with an {@code Interlink-Knowledge}
 * header): they are listed with origin {@link CatalogueEntry#PACK} while their pack is there. A pack is named by
 * its bundle's symbolic name.
 */
@ProviderType
public interface KnowledgeCatalogue {

    /**
     * Makes the pack's entries exactly {@code entries}, all or nothing: new ones are added, changed ones replaced,
     * unchanged ones left untouched, and the pack's entries that are no longer in it removed.
     *
     * @return the ids of the pack's entries, in the order given
     * @throws FieldException naming the first invalid field (the detail names the entry)
     * @throws eu.interlink.kernel.service.KernelException 409 when an id belongs to another pack, an import, the
     *         API or a software Interlinker
     */
    List<String> publish(String pack, List<KnowledgeDraft> entries);

    /**
     * Removes the pack's entries from the catalogue. Their ratings are kept for when the pack returns, and knowledge
     * assets already copied from them keep their data (it is theirs).
     *
     * @return the ids removed
     */
    List<String> withdraw(String pack);

    /** The packs that have entries in the catalogue now. */
    Set<String> packs();
}
