package eu.interlink.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import eu.interlink.kernel.service.HistoryEntry;
import eu.interlink.kernel.service.InterlinkerEntry;
import eu.interlink.kernel.service.InterlinkerOperations;
import eu.interlink.kernel.service.InterlinkerQuery;
import eu.interlink.kernel.service.InterlinkerRegistry;
import eu.interlink.kernel.service.Page;

/**
 * Operator control of Interlinkers, the same operations as the {@code interlink:} shell commands:
 * <ul>
 * <li>{@code GET /api/v1/admin/interlinkers}: every registration, every version, refused ones included</li>
 * <li>{@code POST /api/v1/admin/interlinkers}: install; the body is the bundle jar
 * ({@code application/java-archive} or {@code application/octet-stream}), or JSON {"location": "file:…|https:…"}</li>
 * <li>{@code POST /api/v1/admin/interlinkers/{id}/upgrade}: the same bodies</li>
 * <li>{@code POST …/{id}/rollback}, {@code …/disable}, {@code …/enable}; {@code DELETE …/{id}}; {@code GET …/{id}/history}</li>
 * </ul>
 * Open to anyone until accounts exist (the people and permissions issue restricts it to operators).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("interlink-api-admin-interlinkers")
@HttpWhiteboardServletPattern({"/api/v1/admin/interlinkers", "/api/v1/admin/interlinkers/*"})
public class AdminInterlinkersServlet extends Api {
    private static final long serialVersionUID = 1L;
    /** The largest bundle accepted in an upload. */
    static final long MAX_JAR_BYTES = 64L * 1024 * 1024;

    @Reference
    private transient InterlinkerOperations operations;

    @Reference
    private transient InterlinkerRegistry registry;

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        String[] path = segments(request);
        String actor = request.getUserPrincipal() == null ? null : request.getUserPrincipal().getName();
        if (path.length == 0) {
            switch (method) {
                case "GET", "HEAD" -> {
                    Page<InterlinkerEntry> all = registry.search(new InterlinkerQuery(Optional.empty(), Optional.empty(), language(request, response).code(), 0, Integer.MAX_VALUE));
                    List<Object> items = all.items().stream().map(e -> (Object) Views.interlinkerDetail(e, language(request, response).code(),
                            e.id().isEmpty() ? List.of(e) : registry.versions(e.id()))).toList();
                    json(response, 200, Map.of("items", items, "total", items.size()));
                }
                case "POST" -> json(response, 201, Views.interlinker(install(request, null, actor), language(request, response).code()));
                default -> throw methodNotAllowed(response, method, "GET", "POST");
            }
            return;
        }
        String id = path[0];
        if (path.length == 1 && !id.isEmpty()) {
            if (!"DELETE".equals(method)) throw methodNotAllowed(response, method, "DELETE");
            operations.remove(id, actor);
            response.setStatus(204);
            return;
        }
        if (path.length != 2) throw Problem.notFound("No such resource: " + clip(request.getRequestURI()));
        String action = path[1];
        if ("history".equals(action)) {
            if (!"GET".equals(method)) throw methodNotAllowed(response, method, "GET");
            int offset = intParameter(request, "offset", 0, 0, 1_000_000);
            int limit = intParameter(request, "limit", 50, 1, 500);
            List<HistoryEntry> h = operations.history(id, offset, limit);
            json(response, 200, Map.of("items", h.stream().map(Views::history).toList(), "offset", offset, "limit", limit));
            return;
        }
        if (!"POST".equals(method)) throw methodNotAllowed(response, method, "POST");
        InterlinkerEntry result = switch (action) {
            case "upgrade" -> install(request, id, actor);
            case "rollback" -> operations.rollback(id, actor);
            case "disable" -> operations.disable(id, actor);
            case "enable" -> operations.enable(id, actor);
            default -> throw Problem.notFound("No such action '" + clip(action) + "': use upgrade, rollback, disable, enable or history");
        };
        json(response, 200, Views.interlinker(result, language(request, response).code()));
    }

    /** Installs (or, with an id, upgrades) from an uploaded jar or from a location given as JSON. */
    private InterlinkerEntry install(HttpServletRequest request, String id, String actor) throws IOException {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith(JSON_TYPE)) {
            Object location = readObject(request).get("location");
            if (!(location instanceof String l) || l.isBlank()) {
                throw new Problem(400, "invalid-body", "Invalid body", "Field 'location' must be the bundle's file path or URL").with("field", "location");
            }
            return id == null ? operations.install(l, actor) : operations.upgrade(id, l, actor);
        }
        if (!type.startsWith("application/java-archive") && !type.startsWith("application/octet-stream") && !type.startsWith("application/zip")) {
            throw new Problem(415, "unsupported-media-type", "Unsupported media type",
                    "Send the bundle jar as application/java-archive (or application/octet-stream), or JSON {\"location\": …}");
        }
        if (request.getContentLengthLong() > MAX_JAR_BYTES) {
            throw new Problem(413, "body-too-large", "Body too large", "A bundle must be at most " + MAX_JAR_BYTES + " bytes");
        }
        try (InputStream in = new LimitedInputStream(request.getInputStream(), MAX_JAR_BYTES)) {
            return id == null ? operations.install(in, actor) : operations.upgrade(id, in, actor);
        }
    }

    /** Fails the upload, rather than filling the disk, when a body without a length goes on too long. */
    private static final class LimitedInputStream extends java.io.FilterInputStream {
        private long left;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && --left < 0) throw tooLarge();
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0 && (left -= n) < 0) throw tooLarge();
            return n;
        }

        private static IOException tooLarge() {
            return new IOException("The bundle is larger than " + MAX_JAR_BYTES + " bytes");
        }
    }
}
