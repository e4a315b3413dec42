package eu.interlink.web.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import eu.interlink.coproduction.CatalogueQuery;
import eu.interlink.coproduction.CatalogueService;
import eu.interlink.coproduction.Codes;
import eu.interlink.coproduction.Language;

/**
 * {@code GET /api/v1/recommendations?problemProfiles=A,B[&limit=]}: the usable Interlinkers that address the most of
 * those problem profiles, best first.
 */
@Component(service = Api.class)
@ApiRoute(name = "interlink-api-recommendations", pattern = "/api/v1/recommendations")
public class RecommendationsServlet extends Api {
    private static final long serialVersionUID = 1L;

    @Reference
    private transient CatalogueService catalogue;

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        requireGet(request, response);
        Language language = language(request, response);
        Set<String> profiles = InterlinkersServlet.values(request, "problemProfiles");
        if (profiles.isEmpty()) {
            throw Problem.badParameter("problemProfiles", "Query parameter 'problemProfiles' is required: problem profile ids separated by commas");
        }
        for (String p : profiles) {
            if (!Codes.PROFILE_ID.matcher(p).matches()) {
                throw Problem.badParameter("problemProfiles", "Query parameter 'problemProfiles' has '" + clip(p) + "', which is not a problem profile id");
            }
        }
        int limit = intParameter(request, "limit", 10, 1, CatalogueQuery.MAX_LIMIT);
        List<Map<String, Object>> items = catalogue.recommend(profiles, language, limit).stream()
                .map(e -> CatalogueViews.entry(e, language)).toList();
        json(response, 200, Map.of("items", items, "problemProfiles", List.copyOf(profiles)));
    }
}
