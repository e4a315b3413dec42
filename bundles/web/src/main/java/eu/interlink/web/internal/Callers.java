package eu.interlink.web.internal;

import javax.servlet.http.HttpServletRequest;

/**
 * Who makes a request. TEMPORARY, until the accounts issue: the container's authenticated principal when there
 * is one, else the {@code X-Interlink-User} header, else {@code anonymous}. The header is trusted as sent, so
 * it identifies, it does not authenticate.
 */
final class Callers {
    static final String HEADER = "X-Interlink-User";
    static final String ANONYMOUS = "anonymous";

    private Callers() {
    }

    static String caller(HttpServletRequest request) {
        if (request.getUserPrincipal() != null) return request.getUserPrincipal().getName();
        String header = request.getHeader(HEADER);
        if (header == null) return ANONYMOUS;
        String name = header.trim();
        if (name.isEmpty() || name.length() > 200 || name.codePoints().anyMatch(Character::isISOControl)) {
            throw Problem.badParameter(HEADER, "Header '" + HEADER + "' names a user in 1 to 200 printable characters");
        }
        return name;
    }
}
