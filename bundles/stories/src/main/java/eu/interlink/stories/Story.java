package eu.interlink.stories;

import java.time.Instant;
import java.util.List;

/**
 * A published story.
 *
 * @param processId       the frozen public copy the story tells about
 * @param sourceProcessId the process it was published from (it may have been deleted since)
 * @param language        the copy's language code
 * @param owners          who may change and unpublish the story; the publisher first
 * @param rating          the average of the ratings, 0 when there is none
 */
public record Story(String id, String processId, String sourceProcessId, String title, String summary, String language,
        List<String> keywords, List<Material> materials, List<String> owners, String publishedBy, Instant publishedAt,
        Instant updatedAt, double rating, int ratings) {

    public Story {
        keywords = List.copyOf(keywords);
        materials = List.copyOf(materials);
        owners = List.copyOf(owners);
    }

    /** A link to something worth reading with the story: a report, a video, a page. */
    public record Material(String title, String url) {
    }
}
