package eu.interlink.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The OpenAPI 3 document of the JSON API. Each area of the API describes its endpoints in a fragment beside its
 * code ({@code openapi/*.json} in this bundle: {@code paths} and {@code components}); the fragments are merged once,
 * when the servlet starts, so the document is as cheap to serve as a static file.
 */
@Component(service = Api.class)
@ApiRoute(name = "interlink-api-openapi", pattern = "/api/v1/openapi.json")
public class OpenApiServlet extends Api {
    private static final long serialVersionUID = 1L;

    private transient byte[] document;
    private transient String etag;

    @Activate
    void activate(BundleContext context) throws IOException {
        Bundle bundle = context.getBundle();
        ObjectNode root = JSON.createObjectNode();
        root.put("openapi", "3.0.3");
        ObjectNode info = root.putObject("info");
        info.put("title", "Interlink API");
        info.put("version", bundle.getVersion().toString());
        info.put("description", "The JSON API of an Interlink platform. Every error is an RFC 9457 problem body "
                + "(application/problem+json) whose type is urn:interlink:problem:<kind>. Translated fields follow "
                + "?lang= (en, es, it, lv), else Accept-Language, else English.");
        root.putArray("servers").addObject().put("url", "/");
        ObjectNode paths = root.putObject("paths");
        ObjectNode components = root.putObject("components");
        for (URL fragment : fragments(bundle)) {
            JsonNode part;
            try (InputStream in = fragment.openStream()) {
                part = JSON.readTree(in);
            }
            merge(paths, part.path("paths"));
            part.path("components").fields().forEachRemaining(kind -> {
                ObjectNode target = components.has(kind.getKey()) ? (ObjectNode) components.get(kind.getKey()) : components.putObject(kind.getKey());
                target.setAll((ObjectNode) kind.getValue());
            });
        }
        document = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(document)) + "\"";
    }

    /** Two fragments may describe different methods of one path: their operations are merged. */
    private static void merge(ObjectNode paths, JsonNode more) {
        more.fields().forEachRemaining(path -> {
            if (paths.has(path.getKey())) {
                ((ObjectNode) paths.get(path.getKey())).setAll((ObjectNode) path.getValue());
            } else {
                paths.set(path.getKey(), path.getValue());
            }
        });
    }

    private static List<URL> fragments(Bundle bundle) {
        Enumeration<URL> found = bundle.findEntries("openapi", "*.json", false);
        List<URL> urls = found == null ? new ArrayList<>() : Collections.list(found);
        urls.sort((a, b) -> a.getPath().compareTo(b.getPath()));
        return urls;
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        requireGet(request, response);
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", "no-cache");
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(304);
            return;
        }
        response.setStatus(200);
        response.setContentType(JSON_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(document.length);
        if (!"HEAD".equals(request.getMethod())) response.getOutputStream().write(document);
    }
}
