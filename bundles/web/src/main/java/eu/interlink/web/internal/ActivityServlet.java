package eu.interlink.web.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import eu.interlink.coproduction.PermissionService;
import eu.interlink.kernel.service.ActivityEntry;
import eu.interlink.kernel.service.ActivityLog;
import eu.interlink.kernel.service.Page;

/**
 * {@code GET /api/v1/activity?subjectType=&subjectId=&process=}: the activity log, newest first, paged. With
 * {@code process}, for whoever may read that process (404 otherwise); the whole platform's log, which names
 * private processes and people, is for operators.
 */
@Component(service = Api.class)
@ApiRoute(name = "interlink-api-activity", pattern = "/api/v1/activity")
public class ActivityServlet extends Api {
    private static final long serialVersionUID = 1L;

    @Reference
    private transient ActivityLog log;

    @Reference
    private transient PermissionService permissions;

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        requireGet(request, response);
        int offset = intParameter(request, "offset", 0, 0, 1_000_000);
        int limit = intParameter(request, "limit", 50, 1, 200);
        Optional<String> process = text(request, "process");
        if (process.isPresent()) permissions.rights(process.get(), Optional.empty(), Callers.caller(request));
        else Callers.requireOperator(request);
        Page<ActivityEntry> page = log.read(text(request, "subjectType"), text(request, "subjectId"), process, offset, limit);
        json(response, 200, Views.page(page, page.items().stream().map(ActivityServlet::view).toList()));
    }

    private static Optional<String> text(HttpServletRequest request, String name) {
        String v = request.getParameter(name);
        if (v == null) return Optional.empty();
        if (v.isBlank() || v.length() > 200) throw Problem.badParameter(name, "Query parameter '" + name + "' must be 1 to 200 characters");
        return Optional.of(v);
    }

    private static Map<String, Object> view(ActivityEntry e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", e.id());
        out.put("occurredAt", e.occurredAt().toString());
        out.put("topic", e.topic());
        e.actor().ifPresent(a -> out.put("actor", a));
        out.put("subjectType", e.subjectType());
        out.put("subjectId", e.subjectId());
        e.processId().ifPresent(p -> out.put("process", p));
        out.put("details", e.details());
        return out;
    }
}
