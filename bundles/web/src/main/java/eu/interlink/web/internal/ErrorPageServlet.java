package eu.interlink.web.internal;

import javax.servlet.RequestDispatcher;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletErrorPage;

/**
 * The container's own errors (a path nothing serves, a malformed request, a servlet that threw past its
 * guard) answered as problem bodies too, without the exception or its trace.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("interlink-error-page")
@HttpWhiteboardServletErrorPage(errorPage = {"4xx", "5xx", "java.lang.Throwable"})
public class ErrorPageServlet extends Api {
    private static final long serialVersionUID = 1L;

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i && i >= 400 ? i : 500;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String where = uri == null ? "" : " for " + clip(uri.toString());
        throw switch (status) {
            case 404 -> Problem.notFound("No such resource" + where);
            case 405 -> new Problem(405, "method-not-allowed", "Method not allowed", "This method is not allowed" + where);
            default -> status < 500
                    ? new Problem(status, "bad-request", "Bad request", "The request could not be understood" + where)
                    : new Problem(status, "internal-error", "Internal error", "The platform failed to answer" + where);
        };
    }
}
