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
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import eu.interlink.kernel.service.HistoryEntry;
import eu.interlink.kernel.service.InterlinkerEntry;
import eu.interlink.kernel.service.InterlinkerOperations;
import eu.interlink.kernel.service.InterlinkerQuery;
import eu.interlink.kernel.service.InterlinkerRegistry;
import eu.interlink.kernel.service.Page;
import eu.interlink.knowledge.KnowledgePacks;

/**
 * Operator control of Interlinkers, the same operations as the {@code interlink:} shell commands:
 * <ul>
 * <li>{@code GET /api/v1/admin/interlinkers}: every registration, every version, refused ones included</li>
 * <li>{@code POST /api/v1/admin/interlinkers}: install; the body is the bundle jar
 * ({@code application/java-archive} or {@code application/octet-stream}), or JSON {"location": "file:…|https:…"};
 * a knowledge pack (a jar with an {@code Interlink-Knowledge} header) is handed to the knowledge extender</li>
 * <li>{@code POST /api/v1/admin/interlinkers/{id}/upgrade}: the same bodies</li>
 * <li>{@code POST …/{id}/rollback}, {@code …/disable}, {@code …/enable}; {@code DELETE …/{id}}; {@code GET …/{id}/history}</li>
 * </ul>
 * For operators only, as every admin endpoint ({@link Api} checks it).
 */
@Component(service = Api.class)
@ApiRoute(name = "interlink-api-admin-interlinkers", pattern = {"/api/v1/admin/interlinkers", "/api/v1/admin/interlinkers/*"})
public class AdminInterlinkersServlet extends Api {
    private static final long serialVersionUID = 1L;
    /** The largest bundle accepted in an upload. */
    static final long MAX_JAR_BYTES = 64L * 1024 * 1024;

    @Reference
    private transient InterlinkerOperations operations;

    @Reference
    private transient InterlinkerRegistry registry;

    /** The knowledge extender: a jar with an Interlink-Knowledge header installs as a knowledge pack. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile KnowledgePacks packs;

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
                case "POST" -> json(response, 201, installInterlinkerOrPack(request, response, actor));
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
        if (path.length != 2) throw notFound(request);
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

    /**
     * Installs a bundle: a knowledge pack (its manifest has the {@code Interlink-Knowledge} header) goes to the
     * knowledge extender, anything else to the kernel as an Interlinker.
     */
    private Map<String, Object> installInterlinkerOrPack(HttpServletRequest request, HttpServletResponse response, String actor) throws IOException {
        KnowledgePacks extender = packs;
        if (extender == null) return Views.interlinker(install(request, null, actor), language(request, response).code());
        if (contentType(request).startsWith(JSON_TYPE)) {
            String location = location(request);
            java.nio.file.Path staged = fetch(location);
            try {
                if (staged != null && isPack(staged)) {
                    try (InputStream in = java.nio.file.Files.newInputStream(staged)) {
                        return PackViews.pack(extender.install(in, location, actor));
                    }
                }
            } finally {
                if (staged != null) java.nio.file.Files.deleteIfExists(staged);
            }
            // Not a pack, or not readable here: the kernel installs it or says why it cannot.
            return Views.interlinker(operations.install(location, actor), language(request, response).code());
        }
        java.nio.file.Path staged = java.nio.file.Files.createTempFile("interlink-upload-", ".jar");
        try {
            try (InputStream in = upload(request)) {
                java.nio.file.Files.copy(in, staged, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                // Too large, or the client went away: the same answer the kernel gives for an upload it cannot read.
                throw eu.interlink.kernel.service.KernelException.badRequest("Could not read the bundle: " + e.getMessage());
            }
            try (InputStream in = java.nio.file.Files.newInputStream(staged)) {
                return isPack(staged) ? PackViews.pack(extender.install(in, null, actor))
                        : Views.interlinker(operations.install(in, actor), language(request, response).code());
            }
        } finally {
            java.nio.file.Files.deleteIfExists(staged);
        }
    }

    private static boolean isPack(java.nio.file.Path jar) {
        try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
            java.util.jar.Manifest m = file.getManifest();
            return m != null && m.getMainAttributes().getValue(KnowledgePacks.HEADER) != null;
        } catch (IOException | SecurityException e) {
            return false; // not a jar: the kernel says so
        }
    }

    /** A copy of the file or URL at {@code location}, or {@code null} when it cannot be read here. */
    private static java.nio.file.Path fetch(String location) {
        String l = location.trim();
        try {
            java.net.URL url = l.matches("(?i)(file|https?|mvn):.*") ? new java.net.URL(l) : new java.io.File(l).getAbsoluteFile().toURI().toURL();
            java.nio.file.Path staged = java.nio.file.Files.createTempFile("interlink-location-", ".jar");
            try (InputStream in = new LimitedInputStream(url.openStream(), MAX_JAR_BYTES)) {
                java.nio.file.Files.copy(in, staged, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                return staged;
            } catch (IOException | RuntimeException e) {
                java.nio.file.Files.deleteIfExists(staged);
                return null;
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String contentType(HttpServletRequest request) {
        return request.getContentType() == null ? "" : request.getContentType().toLowerCase(java.util.Locale.ROOT);
    }

    private static String location(HttpServletRequest request) throws IOException {
        Object location = readObject(request).get("location");
        if (!(location instanceof String l) || l.isBlank()) {
            throw new Problem(400, "invalid-body", "Invalid body", "Field 'location' must be the bundle's file path or URL").with("field", "location");
        }
        return l;
    }

    /** The uploaded jar, after its media type and length are checked. */
    private static InputStream upload(HttpServletRequest request) throws IOException {
        String type = contentType(request);
        if (!type.startsWith("application/java-archive") && !type.startsWith("application/octet-stream") && !type.startsWith("application/zip")) {
            throw new Problem(415, "unsupported-media-type", "Unsupported media type",
                    "Send the bundle jar as application/java-archive (or application/octet-stream), or JSON {\"location\": …}");
        }
        if (request.getContentLengthLong() > MAX_JAR_BYTES) {
            throw new Problem(413, "body-too-large", "Body too large", "A bundle must be at most " + MAX_JAR_BYTES + " bytes");
        }
        return new LimitedInputStream(request.getInputStream(), MAX_JAR_BYTES);
    }

    /** Installs (or, with an id, upgrades) from an uploaded jar or from a location given as JSON. */
    private InterlinkerEntry install(HttpServletRequest request, String id, String actor) throws IOException {
        if (contentType(request).startsWith(JSON_TYPE)) {
            String l = location(request);
            return id == null ? operations.install(l, actor) : operations.upgrade(id, l, actor);
        }
        try (InputStream in = upload(request)) {
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
