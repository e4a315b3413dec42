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

import eu.interlink.kernel.service.Page;
import eu.interlink.teams.InvalidFieldException;
import eu.interlink.teams.Organisation;
import eu.interlink.teams.OrganisationFields;
import eu.interlink.teams.OrganisationService;
import eu.interlink.teams.TeamCreation;
import eu.interlink.teams.TeamType;

/**
 * Organisations under {@code /api/v1/organisations}:
 * <pre>
 * GET|POST             /organisations
 * GET|PATCH|DELETE     /organisations/{id}
 * GET|POST             /organisations/{id}/administrators,  DELETE /organisations/{id}/administrators/{user}
 * </pre>
 * Reading is open, but a private organisation exists only for its administrators, the members of its teams and
 * operators (404 for anyone else); writing needs a signed-in account (401), and changing one of its administrators (403).
 */
@Component(service = Api.class)
@ApiRoute(name = "interlink-api-organisations", pattern = {"/api/v1/organisations", "/api/v1/organisations/*"})
public class OrganisationsServlet extends Api {
    private static final long serialVersionUID = 1L;
    static final Set<String> FIELDS = Set.of("name", "description", "public", "defaultTeamType", "teamCreation");

    @Reference
    private transient OrganisationService organisations;

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] path = resourcePath(request);
        String method = request.getMethod();
        String caller = Callers.caller(request);
        if (path.length == 0) {
            switch (method) {
                case "GET", "HEAD" -> {
                    int offset = intParameter(request, "offset", 0, 0, 1_000_000);
                    int limit = intParameter(request, "limit", 20, 1, 100);
                    Page<Organisation> page = organisations.list(caller, offset, limit);
                    json(response, 200, Views.page(page, page.items().stream().map(TeamViews::organisation).toList()));
                }
                case "POST" -> {
                    Organisation o = organisations.create(fields(readObject(request)), caller);
                    response.setHeader("Location", "/api/v1/organisations/" + o.id());
                    json(response, 201, TeamViews.organisation(o));
                }
                default -> throw methodNotAllowed(response, method, "GET", "POST");
            }
            return;
        }
        String id = path[0];
        if (path.length == 1) {
            switch (method) {
                case "GET", "HEAD" -> json(response, 200, TeamViews.organisation(read(id, caller)));
                case "PATCH" -> json(response, 200, TeamViews.organisation(organisations.update(id, fields(readObject(request)), caller)));
                case "DELETE" -> {
                    organisations.delete(id, caller);
                    response.setStatus(204);
                }
                default -> throw methodNotAllowed(response, method, "GET", "PATCH", "DELETE");
            }
            return;
        }
        if (!path[1].equals("administrators") || path.length > 3) throw notFound(request);
        if (path.length == 2) {
            switch (method) {
                case "GET", "HEAD" -> json(response, 200, Map.of("items", read(id, caller).administrators()));
                case "POST" -> {
                    Organisation o = organisations.addAdministrator(id, user(readObject(request)), caller);
                    json(response, 201, Map.of("items", o.administrators()));
                }
                default -> throw methodNotAllowed(response, method, "GET", "POST");
            }
        } else {
            if (!"DELETE".equals(method)) throw methodNotAllowed(response, method, "DELETE");
            organisations.removeAdministrator(id, path[2], caller);
            response.setStatus(204);
        }
    }

    private Organisation read(String id, String caller) {
        return organisations.read(id, caller).orElseThrow(() -> Problem.notFound("There is no organisation '" + clip(id) + "'"));
    }

    /** {@code {"user": "name"}}: the account to add. */
    static String user(Map<String, Object> body) {
        Bodies.onlyKnown(body, "", Set.of("user"));
        String user = Bodies.string(body, "user", "user");
        if (user == null) throw new InvalidFieldException("user", "'user' names the account to add");
        return user;
    }

    private static OrganisationFields fields(Map<String, Object> body) {
        Bodies.onlyKnown(body, "", FIELDS);
        return new OrganisationFields(texts(body, "name"), texts(body, "description"), Bodies.bool(body, "public", "public"),
                teamType(body, "defaultTeamType"),
                Bodies.choice(body, "teamCreation", "teamCreation", TeamCreation::of, TeamCreation.labels()));
    }

    static TeamType teamType(Map<String, Object> body, String field) {
        return Bodies.choice(body, field, field, TeamType::of, TeamType.labels());
    }

    /** Texts per language, {@code {"en": "…", "es": "…"}}; the languages themselves are checked by the service. */
    private static Map<String, String> texts(Map<String, Object> body, String field) {
        Object v = body.get(field);
        if (v == null) return null;
        if (!(v instanceof Map<?, ?> map)) throw new InvalidFieldException(field, "'" + field + "' is an object of texts per language, such as {\"en\": \"…\"}");
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String code = String.valueOf(e.getKey());
            if (!(e.getValue() instanceof String s)) throw new InvalidFieldException(field + "." + clip(code), "'" + field + "." + clip(code) + "' is a string");
            out.put(code, s);
        }
        return out;
    }
}
