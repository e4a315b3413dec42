package eu.interlink.identity;

import java.security.Principal;
import java.time.Instant;
import java.util.Set;

/**
 * A person who may sign in. The {@code name} is what the platform records as the author of what they do, and
 * what a request's principal is named.
 */
public record Account(String id, String name, String email, Set<String> roles, Instant createdAt, String termsVersion,
        Instant termsAcceptedAt, String oidcIssuer, String oidcSubject) implements Principal {
    /** The role of those who run the platform: the admin API, accounts, the audit log. */
    public static final String OPERATOR = "operator";

    public Account {
        roles = Set.copyOf(roles);
    }

    @Override
    public String getName() {
        return name;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
