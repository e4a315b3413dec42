package eu.interlink.web.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.http.runtime.HttpServiceRuntime;

import eu.interlink.kernel.service.Health;
import eu.interlink.kernel.service.HealthCheck;

/**
 * {@code GET /api/v1/health}: 200 when up, 503 when down, with each component's state either way. Besides the
 * kernel's parts, {@code api} says whether every endpoint of this bundle is deployed, so that a 200 means the whole
 * API serves, not only this servlet.
 */
@Component(service = Api.class)
@ApiRoute(name = "interlink-api-health", pattern = "/api/v1/health")
public class HealthServlet extends Api {
    private static final long serialVersionUID = 1L;

    @Reference
    private transient HealthCheck health;

    @Reference
    private transient ServiceComponentRuntime scr;

    @Reference
    private transient HttpServiceRuntime http;

    private transient BundleContext context;

    @Activate
    void activate(BundleContext context) {
        this.context = context;
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        requireGet(request, response);
        Health kernel = health.check();
        Map<String, Map<String, Object>> components = new LinkedHashMap<>(kernel.components());
        Map<String, Object> api = ApiReadiness.check(scr, http, ApiRouter.serving(request), context.getBundle());
        components.put("api", api);
        Health h = new Health(kernel.up() && "UP".equals(api.get("status")) ? "UP" : "DOWN", components);
        response.setHeader("Cache-Control", "no-store");
        json(response, h.up() ? 200 : 503, h);
    }
}
