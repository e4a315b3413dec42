package eu.interlink.web.internal;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import eu.interlink.api.InterlinkerDescriptor;
import eu.interlink.kernel.service.AssetPolicy;
import eu.interlink.kernel.service.AssetRecord;
import eu.interlink.kernel.service.AssetService;
import eu.interlink.kernel.service.InterlinkerEntry;
import eu.interlink.kernel.service.InterlinkerRegistry;
import eu.interlink.kernel.service.InterlinkerStatus;
import eu.interlink.kernel.service.Page;

/**
 * Assets: {@code POST /api/v1/assets} {"interlinker", "params"} creates one through its Interlinker;
 * {@code GET /api/v1/assets[?interlinker=]}, {@code GET|DELETE /api/v1/assets/{id}},
 * {@code POST /api/v1/assets/{id}/copy} and {@code GET /api/v1/assets/{id}/download}.
 */
@Component(service = Api.class)
@ApiRoute(name = "interlink-api-assets", pattern = {"/api/v1/assets", "/api/v1/assets/*"})
public class AssetsServlet extends Api {
    private static final long serialVersionUID = 1L;

    @Reference
    private transient AssetService assets;

    @Reference
    private transient InterlinkerRegistry registry;

    /** Decides for the assets of processes; while absent, those answer 503 here. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private transient volatile AssetPolicy policy;

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        String[] path = segments(request);
        Locale locale = Locale.forLanguageTag(language(request, response).code());
        if (path.length == 0) {
            switch (method) {
                case "GET", "HEAD" -> list(request, response);
                case "POST" -> create(request, response, locale);
                default -> throw methodNotAllowed(response, method, "GET", "POST");
            }
            return;
        }
        String id = path[0];
        if (path.length == 1 && !id.isEmpty()) {
            switch (method) {
                case "GET", "HEAD" -> json(response, 200, view(allowed(find(id), request, AssetPolicy.Action.READ)));
                case "DELETE" -> {
                    allowed(find(id), request, AssetPolicy.Action.DELETE);
                    assets.delete(id, locale, request.getUserPrincipal());
                    response.setStatus(204);
                }
                default -> throw methodNotAllowed(response, method, "GET", "DELETE");
            }
        } else if (path.length == 2 && path[1].equals("copy")) {
            if (!"POST".equals(method)) throw methodNotAllowed(response, method, "POST");
            allowed(find(id), request, AssetPolicy.Action.USE);
            AssetRecord copy = assets.copy(id, locale, request.getUserPrincipal());
            response.setHeader("Location", "/api/v1/assets/" + copy.id());
            json(response, 201, view(copy));
        } else if (path.length == 2 && path[1].equals("download")) {
            if (!"GET".equals(method)) throw methodNotAllowed(response, method, "GET");
            allowed(find(id), request, AssetPolicy.Action.USE);
            assets.export(id, locale, request.getUserPrincipal(), (fileName, contentType) -> {
                response.setStatus(200);
                response.setContentType(contentType);
                response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName.replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
                return response.getOutputStream();
            });
        } else {
            throw notFound(request);
        }
    }

    private void list(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String interlinker = request.getParameter("interlinker");
        if (interlinker != null && !InterlinkerDescriptor.ID.matcher(interlinker).matches()) {
            throw Problem.badParameter("interlinker", "Query parameter 'interlinker' must be an Interlinker id, not '" + clip(interlinker) + "'");
        }
        int offset = intParameter(request, "offset", 0, 0, 1_000_000);
        int limit = intParameter(request, "limit", 20, 1, 100);
        Page<AssetRecord> page = assets.list(Optional.ofNullable(interlinker), offset, limit);
        json(response, 200, Views.page(page, page.items().stream().map(this::view).toList()));
    }

    private void create(HttpServletRequest request, HttpServletResponse response, Locale locale) throws IOException {
        Map<String, Object> body = readObject(request);
        Object interlinker = body.get("interlinker");
        if (!(interlinker instanceof String id) || id.isBlank()) {
            throw new Problem(400, "invalid-body", "Invalid body", "Field 'interlinker' must name an Interlinker, such as \"checklist\"").with("field", "interlinker");
        }
        Object params = body.getOrDefault("params", Map.of());
        if (!(params instanceof Map<?, ?> map)) {
            throw new Problem(400, "invalid-body", "Invalid body", "Field 'params' must be a JSON object").with("field", "params");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> typed = (Map<String, Object>) map;
        AssetRecord created = assets.create(id, typed, locale, request.getUserPrincipal());
        response.setHeader("Location", "/api/v1/assets/" + created.id());
        json(response, 201, view(created));
    }

    private AssetRecord find(String id) {
        return assets.get(id).orElseThrow(() -> Problem.notFound("There is no asset '" + clip(id) + "'"));
    }

    /** An asset of a process follows the process's permissions (404, 401, 403); others are open as before. */
    private AssetRecord allowed(AssetRecord a, HttpServletRequest request, AssetPolicy.Action action) {
        if (a.processId().isEmpty()) return a;
        AssetPolicy decides = policy;
        if (decides == null) throw new Problem(503, "unavailable", "Service unavailable", "Permissions cannot be checked now; try again shortly");
        decides.check(a.processId().get(), a.taskId().orElse(null), request.getUserPrincipal(), action);
        return a;
    }

    private Map<String, Object> view(AssetRecord a) {
        if (a.interlinkerId() == null) return Views.asset(a, null);
        InterlinkerDescriptor serving = registry.find(a.interlinkerId())
                .filter(e -> e.status() == InterlinkerStatus.ACTIVE)
                .flatMap(InterlinkerEntry::descriptor).orElse(null);
        return Views.asset(a, serving);
    }
}
