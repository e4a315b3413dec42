package eu.interlink.webapp.internal;

import java.io.IOException;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterServlet;

/**
 * Serves the application's page at {@code /}. The HTTP whiteboard offers no pattern for the context root alone
 * (Pax Web drops the specification's {@code ""}), and claiming {@code /} as a servlet would shadow the web bundle's
 * default servlet, which answers every unknown path with a 404 problem and which the API's health counts. So this
 * filter sits in front of that servlet only, takes the one request for {@code /} (GET or HEAD), and lets everything
 * else through to it unchanged. Without this bundle, {@code /} is a 404 problem again.
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterName("interlink-webapp-root")
@HttpWhiteboardFilterServlet("interlink-default")
public class RootFilter implements Filter {

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        String method = request.getMethod();
        if ("/".equals(request.getRequestURI()) && ("GET".equals(method) || "HEAD".equals(method))) {
            WebAppServlet.serve("index.html", request, (HttpServletResponse) res, "GET".equals(method));
            return;
        }
        chain.doFilter(req, res);
    }
}
