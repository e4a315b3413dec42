package eu.interlink.web.internal;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The default servlet ({@code /}): whatever no other servlet serves, with any method, is a 404 problem. The
 * container's own error pages answer only GET, POST and HEAD, and leave other methods with an empty body.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("interlink-default")
@HttpWhiteboardServletPattern("/")
public class DefaultServlet extends Api {
    private static final long serialVersionUID = 1L;

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) {
        throw notFound(request);
    }
}
