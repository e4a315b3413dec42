package eu.interlink.web.internal;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import eu.interlink.kernel.service.Page;
import eu.interlink.teams.Team;
import eu.interlink.teams.TeamApplication;
import eu.interlink.teams.TeamFields;
import eu.interlink.teams.TeamService;

/**
 * Teams under {@code /api/v1/teams}:
 * <pre>
 * GET|POST             /teams                      (?organisation= to list one organisation's)
 * GET|PATCH|DELETE     /teams/{id}
 * GET|POST             /teams/{id}/members,         DELETE /teams/{id}/members/{user}
 * GET|POST             /teams/{id}/administrators,  DELETE /teams/{id}/administrators/{user}
 * GET|POST             /teams/{id}/applications,    GET /teams/{id}/applications/{appId}
 * POST                 /teams/{id}/applications/{appId}/accept|decline
 * </pre>
 * A team of a public organisation is readable by anyone; any other only by its members, its organisation's
 * administrators and operators (404 for anyone else). Writing needs a signed-in account (401); managing the team
 * one of its administrators or of its organisation's (403).
 */
@Component(service = Api.class)
@ApiRoute(name = "interlink-api-teams", pattern = {"/api/v1/teams", "/api/v1/teams/*"})
public class TeamsServlet extends Api {
    private static final long serialVersionUID = 1L;
    private static final Set<String> CREATE_FIELDS = Set.of("organisation", "name", "description", "type");
    private static final Set<String> UPDATE_FIELDS = Set.of("name", "description", "type");
    private static final String STATUSES = "pending, accepted, declined";

    @Reference
    private transient TeamService teams;

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] path = resourcePath(request);
        String method = request.getMethod();
        String caller = Callers.caller(request);
        if (path.length == 0) {
            switch (method) {
                case "GET", "HEAD" -> list(request, response, caller);
                case "POST" -> {
                    Map<String, Object> body = readObject(request);
                    Bodies.onlyKnown(body, "", CREATE_FIELDS);
                    Team t = teams.create(fields(body, Bodies.string(body, "organisation", "organisation")), caller);
                    response.setHeader("Location", "/api/v1/teams/" + t.id());
                    json(response, 201, TeamViews.team(t));
                }
                default -> throw methodNotAllowed(response, method, "GET", "POST");
            }
            return;
        }
        String id = path[0];
        if (path.length == 1) {
            switch (method) {
                case "GET", "HEAD" -> json(response, 200, TeamViews.team(read(id, caller)));
                case "PATCH" -> {
                    Map<String, Object> body = readObject(request);
                    Bodies.onlyKnown(body, "", UPDATE_FIELDS);
                    json(response, 200, TeamViews.team(teams.update(id, fields(body, null), caller)));
                }
                case "DELETE" -> {
                    teams.delete(id, caller);
                    response.setStatus(204);
                }
                default -> throw methodNotAllowed(response, method, "GET", "PATCH", "DELETE");
            }
            return;
        }
        switch (path[1]) {
            case "members" -> people(request, response, path, caller, false);
            case "administrators" -> people(request, response, path, caller, true);
            case "applications" -> applications(request, response, path, caller);
            default -> throw notFound(request);
        }
    }

    private void list(HttpServletRequest request, HttpServletResponse response, String caller) throws IOException {
        int offset = intParameter(request, "offset", 0, 0, 1_000_000);
        int limit = intParameter(request, "limit", 20, 1, 100);
        String organisation = request.getParameter("organisation");
        if (organisation != null && (organisation.isBlank() || organisation.length() > 64)) {
            throw Problem.badParameter("organisation", "Query parameter 'organisation' is the id of an organisation");
        }
        Page<Team> page = teams.list(Optional.ofNullable(organisation), caller, offset, limit);
        json(response, 200, Views.page(page, page.items().stream().map(TeamViews::team).toList()));
    }

    private Team read(String id, String caller) {
        return teams.read(id, caller).orElseThrow(() -> Problem.notFound("There is no team '" + clip(id) + "'"));
    }

    private static TeamFields fields(Map<String, Object> body, String organisation) {
        return new TeamFields(organisation, Bodies.string(body, "name", "name"), Bodies.string(body, "description", "description"),
                OrganisationsServlet.teamType(body, "type"));
    }

    /** Members or administrators: list, add ({@code {"user": …}}), remove. */
    private void people(HttpServletRequest request, HttpServletResponse response, String[] path, String caller, boolean administrators) throws IOException {
        String id = path[0];
        String method = request.getMethod();
        if (path.length == 2) {
            switch (method) {
                case "GET", "HEAD" -> {
                    Team t = read(id, caller);
                    json(response, 200, Map.of("items", administrators ? t.administrators() : t.members()));
                }
                case "POST" -> {
                    String user = OrganisationsServlet.user(readObject(request));
                    Team t = administrators ? teams.addAdministrator(id, user, caller) : teams.addMember(id, user, caller);
                    json(response, 201, TeamViews.team(t));
                }
                default -> throw methodNotAllowed(response, method, "GET", "POST");
            }
        } else if (path.length == 3) {
            if (!"DELETE".equals(method)) throw methodNotAllowed(response, method, "DELETE");
            if (administrators) teams.removeAdministrator(id, path[2], caller);
            else teams.removeMember(id, path[2], caller);
            response.setStatus(204);
        } else {
            throw notFound(request);
        }
    }

    private void applications(HttpServletRequest request, HttpServletResponse response, String[] path, String caller) throws IOException {
        String id = path[0];
        String method = request.getMethod();
        // Applications name people: only for signed-in accounts, even on a public team.
        Callers.requireSignedIn(request);
        if (path.length == 2) {
            switch (method) {
                case "GET", "HEAD" -> {
                    String raw = request.getParameter("status");
                    Optional<TeamApplication.Status> status = Optional.empty();
                    if (raw != null) {
                        status = Optional.of(TeamApplication.Status.of(raw).orElseThrow(() -> Problem.badParameter("status",
                                "Query parameter 'status' must be one of " + STATUSES + ", not '" + clip(raw) + "'")));
                    }
                    json(response, 200, Map.of("items", teams.applications(id, status, caller).stream().map(TeamViews::application).toList()));
                }
                case "POST" -> {
                    Map<String, Object> body = readObject(request);
                    Bodies.onlyKnown(body, "", Set.of("message"));
                    TeamApplication a = teams.apply(id, Bodies.string(body, "message", "message"), caller);
                    response.setHeader("Location", "/api/v1/teams/" + id + "/applications/" + a.id());
                    json(response, 201, TeamViews.application(a));
                }
                default -> throw methodNotAllowed(response, method, "GET", "POST");
            }
        } else if (path.length == 3) {
            requireGet(request, response);
            json(response, 200, TeamViews.application(teams.application(id, path[2], caller)));
        } else if (path.length == 4 && (path[3].equals("accept") || path[3].equals("decline"))) {
            if (!"POST".equals(method)) throw methodNotAllowed(response, method, "POST");
            json(response, 200, TeamViews.application(teams.decide(id, path[2], path[3].equals("accept"), caller)));
        } else {
            throw notFound(request);
        }
    }
}
