package eu.interlink.identity;

/**
 * An authenticated request's caller: the account, and how it proved itself. Requests authenticated by a session
 * cookie carry the session's CSRF token, which unsafe methods must echo in a header.
 */
public record Caller(Account account, Via via, String credentialId, String csrf) {
    public enum Via { SESSION, TOKEN }
}
