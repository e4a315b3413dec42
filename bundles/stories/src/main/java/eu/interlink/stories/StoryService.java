package eu.interlink.stories;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import eu.interlink.kernel.service.Page;

/**
 * Publishing, finding and rating stories. {@code user} is who asks. Reading needs nobody; publishing needs an
 * administrator of a finished process; changing and unpublishing need an owner; rating needs a signed-in person.
 * Failures are {@link eu.interlink.kernel.service.KernelException}s: 400 naming the field, 401, 403, 404, 409.
 */
@ProviderType
public interface StoryService {

    /**
     * Copies the finished process (its tree, grants and assets with their data), freezes the copy and tells its
     * story, all or nothing. The publisher and the owners become the copy's administrators, so that any of them
     * may unpublish it. 409 when the process is not finished or is itself a frozen copy.
     */
    Publication publish(String processId, StoryDraft draft, String user);

    Optional<Story> find(String id);

    /** The story published from this frozen copy, if any. */
    Optional<Story> findByProcess(String processId);

    Page<Story> search(StoryQuery query);

    /** Keywords in use with how many stories have each, most used first: the facet of the catalogue of stories. */
    List<KeywordCount> keywords(int limit);

    record KeywordCount(String keyword, int stories) {
    }

    /** Changes the texts, keywords or materials; owners only. */
    Story update(String id, StoryDraft changes, String user);

    /** Deletes the story and its frozen copy; owners only. */
    void unpublish(String id, String user);

    /** Rates the story, or changes the caller's rating. */
    Story rate(String id, int stars, String comment, String user);

    /** Newest first. */
    Page<StoryRating> ratings(String id, int offset, int limit);
}
