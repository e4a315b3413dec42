package eu.interlink.coproduction;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import eu.interlink.kernel.service.Page;

/**
 * The catalogue of Interlinkers of every nature: the registry's software Interlinkers merged with the entries the
 * kernel keeps. Failures are {@link eu.interlink.kernel.service.KernelException}s: 400 ({@link FieldException}
 * naming the field), 404, 409.
 */
@ProviderType
public interface CatalogueService {

    /**
     * The entry of {@code id}: the one a bundle serves (with imported metadata of the same id), else a kept
     * entry, else the most telling registration (a rejected one).
     */
    Optional<CatalogueEntry> find(String id);

    /** Searches, filters, ranks and pages the catalogue, and counts the facets of the whole result. */
    CatalogueResult search(CatalogueQuery query);

    /**
     * A number that changes whenever what the catalogue shows may have changed (an import, an entry saved, a
     * rating, an Interlinker arriving or leaving): equal numbers, equal answers.
     */
    long revision();

    /**
     * The entries that share problem profiles with {@code id}'s, most shared first (ties by rating, then name in
     * {@code language}); never {@code id} itself, nor entries that cannot be used now.
     *
     * @throws eu.interlink.kernel.service.KernelException 404 for an unknown id
     */
    List<CatalogueEntry> related(String id, Language language, int limit);

    /**
     * The entries that address the most of {@code problemProfiles}, best first (ties by rating, then name in
     * {@code language}); entries sharing none are left out.
     */
    List<CatalogueEntry> recommend(Collection<String> problemProfiles, Language language, int limit);

    /** A knowledge entry's resource file in {@code language}, else in English, else in any language it has. */
    Optional<CatalogueFile> resource(String entryId, Language language);

    Optional<CatalogueFile> logo(String entryId);

    /** The entry's snapshot at {@code index} (0 is the first). */
    Optional<CatalogueFile> snapshot(String entryId, int index);

    /**
     * Adds an external entry (origin {@code api}).
     *
     * @throws FieldException naming the first invalid field
     * @throws eu.interlink.kernel.service.KernelException 409 when the id is taken
     */
    CatalogueEntry create(EntryDraft draft);

    /**
     * Replaces an external entry made through the API ({@code draft.id()} must be {@code id} or empty).
     *
     * @throws eu.interlink.kernel.service.KernelException 404 unknown, 409 for an entry that did not come from the API
     */
    CatalogueEntry update(String id, EntryDraft draft);

    /** Deletes an external entry made through the API, with its ratings (404 unknown, 409 not from the API). */
    void delete(String id);

    /**
     * Saves {@code user}'s rating of an entry, replacing the one they gave before.
     *
     * @throws FieldException for a value outside 1-5, a text over 2,000 characters or no user
     * @throws eu.interlink.kernel.service.KernelException 404 for an unknown entry
     */
    Rating rate(String entryId, String user, int value, String text);

    /** The ratings of an entry, newest first (404 for an unknown entry). */
    Page<Rating> ratings(String entryId, int offset, int limit);
}
