package eu.interlink.stories;

import java.util.List;

/**
 * What a publisher writes; on an update, {@code null} leaves a part as it was.
 *
 * @param owners besides the publisher, who may change and unpublish the story (publishing only)
 */
public record StoryDraft(String title, String summary, List<String> keywords, List<Story.Material> materials,
        List<String> owners) {
}
