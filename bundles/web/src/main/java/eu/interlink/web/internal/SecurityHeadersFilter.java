package eu.interlink.web.internal;

import java.io.IOException;
import java.util.Locale;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpServletResponseWrapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterAsyncSupported;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

import eu.interlink.identity.IdentityService;

/**
 * The security headers of every answer the platform's HTTP context gives: the API's JSON and problems, the web
 * application, the Interlinkers' pages and endpoints, static files. One place, so that no servlet can forget them:
 *
 * <ul>
 * <li>{@code X-Content-Type-Options: nosniff}: a browser runs nothing whose declared type says it is not a script
 *     or a page;</li>
 * <li>{@code Referrer-Policy: same-origin}: asset and process ids in our addresses never leave in a Referer;</li>
 * <li>{@code X-Frame-Options: SAMEORIGIN}: no other site frames our pages (clickjacking); the web application
 *     may frame its own;</li>
 * <li>an HTML answer that set no {@code Content-Security-Policy} of its own gets {@link #DEFAULT_HTML_POLICY}
 *     (no script at all); pages with scripts (the web application, the Interlinkers' pages) set their own, stricter
 *     for what they load;</li>
 * <li>{@code Strict-Transport-Security} only when the identity configuration says {@code cookie.secure=true},
 *     that is when the platform is served over HTTPS (behind a proxy that ends TLS): over plain HTTP the header is
 *     meaningless, and promising HTTPS where there is none would lock browsers out.</li>
 * </ul>
 *
 * <p>Ranked before every other filter (the authentication filter answers 401 and 403 itself), so that those
 * answers carry the headers too. Servlets may still set the same headers (Interlinker bundles do, for when they run
 * on another platform); setting one again only replaces it with its own value.
 */
@Component(service = Filter.class, property = "service.ranking:Integer=1000")
@HttpWhiteboardFilterName("interlink-security-headers")
@HttpWhiteboardFilterPattern("/*")
// Async too: the live notification stream (NotificationStreamServlet) holds its request open asynchronously.
@HttpWhiteboardFilterAsyncSupported
public class SecurityHeadersFilter implements Filter {
    /** For HTML that names no policy: nothing loads but its own inline style; nobody frames it but us. */
    static final String DEFAULT_HTML_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
            + "frame-ancestors 'self'; base-uri 'none'; form-action 'self'";
    /** One year, the value HSTS preload lists ask for. */
    static final String HSTS = "max-age=31536000; includeSubDomains";

    @Reference
    private IdentityService identity;

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletResponse response = (HttpServletResponse) res;
        boolean https = identity.cookies().secure();
        Headed headed = new Headed(response, https);
        headed.apply();
        chain.doFilter(req, headed);
    }

    /** The response, with the headers put back after a {@code reset()} and a policy added to HTML that has none. */
    private static final class Headed extends HttpServletResponseWrapper {
        private final boolean https;

        Headed(HttpServletResponse response, boolean https) {
            super(response);
            this.https = https;
        }

        void apply() {
            HttpServletResponse r = (HttpServletResponse) getResponse();
            r.setHeader("X-Content-Type-Options", "nosniff");
            r.setHeader("Referrer-Policy", "same-origin");
            r.setHeader("X-Frame-Options", "SAMEORIGIN");
            if (https) r.setHeader("Strict-Transport-Security", HSTS);
        }

        @Override
        public void reset() {
            super.reset();
            apply();
        }

        @Override
        public void setContentType(String type) {
            super.setContentType(type);
            policyFor(type);
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, value);
            if ("Content-Type".equalsIgnoreCase(name)) policyFor(value);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, value);
            if ("Content-Type".equalsIgnoreCase(name)) policyFor(value);
        }

        /** HTML without a policy of its own gets the default one; a servlet's own, set before or after, wins. */
        private void policyFor(String type) {
            if (type != null && type.toLowerCase(Locale.ROOT).startsWith("text/html") && !containsHeader("Content-Security-Policy")) {
                super.setHeader("Content-Security-Policy", DEFAULT_HTML_POLICY);
            }
        }
    }

    @Override
    public void init(javax.servlet.FilterConfig config) {
    }

    @Override
    public void destroy() {
    }
}
