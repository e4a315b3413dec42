package eu.interlink.identity;

/** A token just made: the secret ({@code ilt_…}) is in this answer and nowhere else, ever. */
public record NewApiToken(ApiToken token, String secret) {
}
