package eu.interlink.web.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import eu.interlink.identity.AuditEntry;
import eu.interlink.identity.IdentityService;

/**
 * For operators (checked by {@link Api} for every {@code /api/v1/admin} path): {@code GET /api/v1/admin/accounts},
 * {@code PUT /api/v1/admin/accounts/{name}/roles} {"roles": ["operator"]}, and the security audit log,
 * {@code GET /api/v1/admin/audit?account=&limit=&before=}, newest first.
 */
@Component(service = Api.class)
@ApiRoute(name = "interlink-api-admin-accounts", pattern = {"/api/v1/admin/accounts/*", "/api/v1/admin/audit"})
public class AdminAccountsServlet extends Api {
    private static final long serialVersionUID = 1L;

    @Reference
    private transient IdentityService identity;

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getServletPath().equals("/api/v1/admin/audit")) {
            requireGet(request, response);
            int limit = intParameter(request, "limit", 100, 1, 1000);
            long before = request.getParameter("before") == null ? Long.MAX_VALUE : intParameter(request, "before", 0, 1, Integer.MAX_VALUE);
            String account = request.getParameter("account");
            List<AuditEntry> entries = identity.audit(account == null || account.isBlank() ? null : account.trim(), limit, before);
            json(response, 200, Map.of("items", entries.stream().map(AdminAccountsServlet::entry).toList()));
            return;
        }
        String[] path = segments(request);
        if (path.length == 0) {
            requireGet(request, response);
            json(response, 200, Map.of("items", identity.accounts().stream().map(MeServlet::account).toList()));
        } else if (path.length == 2 && path[1].equals("roles")) {
            if (!"PUT".equals(request.getMethod())) throw methodNotAllowed(response, request.getMethod(), "PUT");
            Map<String, Object> body = readObject(request);
            Bodies.onlyKnown(body, "", Set.of("roles"));
            List<String> roles = Bodies.strings(body, "roles", "roles");
            if (roles == null) throw new eu.interlink.coproduction.FieldException("roles", "'roles' is required: a list such as [\"operator\"] or []");
            json(response, 200, MeServlet.account(identity.setRoles(Callers.requireOperator(request), path[0], roles, request.getRemoteAddr())));
        } else {
            throw notFound(request);
        }
    }

    static Map<String, Object> entry(AuditEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("occurredAt", e.occurredAt().toString());
        m.put("event", e.event());
        m.put("account", e.accountName());
        m.put("actor", e.actor());
        m.put("address", e.address());
        m.put("details", e.details());
        return m;
    }
}
