package eu.interlink.web.internal;

import java.io.IOException;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import eu.interlink.kernel.service.Health;
import eu.interlink.kernel.service.HealthCheck;

/** {@code GET /api/v1/health}: 200 when up, 503 when down, with each component's state either way. */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("interlink-api-health")
@HttpWhiteboardServletPattern("/api/v1/health")
public class HealthServlet extends Api {
    private static final long serialVersionUID = 1L;

    @Reference
    private transient HealthCheck health;

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        requireGet(request, response);
        Health h = health.check();
        response.setHeader("Cache-Control", "no-store");
        json(response, h.up() ? 200 : 503, h);
    }
}
