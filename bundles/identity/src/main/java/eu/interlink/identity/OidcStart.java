package eu.interlink.identity;

/**
 * The start of an OpenID Connect sign-in: where to send the browser, and the value of the short-lived cookie that
 * binds the answer to this browser (state, nonce and PKCE verifier are kept by the server under it).
 */
public record OidcStart(String authorizationUrl, String binding) {
}
