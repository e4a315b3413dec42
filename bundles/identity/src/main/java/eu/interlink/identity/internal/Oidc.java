package eu.interlink.identity.internal;

import eu.interlink.identity.IdentityException;
import eu.interlink.identity.OidcStart;

/**
 * OpenID Connect sign-in against the configured provider. NOT YET IMPLEMENTED in this part of issue #5: the
 * settings are read and checked, and the endpoints answer 501 until the authorization code flow lands.
 */
final class Oidc {
    record Identity(String issuer, String subject, String email, String preferredName) {
    }

    private final IdentityConfig config;

    Oidc(IdentityConfig config) {
        this.config = config;
    }

    OidcStart start() {
        throw notYet();
    }

    Identity complete(String code, String state, String binding) {
        throw notYet();
    }

    private IdentityException notYet() {
        return new IdentityException(501, "not-implemented", "Not implemented",
                "Sign-in with OpenID Connect (issuer " + config.oidcIssuer() + ") is configured but not yet implemented on this platform");
    }
}
