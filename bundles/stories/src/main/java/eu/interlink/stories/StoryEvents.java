package eu.interlink.stories;

/** Event Admin topics, with the kernel's subject properties ({@code subjectType} {@code story}). */
public final class StoryEvents {
    public static final String PUBLISHED = "eu/interlink/story/PUBLISHED";
    public static final String UPDATED = "eu/interlink/story/UPDATED";
    public static final String UNPUBLISHED = "eu/interlink/story/UNPUBLISHED";
    public static final String RATED = "eu/interlink/story/RATED";

    private StoryEvents() {
    }
}
