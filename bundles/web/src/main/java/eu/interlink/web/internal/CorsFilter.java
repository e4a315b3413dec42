package eu.interlink.web.internal;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletContext;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;

import org.eclipse.jetty.servlets.CrossOriginFilter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterAsyncSupported;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cross-origin requests from the origins listed in {@code allowed.origins} of {@code etc/eu.interlink.cors.cfg}
 * (none by default: browsers then refuse every other site's scripts). Jetty's {@link CrossOriginFilter} does the
 * protocol; this component only feeds it the configuration, which changes without a restart. Credentials are
 * allowed, so a wildcard origin is refused: naming each origin is what makes sending cookies safe.
 */
@Component(service = Filter.class, configurationPid = "eu.interlink.cors", configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = "service.ranking:Integer=100")
@HttpWhiteboardFilterName("interlink-cors")
@HttpWhiteboardFilterPattern("/*")
// Async too: the live notification stream (NotificationStreamServlet) holds its request open asynchronously.
@HttpWhiteboardFilterAsyncSupported
public class CorsFilter implements Filter {
    private static final Logger LOG = LoggerFactory.getLogger(CorsFilter.class);

    /** Jetty's filter for the configured origins, or null when no origin is allowed. */
    private volatile CrossOriginFilter delegate;

    @Activate
    @Modified
    void configure(Map<String, Object> properties) throws ServletException {
        List<String> origins = origins(String.valueOf(properties.getOrDefault("allowed.origins", "")));
        CrossOriginFilter old = delegate;
        if (origins.isEmpty()) {
            delegate = null;
        } else {
            CrossOriginFilter f = new CrossOriginFilter();
            f.init(new Config(Map.of(
                    CrossOriginFilter.ALLOWED_ORIGINS_PARAM, String.join(",", origins),
                    CrossOriginFilter.ALLOWED_METHODS_PARAM, "GET,HEAD,POST,PUT,PATCH,DELETE,OPTIONS",
                    CrossOriginFilter.ALLOWED_HEADERS_PARAM, "Content-Type,Accept,Accept-Language,Authorization,X-CSRF-Token,If-Match,If-None-Match",
                    CrossOriginFilter.EXPOSED_HEADERS_PARAM, "ETag,Location,Retry-After,Content-Language",
                    CrossOriginFilter.ALLOW_CREDENTIALS_PARAM, "true",
                    CrossOriginFilter.PREFLIGHT_MAX_AGE_PARAM, "600",
                    CrossOriginFilter.CHAIN_PREFLIGHT_PARAM, "false")));
            delegate = f;
        }
        if (old != null) old.destroy();
    }

    /** Each origin is scheme://host[:port], as browsers send it; anything else is left out with a warning. */
    static List<String> origins(String raw) {
        List<String> out = new ArrayList<>();
        for (String part : raw.split("[,\\s]+")) {
            String origin = part.trim();
            if (origin.isEmpty()) continue;
            if (valid(origin)) {
                out.add(origin);
            } else {
                LOG.warn("CORS origin '{}' ignored: give each origin as scheme://host[:port] (no wildcard, path or trailing slash)", origin);
            }
        }
        return out;
    }

    private static boolean valid(String origin) {
        try {
            URI u = new URI(origin);
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null && !u.getHost().contains("*")
                    && (u.getRawPath() == null || u.getRawPath().isEmpty()) && u.getRawQuery() == null && u.getRawFragment() == null
                    && u.getRawUserInfo() == null;
        } catch (java.net.URISyntaxException bad) {
            return false;
        }
    }

    @Override
    public void init(FilterConfig config) {
        // Configured by configure().
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        CrossOriginFilter f = delegate;
        if (f == null) chain.doFilter(request, response);
        else f.doFilter(request, response, chain);
    }

    @Override
    public void destroy() {
        // The whiteboard may take the filter out and put it back; Jetty's filter lives as long as this component.
    }

    @Deactivate
    void deactivate() {
        CrossOriginFilter f = delegate;
        delegate = null;
        if (f != null) f.destroy();
    }

    private record Config(Map<String, String> parameters) implements FilterConfig {
        @Override
        public String getFilterName() {
            return "interlink-cors";
        }

        @Override
        public ServletContext getServletContext() {
            return null;
        }

        @Override
        public String getInitParameter(String name) {
            return parameters.get(name);
        }

        @Override
        public Enumeration<String> getInitParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }
    }
}
