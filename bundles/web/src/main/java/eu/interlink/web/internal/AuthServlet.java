package eu.interlink.web.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import eu.interlink.identity.Account;
import eu.interlink.identity.IdentityService;
import eu.interlink.identity.OidcStart;
import eu.interlink.identity.SignUp;
import eu.interlink.identity.SignedIn;

/**
 * Signing up, in and out: {@code POST /api/v1/auth/sign-up}, {@code /sign-in}, {@code /sign-out}, and OpenID
 * Connect: {@code GET /api/v1/auth/oidc} sends the browser to the provider, which sends it back to
 * {@code GET /api/v1/auth/oidc/callback} (409 {@code oidc-disabled} when not configured).
 */
@Component(service = Api.class)
@ApiRoute(name = "interlink-api-auth", pattern = "/api/v1/auth/*")
public class AuthServlet extends Api {
    private static final long serialVersionUID = 1L;

    /** Binds an OpenID Connect attempt to the browser that started it (HttpOnly, 10 minutes). */
    private static final String OIDC_COOKIE = "interlink_oidc";

    @Reference
    private transient IdentityService identity;

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] path = segments(request);
        String what = String.join("/", path);
        switch (what) {
            case "sign-up" -> {
                if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
                    // What a sign-up form needs to say: which terms it accepts, how long a password must be.
                    json(response, 200, Map.of("termsVersion", identity.termsVersion(), "passwordMinLength", identity.passwordMinLength(),
                            "oidc", identity.oidcEnabled()));
                    return;
                }
                post(request, response);
                Map<String, Object> body = readObject(request);
                Bodies.onlyKnown(body, "", Set.of("name", "email", "password", "acceptTerms"));
                Object terms = body.get("acceptTerms");
                Account a = identity.signUp(new SignUp(Bodies.string(body, "name", "name"), Bodies.string(body, "email", "email"),
                        Bodies.string(body, "password", "password"), terms == null ? null : String.valueOf(terms)), request.getRemoteAddr());
                json(response, 201, MeServlet.account(a));
            }
            case "sign-in" -> {
                post(request, response);
                Map<String, Object> body = readObject(request);
                Bodies.onlyKnown(body, "", Set.of("name", "password"));
                SignedIn s = identity.signIn(Bodies.string(body, "name", "name"), Bodies.string(body, "password", "password"),
                        request.getRemoteAddr(), request.getHeader("User-Agent"));
                signedIn(response, s);
            }
            case "sign-out" -> {
                post(request, response);
                identity.signOut(Callers.requireSignedIn(request), request.getRemoteAddr());
                IdentityService.CookiePolicy policy = identity.cookies();
                response.addHeader("Set-Cookie", cookie(policy.sessionName(), "", true, policy.secure(), 0));
                response.addHeader("Set-Cookie", cookie(policy.csrfName(), "", false, policy.secure(), 0));
                response.setStatus(204);
            }
            case "oidc" -> {
                requireGet(request, response);
                OidcStart start = identity.oidcStart();
                response.addHeader("Set-Cookie", cookie(OIDC_COOKIE, start.binding(), true, identity.cookies().secure(), 600));
                response.setHeader("Cache-Control", "no-store");
                response.setStatus(302);
                response.setHeader("Location", start.authorizationUrl());
            }
            case "oidc/callback" -> {
                requireGet(request, response);
                // Whatever the outcome, the attempt is used up: its cookie goes.
                response.addHeader("Set-Cookie", cookie(OIDC_COOKIE, "", true, identity.cookies().secure(), 0));
                String error = request.getParameter("error");
                if (error != null) throw new Problem(401, "oidc-refused", "Sign-in refused", "The identity provider answered: " + clip(error));
                SignedIn s = identity.oidcComplete(request.getParameter("code"), request.getParameter("state"),
                        AuthenticationFilter.cookie(request, OIDC_COOKIE), request.getRemoteAddr(), request.getHeader("User-Agent"));
                signedIn(response, s);
            }
            default -> throw notFound(request);
        }
    }

    private static void post(HttpServletRequest request, HttpServletResponse response) {
        if (!"POST".equals(request.getMethod())) throw methodNotAllowed(response, request.getMethod(), "POST");
    }

    /** The session cookie (HttpOnly: scripts never see it) and the CSRF cookie (readable, to echo in a header). */
    private void signedIn(HttpServletResponse response, SignedIn s) throws IOException {
        IdentityService.CookiePolicy policy = identity.cookies();
        response.addHeader("Set-Cookie", cookie(policy.sessionName(), s.token(), true, policy.secure(), policy.maxAgeSeconds()));
        response.addHeader("Set-Cookie", cookie(policy.csrfName(), s.csrf(), false, policy.secure(), policy.maxAgeSeconds()));
        response.setHeader("Cache-Control", "no-store");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("account", MeServlet.account(s.account()));
        body.put("csrfToken", s.csrf());
        body.put("expiresAt", s.expiresAt().toString());
        json(response, 200, body);
    }

    /** Servlet 4 cookies cannot say SameSite, so the header is written whole. */
    static String cookie(String name, String value, boolean httpOnly, boolean secure, long maxAge) {
        return name + "=" + value + "; Path=/; Max-Age=" + maxAge + "; SameSite=Lax" + (httpOnly ? "; HttpOnly" : "") + (secure ? "; Secure" : "");
    }
}
