package eu.interlink.web.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import eu.interlink.kernel.service.KernelException;
import eu.interlink.knowledge.KnowledgePacks;

/**
 * Knowledge packs, for operators:
 * <ul>
 * <li>{@code GET /api/v1/admin/knowledge-packs}: every active pack bundle, published or refused with its reason</li>
 * <li>{@code GET /api/v1/admin/knowledge-packs/{symbolicName}}: one of them</li>
 * <li>{@code DELETE /api/v1/admin/knowledge-packs/{symbolicName}}: uninstalls it; its entries leave the catalogue</li>
 * </ul>
 * Packs are installed like Interlinkers, with {@code POST /api/v1/admin/interlinkers} or through {@code deploy/}.
 * For operators, as every admin endpoint ({@link Api} checks it).
 */
@Component(service = Api.class)
@ApiRoute(name = "interlink-api-admin-knowledge-packs", pattern = {"/api/v1/admin/knowledge-packs", "/api/v1/admin/knowledge-packs/*"})
public class AdminKnowledgePacksServlet extends Api {
    private static final long serialVersionUID = 1L;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile KnowledgePacks packs;

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        String[] path = segments(request);
        KnowledgePacks extender = packs;
        if (path.length == 0) {
            if (!"GET".equals(method) && !"HEAD".equals(method)) throw methodNotAllowed(response, method, "GET");
            List<Object> items = extender == null ? List.of() : extender.packs().stream().map(p -> (Object) PackViews.pack(p)).toList();
            json(response, 200, Map.of("items", items, "total", items.size()));
            return;
        }
        if (path.length != 1 || path[0].isEmpty()) throw notFound(request);
        String name = path[0];
        switch (method) {
            case "GET", "HEAD" -> json(response, 200, PackViews.pack(require(extender).pack(name)
                    .orElseThrow(() -> KernelException.notFound("Knowledge pack", clip(name)))));
            case "DELETE" -> {
                require(extender).remove(name, request.getUserPrincipal() == null ? null : request.getUserPrincipal().getName());
                response.setStatus(204);
            }
            default -> throw methodNotAllowed(response, method, "GET", "DELETE");
        }
    }

    private static KnowledgePacks require(KnowledgePacks extender) {
        if (extender == null) {
            throw new KernelException(503, "knowledge-unavailable", "Knowledge extender unavailable", "The knowledge extender is not running");
        }
        return extender;
    }
}
