package eu.interlink.web.internal;

import java.io.IOException;
import java.util.List;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import eu.interlink.coproduction.Language;
import eu.interlink.coproduction.ProblemProfile;
import eu.interlink.coproduction.ProblemProfileService;
import eu.interlink.kernel.service.Page;

/** {@code GET /api/v1/problemprofiles} (paged, in the negotiated language) and {@code GET /api/v1/problemprofiles/{id}}. */
@Component(service = Api.class)
@ApiRoute(name = "interlink-api-problemprofiles", pattern = {"/api/v1/problemprofiles", "/api/v1/problemprofiles/*"})
public class ProblemProfilesServlet extends Api {
    private static final long serialVersionUID = 1L;

    @Reference
    private transient ProblemProfileService profiles;

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        requireGet(request, response);
        Language language = language(request, response);
        String[] path = segments(request);
        if (path.length == 0) {
            int offset = intParameter(request, "offset", 0, 0, 1_000_000);
            int limit = intParameter(request, "limit", 100, 1, 100);
            List<ProblemProfile> all = profiles.list();
            List<ProblemProfile> items = all.subList(Math.min(offset, all.size()), (int) Math.min((long) offset + limit, all.size()));
            json(response, 200, Views.page(new Page<>(items, all.size(), offset, limit),
                    items.stream().map(p -> CatalogueViews.profile(p, language)).toList()));
        } else if (path.length == 1 && !path[0].isEmpty()) {
            ProblemProfile p = profiles.find(path[0])
                    .orElseThrow(() -> Problem.notFound("There is no problem profile '" + clip(path[0]) + "'"));
            json(response, 200, CatalogueViews.profileDetail(p, language));
        } else {
            throw notFound(request);
        }
    }
}
