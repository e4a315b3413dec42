package eu.interlink.web.internal;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** Every path under {@code /api/v1} that no resource claims: a 404 problem rather than the container's page. */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("interlink-api-not-found")
@HttpWhiteboardServletPattern("/api/v1/*")
public class NotFoundServlet extends Api {
    private static final long serialVersionUID = 1L;

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) {
        throw notFound(request);
    }
}
