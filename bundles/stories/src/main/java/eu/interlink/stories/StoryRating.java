package eu.interlink.stories;

import java.time.Instant;

/** One person's rating of a story: 1 to 5 stars and an optional comment. */
public record StoryRating(String user, int stars, String comment, Instant ratedAt) {
}
