package eu.interlink.kernel.service;

import java.util.List;

/** One page of a longer list: {@code total} counts all matches, not just {@code items}. */
public record Page<T>(List<T> items, int total, int offset, int limit) {
}
