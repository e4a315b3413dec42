package eu.interlink.kernel.service;

import java.util.Optional;

import eu.interlink.api.Nature;

/**
 * A search of the catalogue's Interlinkers.
 *
 * @param nature   only Interlinkers of this nature
 * @param text     words that must all appear in the id, tags, or the name or description in {@code language}
 * @param language the language to search and show texts in
 * @param offset   how many matches to skip
 * @param limit    how many to return at most
 */
public record InterlinkerQuery(Optional<Nature> nature, Optional<String> text, String language, int offset, int limit) {
    public static final int MAX_LIMIT = 100;
}
