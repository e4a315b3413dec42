package eu.interlink.web.internal;

import java.util.Optional;

import javax.servlet.http.HttpServletRequest;

import eu.interlink.identity.Account;
import eu.interlink.identity.Caller;

/**
 * Who makes a request, as {@link AuthenticationFilter} established it: the account signed in by session cookie or
 * API token, or nobody ({@code anonymous}). Nothing a client merely states (a header, a parameter) names a caller.
 */
final class Callers {
    static final String ANONYMOUS = "anonymous";

    private Callers() {
    }

    /** The caller's account name, or {@code anonymous}. */
    static String caller(HttpServletRequest request) {
        return current(request).map(c -> c.account().name()).orElse(ANONYMOUS);
    }

    static Optional<Caller> current(HttpServletRequest request) {
        return request.getAttribute(AuthenticationFilter.CALLER) instanceof Caller c ? Optional.of(c) : Optional.empty();
    }

    /** The caller, or a 401 problem. */
    static Caller requireSignedIn(HttpServletRequest request) {
        return current(request).orElseThrow(() -> new Problem(401, "unauthenticated", "Not signed in",
                "Sign in first (POST /api/v1/auth/sign-in), or send an API token: Authorization: Bearer ilt_…"));
    }

    /** An operator, or a 401 (not signed in) or 403 (signed in without the role) problem. */
    static Caller requireOperator(HttpServletRequest request) {
        Caller c = requireSignedIn(request);
        if (!c.account().hasRole(Account.OPERATOR)) {
            throw new Problem(403, "forbidden", "Forbidden", "Only operators of the platform may do this; '" + c.account().name() + "' is not one");
        }
        return c;
    }
}
