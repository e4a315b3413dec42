package eu.interlink.web.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import eu.interlink.contributions.Assignment;
import eu.interlink.contributions.Certificate;
import eu.interlink.contributions.CertificateRenderer;
import eu.interlink.contributions.Claim;
import eu.interlink.contributions.ContributionKind;
import eu.interlink.contributions.ContributionService;
import eu.interlink.contributions.Standing;
import eu.interlink.coproduction.FieldException;

/**
 * Contributions and rewards of a process, under {@code /api/v1/contributions/{processId}} (beside
 * {@code /api/v1/processes}, whose servlet owns every path below it):
 * <pre>
 * GET|POST  /assignments                       (?task=),  DELETE /assignments/{assignmentId}
 * POST      /assignments/{assignmentId}/claims
 * GET       /claims                            (?status=)
 * POST      /claims/{claimId}/approve|reject
 * GET|PUT   /settings
 * GET       /leaderboard
 * GET       /certificates/{user}               (a printable HTML page; ?format=json for its data; ?lang=)
 * </pre>
 * Permissions are the process's: 404 for whoever may not read it, 401 for anonymous writes, 403 for readers
 * without the right.
 */
@Component(service = Api.class)
@ApiRoute(name = "interlink-api-contributions", pattern = {"/api/v1/contributions", "/api/v1/contributions/*"})
public class ContributionsServlet extends Api {
    private static final long serialVersionUID = 1L;
    private static final Set<String> ASSIGN_FIELDS = Set.of("task", "user", "kind", "points", "description");
    private static final Set<String> CLAIM_FIELDS = Set.of("description", "asset");
    private static final Set<String> REJECT_FIELDS = Set.of("reason");
    private static final Set<String> SETTINGS_FIELDS = Set.of("leaderboard");
    private static final String KINDS = "management, development, exploitation";

    @Reference
    private transient ContributionService contributions;

    @Reference
    private transient CertificateRenderer certificates;

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] path = resourcePath(request);
        String method = request.getMethod();
        if (path.length < 2) throw notFound(request);
        String caller = Callers.caller(request);
        String processId = path[0];
        String what = path[1];
        switch (what) {
            case "assignments" -> assignments(request, response, method, processId, path, caller);
            case "claims" -> claims(request, response, method, processId, path, caller);
            case "settings" -> {
                if (path.length != 2) throw notFound(request);
                switch (method) {
                    case "GET", "HEAD" -> json(response, 200, settings(contributions.leaderboardEnabled(processId, caller)));
                    case "PUT" -> {
                        Map<String, Object> body = readObject(request);
                        Bodies.onlyKnown(body, "", SETTINGS_FIELDS);
                        Boolean on = Bodies.bool(body, "leaderboard", "leaderboard");
                        if (on == null) throw new FieldException("leaderboard", "'leaderboard' is true or false");
                        contributions.setLeaderboard(processId, on, caller);
                        json(response, 200, settings(contributions.leaderboardEnabled(processId, caller)));
                    }
                    default -> throw methodNotAllowed(response, method, "GET", "PUT");
                }
            }
            case "leaderboard" -> {
                if (path.length != 2) throw notFound(request);
                requireGet(request, response);
                List<Map<String, Object>> items = new ArrayList<>();
                for (Standing s : contributions.leaderboard(processId, caller)) items.add(standing(s));
                json(response, 200, Map.of("process", processId, "items", items));
            }
            case "certificates" -> {
                if (path.length != 3) throw notFound(request);
                requireGet(request, response);
                certificate(request, response, processId, path[2], caller);
            }
            default -> throw notFound(request);
        }
    }

    private void assignments(HttpServletRequest request, HttpServletResponse response, String method, String processId, String[] path, String caller)
            throws IOException {
        if (path.length == 2) {
            switch (method) {
                case "GET", "HEAD" -> {
                    List<Map<String, Object>> items = new ArrayList<>();
                    for (Assignment a : contributions.assignments(processId, Optional.ofNullable(request.getParameter("task")), caller)) items.add(assignment(a));
                    json(response, 200, Map.of("items", items));
                }
                case "POST" -> {
                    Map<String, Object> body = readObject(request);
                    Bodies.onlyKnown(body, "", ASSIGN_FIELDS);
                    String task = Bodies.string(body, "task", "task");
                    if (task == null || task.isBlank()) throw new FieldException("task", "'task' is the id of a task of the process");
                    ContributionKind kind = Bodies.choice(body, "kind", "kind", ContributionKind::of, KINDS);
                    if (kind == null) throw new FieldException("kind", "'kind' is one of " + KINDS);
                    Assignment a = contributions.assign(processId, task, Optional.ofNullable(Bodies.string(body, "user", "user")), kind,
                            points(body), Bodies.string(body, "description", "description"), caller);
                    response.setHeader("Location", "/api/v1/contributions/" + processId + "/assignments/" + a.id());
                    json(response, 201, assignment(a));
                }
                default -> throw methodNotAllowed(response, method, "GET", "POST");
            }
            return;
        }
        String assignmentId = path[2];
        if (path.length == 3) {
            if (!"DELETE".equals(method)) throw methodNotAllowed(response, method, "DELETE");
            contributions.unassign(processId, assignmentId, caller);
            response.setStatus(204);
            return;
        }
        if (path.length == 4 && path[3].equals("claims")) {
            if (!"POST".equals(method)) throw methodNotAllowed(response, method, "POST");
            Map<String, Object> body = readObject(request);
            Bodies.onlyKnown(body, "", CLAIM_FIELDS);
            Claim c = contributions.claim(processId, assignmentId, Bodies.string(body, "description", "description"),
                    Optional.ofNullable(Bodies.string(body, "asset", "asset")), caller);
            json(response, 201, claim(c));
            return;
        }
        throw notFound(request);
    }

    private void claims(HttpServletRequest request, HttpServletResponse response, String method, String processId, String[] path, String caller)
            throws IOException {
        if (path.length == 2) {
            requireGet(request, response);
            String raw = request.getParameter("status");
            Optional<Claim.Status> status = Optional.empty();
            if (raw != null) {
                status = Optional.of(Claim.Status.of(raw).orElseThrow(() -> Problem.badParameter("status",
                        "Query parameter 'status' must be pending, approved or rejected, not '" + clip(raw) + "'")));
            }
            List<Map<String, Object>> items = new ArrayList<>();
            for (Claim c : contributions.claims(processId, status, caller)) items.add(claim(c));
            json(response, 200, Map.of("items", items));
            return;
        }
        if (path.length == 4 && (path[3].equals("approve") || path[3].equals("reject"))) {
            if (!"POST".equals(method)) throw methodNotAllowed(response, method, "POST");
            Map<String, Object> body = readObject(request);
            if (path[3].equals("approve")) {
                Bodies.onlyKnown(body, "", Set.of());
                json(response, 200, claim(contributions.approve(processId, path[2], caller)));
            } else {
                Bodies.onlyKnown(body, "", REJECT_FIELDS);
                json(response, 200, claim(contributions.reject(processId, path[2], Bodies.string(body, "reason", "reason"), caller)));
            }
            return;
        }
        throw notFound(request);
    }

    private void certificate(HttpServletRequest request, HttpServletResponse response, String processId, String user, String caller) throws IOException {
        String format = request.getParameter("format");
        if (format != null && !format.equals("html") && !format.equals("json")) {
            throw Problem.badParameter("format", "Query parameter 'format' must be html or json, not '" + clip(format) + "'");
        }
        String lang = language(request, response).code();
        Certificate c = contributions.certificate(processId, user, caller);
        if ("json".equals(format)) {
            json(response, 200, certificate(c));
            return;
        }
        byte[] page = certificates.html(c, lang).getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setContentType("text/html;charset=utf-8");
        response.setHeader("Cache-Control", "private, no-store");
        response.setContentLength(page.length);
        if (!"HEAD".equals(request.getMethod())) response.getOutputStream().write(page);
    }

    /** A whole number; 1.5, "3" or 1e400 are refused here, the range by the service. */
    private static int points(Map<String, Object> body) {
        Object v = body.get("points");
        if (v == null) throw new FieldException("points", "'points' is required: a whole number from 1 to " + ContributionService.MAX_POINTS);
        boolean whole = v instanceof Integer || v instanceof Long || v instanceof BigInteger
                || v instanceof BigDecimal d && d.stripTrailingZeros().scale() <= 0;
        if (!whole) throw new FieldException("points", "'points' is a whole number from 1 to " + ContributionService.MAX_POINTS);
        long n = ((Number) v).longValue();
        if (v instanceof BigInteger b && b.bitLength() > 62) n = b.signum() * Long.MAX_VALUE;
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n));
    }

    private static Map<String, Object> settings(boolean leaderboard) {
        return Map.of("leaderboard", leaderboard);
    }

    static Map<String, Object> assignment(Assignment a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("process", a.processId());
        m.put("task", a.taskId());
        m.put("user", a.assignee().orElse(null));
        m.put("kind", a.kind().label());
        m.put("points", a.points());
        m.put("description", a.description());
        m.put("createdBy", a.createdBy());
        m.put("createdAt", a.createdAt().toString());
        return m;
    }

    static Map<String, Object> claim(Claim c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("process", c.processId());
        m.put("assignment", c.assignmentId());
        m.put("task", c.taskId());
        m.put("kind", c.kind().label());
        m.put("points", c.points());
        m.put("claimant", c.claimant());
        m.put("description", c.description());
        m.put("asset", c.assetId().orElse(null));
        m.put("status", c.status().label());
        m.put("decidedBy", c.decidedBy().orElse(null));
        m.put("reason", c.reason().orElse(null));
        m.put("createdAt", c.createdAt().toString());
        m.put("decidedAt", c.decidedAt().map(Object::toString).orElse(null));
        return m;
    }

    private static Map<String, Object> kinds(Map<ContributionKind, Integer> points) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (ContributionKind k : ContributionKind.values()) m.put(k.label(), points.getOrDefault(k, 0));
        return m;
    }

    private static Map<String, Object> standing(Standing s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rank", s.rank());
        m.put("user", s.user());
        m.put("points", kinds(s.points()));
        m.put("total", s.total());
        return m;
    }

    private static Map<String, Object> certificate(Certificate c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("user", c.user());
        m.put("process", c.processId());
        m.put("processName", c.processName());
        m.put("processStart", c.processStart().map(Object::toString).orElse(null));
        m.put("processEnd", c.processEnd().map(Object::toString).orElse(null));
        m.put("from", c.from().map(Object::toString).orElse(null));
        m.put("to", c.to().map(Object::toString).orElse(null));
        m.put("points", kinds(c.points()));
        m.put("total", c.total());
        List<Map<String, Object>> items = new ArrayList<>();
        for (Certificate.Item i : c.items()) {
            Map<String, Object> item = claim(i.claim());
            item.put("taskName", i.taskName());
            items.add(item);
        }
        m.put("items", items);
        m.put("issuedAt", c.issuedAt().toString());
        return m;
    }
}
