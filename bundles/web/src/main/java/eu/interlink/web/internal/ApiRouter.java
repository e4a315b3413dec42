package eu.interlink.web.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletRequestWrapper;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletAsyncSupported;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API's one whiteboard servlet: it dispatches each request under {@code /api/v1} to the endpoint ({@link Api}
 * service with an {@link ApiRoute}) whose pattern matches, by the servlet specification's rules (an exact path
 * first, then the longest prefix), and shows the endpoint the servlet path and path info that the container would
 * have. A path no endpoint claims is a 404 problem. Asynchronous, for the notification stream.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName(ApiRouter.NAME)
@HttpWhiteboardServletPattern("/api/v1/*")
@HttpWhiteboardServletAsyncSupported
public class ApiRouter extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiRouter.class);
    static final String NAME = "interlink-api";
    static final String NAME_PROPERTY = "interlink.api.name";
    static final String PATTERN_PROPERTY = "interlink.api.pattern";

    /** One bound endpoint; the older service wins a pattern two claim, as on the whiteboard. */
    record Endpoint(String name, String[] patterns, long serviceId, Api servlet) {
    }

    private final transient Map<Long, Endpoint> endpoints = new HashMap<>();
    /** Rebuilt at each bind and unbind, read without locking by requests. */
    private transient volatile Routes routes = new Routes(Map.of(), Map.of());

    /** The patterns of the bound endpoints: exact paths, and the bases of the {@code /*} prefixes. */
    record Routes(Map<String, Endpoint> exact, Map<String, Endpoint> prefix) {
        /** The endpoint for a path as the servlet specification chooses it (exact, then longest prefix), or null. */
        Match match(String path) {
            Endpoint e = exact.get(path);
            if (e != null) return new Match(e, path, null);
            // The path itself, then each parent: "/a/b/*" matches "/a/b" and "/a/b/c".
            for (String base = path; !base.isEmpty(); base = base.substring(0, Math.max(0, base.lastIndexOf('/')))) {
                e = prefix.get(base);
                if (e != null) return new Match(e, base, path.length() > base.length() ? path.substring(base.length()) : null);
            }
            return null;
        }

        /** The tables for these endpoints; where two claim a pattern, the one first in the list serves it. */
        static Routes of(Iterable<Endpoint> endpoints) {
            Map<String, Endpoint> exact = new HashMap<>();
            Map<String, Endpoint> prefix = new HashMap<>();
            for (Endpoint e : endpoints) {
                for (String pattern : e.patterns()) {
                    boolean isPrefix = pattern.endsWith("/*");
                    Map<String, Endpoint> table = isPrefix ? prefix : exact;
                    Endpoint before = table.putIfAbsent(isPrefix ? pattern.substring(0, pattern.length() - 2) : pattern, e);
                    if (before != null) LOG.warn("API endpoints '{}' and '{}' both claim {}; '{}' serves it", before.name(), e.name(), pattern, before.name());
                }
            }
            return new Routes(Map.copyOf(exact), Map.copyOf(prefix));
        }
    }

    /** Where a request goes: the endpoint, and the servlet path and path info it sees. */
    record Match(Endpoint endpoint, String servletPath, String pathInfo) {
    }

    @Reference(service = Api.class, target = "(" + PATTERN_PROPERTY + "=*)",
            cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addEndpoint(Api servlet, Map<String, Object> properties) {
        String name = String.valueOf(properties.get(NAME_PROPERTY));
        Endpoint endpoint = new Endpoint(name, patterns(properties.get(PATTERN_PROPERTY)),
                (Long) properties.get(Constants.SERVICE_ID), servlet);
        try {
            servlet.init(RoutedRequest.config(name, this));
        } catch (ServletException e) {
            LOG.error("The API endpoint '{}' failed to start; it does not serve", name, e);
            return;
        }
        synchronized (endpoints) {
            endpoints.put(endpoint.serviceId(), endpoint);
            reroute();
        }
    }

    void removeEndpoint(Api servlet, Map<String, Object> properties) {
        Endpoint gone;
        synchronized (endpoints) {
            gone = endpoints.remove((Long) properties.get(Constants.SERVICE_ID));
            reroute();
        }
        if (gone != null) gone.servlet().destroy();
    }

    /**
     * The names of the endpoints that serve now, as seen by the router that dispatched this request. The health
     * asks it this way, not through a service reference, which would make the router and the health each other's
     * dependency.
     */
    static Set<String> serving(ServletRequest request) {
        for (ServletRequest r = request; r instanceof ServletRequestWrapper wrapper; r = wrapper.getRequest()) {
            if (r instanceof Routed routed) return routed.router().serving();
        }
        return Set.of();
    }

    private Set<String> serving() {
        Set<String> names = new TreeSet<>();
        synchronized (endpoints) {
            for (Endpoint e : endpoints.values()) names.add(e.name());
        }
        return names;
    }

    private void reroute() {
        routes = Routes.of(new TreeMap<>(endpoints).values());
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        // Decoded and normalised by the container, like the paths it matches whiteboard patterns against.
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        Match m = routes.match(path);
        if (m == null) {
            Api.problem(request, response, Api.notFound(request));
            return;
        }
        m.endpoint().servlet().service(new Routed(request, m.servletPath(), m.pathInfo()), response);
    }

    private static String[] patterns(Object value) {
        if (value instanceof String[] many) return many;
        return new String[] {String.valueOf(value)};
    }

    /** A request this router dispatched, which knows the router (for {@link #serving(ServletRequest)}). */
    private final class Routed extends RoutedRequest {
        Routed(HttpServletRequest request, String servletPath, String pathInfo) {
            super(request, servletPath, pathInfo);
        }

        ApiRouter router() {
            return ApiRouter.this;
        }
    }
}
