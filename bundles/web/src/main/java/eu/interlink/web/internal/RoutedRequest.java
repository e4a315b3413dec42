package eu.interlink.web.internal;

import java.util.Collections;
import java.util.Enumeration;

import javax.servlet.GenericServlet;
import javax.servlet.ServletConfig;
import javax.servlet.ServletContext;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;

/**
 * A request handed on by one of this bundle's routers (the API's, the Interlinkers' pages'): the servlet it goes to
 * sees the servlet path and path info it would have if the container had chosen it by its own pattern.
 */
class RoutedRequest extends HttpServletRequestWrapper {
    private final String servletPath;
    private final String pathInfo;

    RoutedRequest(HttpServletRequest request, String servletPath, String pathInfo) {
        super(request);
        this.servletPath = servletPath;
        this.pathInfo = pathInfo;
    }

    @Override public String getServletPath() { return servletPath; }
    @Override public String getPathInfo() { return pathInfo; }
    @Override public String getPathTranslated() { return null; }

    /** What a servlet a router hands requests to is initialised with: its name, on the router's context. */
    static ServletConfig config(String name, GenericServlet router) {
        return new ServletConfig() {
            @Override public String getServletName() { return name; }
            @Override public ServletContext getServletContext() { return router.getServletContext(); }
            @Override public String getInitParameter(String parameter) { return null; }
            @Override public Enumeration<String> getInitParameterNames() { return Collections.emptyEnumeration(); }
        };
    }
}
