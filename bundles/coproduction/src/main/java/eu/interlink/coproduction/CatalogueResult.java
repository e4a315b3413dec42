package eu.interlink.coproduction;

import java.util.Map;

import eu.interlink.kernel.service.Page;

/**
 * One page of a catalogue search and the facets of the whole result: per facet, how many matching entries have
 * each value (most frequent first).
 */
public record CatalogueResult(Page<CatalogueEntry> page, Map<CatalogueFacet, Map<String, Integer>> facets) {
}
