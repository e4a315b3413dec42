package eu.interlink.coproduction;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A search of the catalogue.
 *
 * @param text      words that must all appear (accents and case ignored) in the id, name, description or tags
 *                  in {@code language}; results are ranked, name matches first
 * @param language  the language to search and show texts in (English where a text has no translation)
 * @param filters   per facet, the values accepted (any of them); facets not given do not filter
 * @param minRating only entries whose average rating is at least this (0: no condition)
 * @param offset    how many matches to skip
 * @param limit     how many to return at most
 */
public record CatalogueQuery(Optional<String> text, Language language, Map<CatalogueFacet, Set<String>> filters,
        double minRating, int offset, int limit) {
    public static final int MAX_LIMIT = 100;

    public CatalogueQuery {
        Map<CatalogueFacet, Set<String>> copy = new EnumMap<>(CatalogueFacet.class);
        filters.forEach((f, values) -> {
            if (values != null && !values.isEmpty()) copy.put(f, Set.copyOf(new LinkedHashSet<>(values)));
        });
        filters = Map.copyOf(copy);
        text = text.map(String::strip).filter(t -> !t.isEmpty());
    }

    /** Everything, in {@code language}. */
    public static CatalogueQuery all(Language language, int offset, int limit) {
        return new CatalogueQuery(Optional.empty(), language, Map.of(), 0, offset, limit);
    }
}
