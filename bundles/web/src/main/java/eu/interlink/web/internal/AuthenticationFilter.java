package eu.interlink.web.internal;

import java.io.IOException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Optional;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterAsyncSupported;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

import eu.interlink.identity.Caller;
import eu.interlink.identity.IdentityService;
import eu.interlink.kernel.service.KernelException;

/**
 * Authenticates every request of the platform (the API, the Interlinkers' own pages) once, before any servlet:
 * an API token ({@code Authorization: Bearer ilt_…}) or the session cookie. The request then carries the account
 * as its principal ({@code getUserPrincipal}, {@code isUserInRole}), which is how Interlinkers learn who calls.
 *
 * <p>Cookies are sent by browsers on their own, so a cookie-authenticated request with an unsafe method must also
 * echo the session's CSRF token in {@code X-CSRF-Token} (double submit: a page of another site can neither read
 * the {@code interlink_csrf} cookie nor set the header). Token-authenticated requests need no such proof.
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterName(AuthenticationFilter.NAME)
@HttpWhiteboardFilterPattern("/*")
// Async too: the live notification stream (NotificationStreamServlet) holds its request open asynchronously.
@HttpWhiteboardFilterAsyncSupported
public class AuthenticationFilter implements Filter {
    static final String NAME = "interlink-authentication";
    static final String CALLER = "eu.interlink.identity.caller";
    static final String CSRF_HEADER = "X-CSRF-Token";

    @Reference
    private IdentityService identity;

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        IdentityService.CookiePolicy policy = identity.cookies();
        Optional<Caller> caller;
        try {
            caller = identity.authenticate(request.getHeader("Authorization"), cookie(request, policy.sessionName()));
        } catch (KernelException refused) {
            Api.problem(request, response, Problem.of(refused).with("scheme", "Bearer"));
            return;
        } catch (RuntimeException storeDown) {
            Api.problem(request, response, new Problem(503, "unavailable", "Service unavailable", "Accounts cannot be checked now; try again shortly"));
            return;
        }
        if (caller.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Caller c = caller.get();
        if (c.via() == Caller.Via.SESSION && !safe(request.getMethod()) && !csrfMatches(request, c, policy)) {
            Api.problem(request, response, new Problem(403, "csrf", "CSRF token missing or wrong",
                    "A request signed in by cookie must send the value of the '" + policy.csrfName() + "' cookie in the " + CSRF_HEADER + " header"));
            return;
        }
        request.setAttribute(CALLER, c);
        chain.doFilter(new Authenticated(request, c), response);
    }

    private static boolean csrfMatches(HttpServletRequest request, Caller c, IdentityService.CookiePolicy policy) {
        String header = request.getHeader(CSRF_HEADER);
        String cookie = cookie(request, policy.csrfName());
        return header != null && cookie != null && equal(header, cookie) && equal(header, c.csrf());
    }

    private static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    static boolean safe(String method) {
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }

    static String cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) return null;
        for (Cookie c : cookies) {
            if (name.equals(c.getName())) return c.getValue();
        }
        return null;
    }

    /** The request as the account makes it. */
    private static final class Authenticated extends HttpServletRequestWrapper {
        private final Caller caller;

        Authenticated(HttpServletRequest request, Caller caller) {
            super(request);
            this.caller = caller;
        }

        @Override
        public Principal getUserPrincipal() {
            return caller.account();
        }

        @Override
        public String getRemoteUser() {
            return caller.account().name();
        }

        @Override
        public boolean isUserInRole(String role) {
            return caller.account().hasRole(role);
        }

        @Override
        public String getAuthType() {
            return caller.via() == Caller.Via.TOKEN ? "BEARER" : FORM_AUTH;
        }
    }
}
