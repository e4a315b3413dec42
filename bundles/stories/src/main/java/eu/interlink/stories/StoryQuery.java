package eu.interlink.stories;

import java.util.Optional;

/**
 * A search of the stories.
 *
 * @param text     words that must all appear in the title, the summary or a keyword (case-insensitive)
 * @param keyword  only stories with this keyword
 * @param language only stories in this language
 * @param process  only the stories told about this process: published from it, or it is their frozen copy
 */
public record StoryQuery(Optional<String> text, Optional<String> keyword, Optional<String> language,
        Optional<String> process, Sort sort, int offset, int limit) {

    public enum Sort {
        /** Newest first. */
        RECENT,
        /** Best rated first, then most rated, then newest. */
        RATING
    }
}
