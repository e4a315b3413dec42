package eu.interlink.coproduction;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The catalogue of Interlinkers of every nature: the registry's software Interlinkers merged with the entries the
 * kernel keeps. Failures are {@link eu.interlink.kernel.service.KernelException}s (400 naming the field, 404, 409).
 * (Search, facets, ratings and entry management are added to this interface by the catalogue work.)
 */
@ProviderType
public interface CatalogueService {

    Optional<CatalogueEntry> find(String id);

    /**
     * The entries that address the most of {@code problemProfiles}, best first (ties by rating, then name in
     * {@code language}); entries sharing none are left out.
     */
    List<CatalogueEntry> recommend(Collection<String> problemProfiles, Language language, int limit);

    /** A knowledge entry's resource file in {@code language}, else in English, else in any language it has. */
    Optional<CatalogueFile> resource(String entryId, Language language);
}
