package eu.interlink.webapp.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The single-page application's files: the page at {@code /index.html} (and at {@code /}, through {@link RootFilter})
 * and its scripts and styles under {@code /app/*}. Screens are addressed by the URL fragment ({@code /#/catalogue}),
 * so no other path needs a fallback to the page: the web bundle's default servlet keeps answering every other
 * unknown path with a 404 problem, and {@code /api/v1/*}, {@code /interlinkers/*} and {@code /metrics} are untouched.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("interlink-webapp")
@HttpWhiteboardServletPattern({"/index.html", "/app/*"})
public class WebAppServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html;charset=utf-8",
            "js", "text/javascript;charset=utf-8",
            "css", "text/css;charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "json", "application/json",
            "map", "application/json");

    /** Same origin only: the app calls the API it came from and loads nothing from the outside network. */
    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; connect-src 'self'; frame-ancestors 'self'; base-uri 'self'; form-action 'self'";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, true);
    }

    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, false);
    }

    private void serve(HttpServletRequest request, HttpServletResponse response, boolean body) throws IOException {
        serve(resourcePath(request.getServletPath(), request.getPathInfo()), request, response, body);
    }

    /** Sends webapp/{path} from this bundle, or a 404 problem when path is null or names nothing. */
    static void serve(String path, HttpServletRequest request, HttpServletResponse response, boolean body) throws IOException {
        URL url = path == null ? null : WebAppServlet.class.getResource("/webapp/" + path);
        if (url == null) {
            notFound(request, response);
            return;
        }
        String ext = path.substring(path.lastIndexOf('.') + 1);
        response.setContentType(TYPES.getOrDefault(ext, "application/octet-stream"));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("Referrer-Policy", "same-origin");
        // The page is small and names the current script; the scripts are revalidated too, since a new build
        // keeps their names. Bundles come and go at runtime, so no long-lived caching.
        response.setHeader("Cache-Control", "no-cache");
        if (!body) return;
        try (InputStream in = url.openStream(); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }

    /**
     * The file under webapp/ a request names, or null when it names none: the page for {@code /} and
     * {@code /index.html}, and plain names (letters, digits, dots, dashes, one level of folders) under /app.
     */
    static String resourcePath(String servletPath, String pathInfo) {
        if (servletPath == null || servletPath.isEmpty() || servletPath.equals("/") || servletPath.equals("/index.html")) {
            return pathInfo == null || pathInfo.equals("/") ? "index.html" : null;
        }
        if (!servletPath.equals("/app") || pathInfo == null) return null;
        String name = pathInfo.substring(1);
        if (!name.matches("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)?\\.[a-z]+")) return null;
        return "app/" + name;
    }

    private static void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(404);
        response.setContentType("application/problem+json");
        String uri = request.getRequestURI();
        if (uri.length() > 200) uri = uri.substring(0, 200) + "…";
        String detail = ("No such resource: " + uri).replace("\\", "\\\\").replace("\"", "\\\"");
        response.getOutputStream().write(("{\"type\":\"urn:interlink:problem:not-found\",\"title\":\"Not found\",\"status\":404,"
                + "\"detail\":\"" + detail + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}
