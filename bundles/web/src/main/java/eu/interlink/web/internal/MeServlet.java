package eu.interlink.web.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import eu.interlink.identity.Account;
import eu.interlink.identity.ApiToken;
import eu.interlink.identity.Caller;
import eu.interlink.identity.IdentityService;
import eu.interlink.identity.NewApiToken;
import eu.interlink.identity.SessionInfo;
import eu.interlink.teams.TeamService;

/**
 * The caller's own account: {@code GET /api/v1/me}, {@code POST /me/password}, {@code GET /me/sessions},
 * {@code GET|POST /me/tokens}, {@code DELETE /me/tokens/{id}}, and for the GDPR {@code GET /me/export} (all data
 * about the caller) and {@code DELETE /me} (erasure); {@code GET /me/teams} and {@code GET /me/applications}, the teams the
 * caller is a member of and its applications to join teams. All of it needs a signed-in caller (401 otherwise).
 */
@Component(service = Api.class)
@ApiRoute(name = "interlink-api-me", pattern = "/api/v1/me/*")
public class MeServlet extends Api {
    private static final long serialVersionUID = 1L;

    @Reference
    private transient IdentityService identity;

    @Reference
    private transient TeamService teams;

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] path = segments(request);
        String method = request.getMethod();
        Caller caller = Callers.requireSignedIn(request);
        Account me = caller.account();
        String address = request.getRemoteAddr();
        response.setHeader("Cache-Control", "no-store");
        if (path.length == 0) {
            switch (method) {
                case "GET", "HEAD" -> json(response, 200, account(me));
                case "DELETE" -> {
                    String pseudonym = identity.erase(caller, address);
                    IdentityService.CookiePolicy policy = identity.cookies();
                    response.addHeader("Set-Cookie", AuthServlet.cookie(policy.sessionName(), "", true, policy.secure(), 0));
                    response.addHeader("Set-Cookie", AuthServlet.cookie(policy.csrfName(), "", false, policy.secure(), 0));
                    json(response, 200, Map.of("erased", true, "pseudonym", pseudonym));
                }
                default -> throw methodNotAllowed(response, method, "GET", "DELETE");
            }
            return;
        }
        switch (path[0]) {
            case "password" -> {
                if (path.length != 1) throw notFound(request);
                if (!"POST".equals(method)) throw methodNotAllowed(response, method, "POST");
                Map<String, Object> body = readObject(request);
                Bodies.onlyKnown(body, "", Set.of("oldPassword", "newPassword"));
                identity.changePassword(caller, Bodies.string(body, "oldPassword", "oldPassword"), Bodies.string(body, "newPassword", "newPassword"), address);
                response.setStatus(204);
            }
            case "sessions" -> {
                if (path.length != 1) throw notFound(request);
                requireGet(request, response);
                json(response, 200, Map.of("items", identity.sessions(me).stream().map(s -> session(s, caller)).toList()));
            }
            case "export" -> {
                if (path.length != 1) throw notFound(request);
                requireGet(request, response);
                Map<String, Object> export = new LinkedHashMap<>(identity.export(me));
                export.put("account", account(me));
                export.put("sessions", identity.sessions(me).stream().map(s -> session(s, caller)).toList());
                export.put("tokens", identity.tokens(me).stream().map(MeServlet::token).toList());
                if (export.get("audit") instanceof List<?> audit) {
                    export.put("audit", audit.stream().map(e -> AdminAccountsServlet.entry((eu.interlink.identity.AuditEntry) e)).toList());
                }
                response.setHeader("Content-Disposition", "attachment; filename=\"interlink-" + me.name() + ".json\"");
                json(response, 200, export);
            }
            case "tokens" -> tokens(request, response, path, me, address);
            case "teams" -> {
                if (path.length != 1) throw notFound(request);
                requireGet(request, response);
                json(response, 200, Map.of("items", teams.teamsOf(me.name()).stream().map(TeamViews::team).toList()));
            }
            case "applications" -> {
                if (path.length != 1) throw notFound(request);
                requireGet(request, response);
                json(response, 200, Map.of("items", teams.applicationsOf(me.name()).stream().map(TeamViews::application).toList()));
            }
            default -> throw notFound(request);
        }
    }

    private void tokens(HttpServletRequest request, HttpServletResponse response, String[] path, Account me, String address) throws IOException {
        String method = request.getMethod();
        if (path.length == 1) {
            switch (method) {
                case "GET", "HEAD" -> json(response, 200, Map.of("items", identity.tokens(me).stream().map(MeServlet::token).toList()));
                case "POST" -> {
                    Map<String, Object> body = readObject(request);
                    Bodies.onlyKnown(body, "", Set.of("name"));
                    NewApiToken t = identity.createToken(me, Bodies.string(body, "name", "name"), address);
                    Map<String, Object> out = token(t.token());
                    out.put("token", t.secret());
                    response.setHeader("Location", "/api/v1/me/tokens/" + t.token().id());
                    json(response, 201, out);
                }
                default -> throw methodNotAllowed(response, method, "GET", "POST");
            }
        } else if (path.length == 2) {
            if (!"DELETE".equals(method)) throw methodNotAllowed(response, method, "DELETE");
            identity.revokeToken(me, path[1], address);
            response.setStatus(204);
        } else {
            throw notFound(request);
        }
    }

    static Map<String, Object> account(Account a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("name", a.name());
        m.put("email", a.email());
        m.put("roles", List.copyOf(new TreeSet<>(a.roles())));
        m.put("createdAt", a.createdAt().toString());
        m.put("termsVersion", a.termsVersion());
        m.put("termsAcceptedAt", a.termsAcceptedAt() == null ? null : a.termsAcceptedAt().toString());
        if (a.oidcIssuer() != null) m.put("oidc", Map.of("issuer", a.oidcIssuer(), "subject", a.oidcSubject()));
        return m;
    }

    static Map<String, Object> token(ApiToken t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("name", t.name());
        m.put("prefix", t.prefix());
        m.put("createdAt", t.createdAt().toString());
        m.put("lastUsedAt", t.lastUsedAt() == null ? null : t.lastUsedAt().toString());
        return m;
    }

    private static Map<String, Object> session(SessionInfo s, Caller caller) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("current", caller.via() == Caller.Via.SESSION && s.id().equals(caller.credentialId()));
        m.put("createdAt", s.createdAt().toString());
        m.put("lastSeenAt", s.lastSeenAt().toString());
        m.put("expiresAt", s.expiresAt().toString());
        m.put("address", s.address());
        m.put("userAgent", s.userAgent());
        return m;
    }
}
