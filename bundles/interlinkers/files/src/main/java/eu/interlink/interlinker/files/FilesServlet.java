package eu.interlink.interlinker.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.interlink.api.AssetAccess;
import eu.interlink.api.AssetNotFoundException;
import eu.interlink.api.Blob;
import eu.interlink.api.InterlinkerPages;

/**
 * The file space's own page and endpoints, under {@code /interlinkers/files/}; the contract is in this bundle's
 * README. Uploads and downloads stream between the request or response and the asset's blobs, inside one
 * {@link AssetAccess#withAsset} transaction each. Limits come from Config Admin
 * ({@code etc/eu.interlink.interlinker.files.cfg}) and apply from the next request on.
 */
@Component(service = Servlet.class, configurationPid = FilesServlet.PID)
@InterlinkerPages("files")
public final class FilesServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = System.getLogger(FilesServlet.class.getName());
    static final String PID = "eu.interlink.interlinker.files";
    /** The field named when the signed-in name cannot be used (the platform's account names always can). */
    static final String USER_FIELD = "user";
    static final long DEFAULT_MAX_BYTES = 100L * 1024 * 1024;
    static final long LARGEST_MAX_BYTES = 10L * 1024 * 1024 * 1024;
    static final String DEFAULT_TYPES = "application/pdf, image/png, image/jpeg, image/gif, image/webp, text/plain, text/csv, "
            + "text/markdown, application/zip, application/vnd.oasis.opendocument.text, "
            + "application/vnd.oasis.opendocument.spreadsheet, application/vnd.oasis.opendocument.presentation, "
            + "application/vnd.openxmlformats-officedocument.wordprocessingml.document, "
            + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, "
            + "application/vnd.openxmlformats-officedocument.presentationml.presentation";

    /** The configuration, {@code etc/eu.interlink.interlinker.files.cfg}. */
    @interface Config {
        /** The largest file one upload may carry, in bytes. */
        long max_upload_bytes() default DEFAULT_MAX_BYTES;

        /** The content types an upload may have, separated by commas. */
        String allowed_types() default DEFAULT_TYPES;
    }

    private final transient AssetAccess assets;
    private transient volatile FileSpace.Limits limits;

    @Activate
    public FilesServlet(@Reference(name = "assets") AssetAccess assets, Config config) {
        this.assets = assets;
        configure(config);
    }

    @Modified
    void configure(Config config) {
        long max = config.max_upload_bytes();
        if (max < 1 || max > LARGEST_MAX_BYTES) {
            LOG.log(Level.WARNING, PID + ": max.upload.bytes must be from 1 to " + LARGEST_MAX_BYTES + ", not " + max
                    + "; using " + DEFAULT_MAX_BYTES);
            max = DEFAULT_MAX_BYTES;
        }
        Set<String> types = new LinkedHashSet<>();
        for (String type : String.valueOf(config.allowed_types()).split(",")) {
            String t = ContentTypes.normalise(type);
            if (t != null) {
                types.add(t);
            }
        }
        limits = new FileSpace.Limits(max, Set.copyOf(types));
    }

    FileSpace.Limits limits() {
        return limits;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        if ("HEAD".equals(request.getMethod())) {
            super.service(request, response);
        } else {
            handle(request.getMethod(), request, response);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        handle("GET", request, response);
    }

    private void handle(String method, HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            route(method, request, response);
        } catch (RuntimeException | LinkageError e) {
            answerError(e, request, response);
        }
    }

    private record Request(String assetId, PageTexts texts, String author, HttpServletRequest http, HttpServletResponse response) {
        Locale locale() {
            return texts.locale();
        }

        Principal user() {
            Principal principal = http.getUserPrincipal();
            if (principal != null || author == null) {
                return principal;
            }
            String name = author;
            return () -> name;
        }

        String base() {
            return http.getContextPath() + http.getServletPath() + "/assets/" + encode(assetId);
        }
    }

    private void route(String method, HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> path = segments(request.getPathInfo());
        if (path.size() < 2 || !path.get(0).equals("assets") || path.contains("")) {
            throw HttpProblem.notFound("No such page");
        }
        PageTexts texts = PageTexts.negotiate(queryParameter(request, "lang"), request.getLocales());
        Request r = new Request(path.get(1), texts, author(request), request, response);
        List<String> tail = path.subList(2, path.size());
        if (tail.isEmpty()) {
            allow(method, "GET");
            page(r);
        } else if (!tail.get(0).equals("files")) {
            throw HttpProblem.notFound("No such page");
        } else if (tail.size() == 1) {
            allow(method, "GET", "POST");
            if (method.equals("GET")) {
                list(r);
            } else {
                upload(r);
            }
        } else if (tail.size() == 2) {
            allow(method, "GET", "DELETE");
            if (method.equals("GET")) {
                file(r, tail.get(1));
            } else {
                delete(r, tail.get(1), null);
            }
        } else if (tail.size() == 3 && tail.get(2).equals("content")) {
            allow(method, "GET");
            download(r, tail.get(1), null);
        } else if (tail.size() == 4 && tail.get(2).equals("versions")) {
            long version = versionNumber(tail.get(3));
            allow(method, "GET", "DELETE");
            if (method.equals("GET")) {
                download(r, tail.get(1), version);
            } else {
                delete(r, tail.get(1), version);
            }
        } else {
            throw HttpProblem.notFound("No such page");
        }
    }

    private static long versionNumber(String segment) {
        try {
            long n = Long.parseLong(segment);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw HttpProblem.notFound("There is no version '" + clip(segment) + "': versions are numbered from 1");
    }

    private void page(Request r) throws IOException {
        record Space(String title, List<FileSpace.StoredFile> files) {
        }
        Space space = assets.withAsset(r.assetId(), r.locale(), r.user(),
                c -> new Space(FileSpace.title(c.store()), FileSpace.list(c.store())));
        HttpServletResponse response = r.response();
        response.setStatus(200);
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Language", r.texts().language);
        response.setHeader("Vary", "Accept-Language");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Security-Policy", FilesPages.POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.getOutputStream().write(FilesPages.page(space.title(), space.files(), limits, r.base(), r.texts())
                .getBytes(StandardCharsets.UTF_8));
    }

    private void list(Request r) throws IOException {
        record Space(String title, List<FileSpace.StoredFile> files) {
        }
        Space space = assets.withAsset(r.assetId(), r.locale(), r.user(),
                c -> new Space(FileSpace.title(c.store()), FileSpace.list(c.store())));
        ObjectNode body = FileSpace.JSON.createObjectNode();
        body.put("title", space.title());
        ArrayNode files = body.putArray("files");
        space.files().forEach(f -> files.add(f.view()));
        body.set("limits", limitsNode(limits));
        json(r.response(), 200, body);
    }

    static ObjectNode limitsNode(FileSpace.Limits limits) {
        ObjectNode n = FileSpace.JSON.createObjectNode();
        n.put("maxBytes", limits.maxBytes());
        ArrayNode types = n.putArray("allowedTypes");
        limits.allowedTypes().stream().sorted().forEach(types::add);
        return n;
    }

    private void upload(Request r) throws IOException {
        FileSpace.Limits now = limits;
        String name = FileSpace.checkName(queryParameter(r.http(), "name"));
        long declaredLength = r.http().getContentLengthLong();
        if (declaredLength > now.maxBytes()) {
            throw new FileSpace.UploadTooLargeException(now.maxBytes()); // refused before a byte is read
        }
        String declared = r.http().getContentType();
        String at = Instant.now().toString();
        FileSpace.Uploaded uploaded = assets.withAsset(r.assetId(), r.locale(), r.user(), c -> {
            FileSpace.title(c.store());
            try (InputStream body = r.http().getInputStream()) {
                return FileSpace.upload(c.store(), name, declared, body, now, r.author(), at);
            }
        });
        ObjectNode body = uploaded.file().view();
        body.put("version", uploaded.version().number());
        r.response().setHeader("Location", r.base() + "/files/" + uploaded.file().id() + "/versions/" + uploaded.version().number());
        json(r.response(), 201, body);
    }

    private void file(Request r, String fileId) throws IOException {
        FileSpace.StoredFile file = assets.withAsset(r.assetId(), r.locale(), r.user(),
                c -> FileSpace.file(c.store(), fileId).orElseThrow(() -> noFile(fileId)));
        json(r.response(), 200, file.view());
    }

    private void delete(Request r, String fileId, Long version) {
        boolean deleted = assets.withAsset(r.assetId(), r.locale(), r.user(), c -> version == null
                ? FileSpace.deleteFile(c.store(), fileId) : FileSpace.deleteVersion(c.store(), fileId, version));
        if (!deleted) {
            throw version == null ? noFile(fileId) : HttpProblem.notFound("There is no version " + version + " of file '" + clip(fileId) + "'");
        }
        r.response().setStatus(204);
    }

    /** Streams a version's bytes from the store to the client, chunk by chunk, inside the transaction that reads them. */
    private void download(Request r, String fileId, Long number) {
        assets.withAsset(r.assetId(), r.locale(), r.user(), c -> {
            FileSpace.StoredFile file = FileSpace.file(c.store(), fileId).orElseThrow(() -> noFile(fileId));
            FileSpace.Version version = number == null ? file.latest() : file.version(number).orElseThrow(
                    () -> HttpProblem.notFound("There is no version " + number + " of '" + clip(file.name()) + "'"));
            Blob blob = c.store().getBlob(version.blob()).orElseThrow(
                    () -> new IllegalStateException("Version " + version.number() + " of " + fileId + " has no content"));
            HttpServletResponse response = r.response();
            response.setStatus(200);
            response.setContentType(blob.contentType());
            response.setContentLengthLong(blob.size());
            response.setHeader("Content-Disposition", contentDisposition(file.name()));
            response.setHeader("ETag", "\"" + version.sha256() + "\"");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
            response.setHeader("Cache-Control", "private, no-cache");
            OutputStream out = response.getOutputStream();
            try (InputStream in = blob.open()) {
                in.transferTo(out);
            }
            out.flush();
            return null;
        });
    }

    /**
     * Always an attachment, never shown inline (an uploaded file must not run as a page of ours). The plain
     * {@code filename} keeps only safe ASCII; {@code filename*} (RFC 6266, RFC 8187) carries the real name.
     */
    static String contentDisposition(String name) {
        StringBuilder ascii = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            ascii.append(c < 0x7F && (Character.isLetterOrDigit(c) || " ._-()".indexOf(c) >= 0) ? c : '_');
        }
        String fallback = ascii.toString().strip();
        if (fallback.isEmpty() || fallback.chars().allMatch(ch -> ch == '_' || ch == '.')) {
            fallback = "file" + (ContentTypes.extension(name).matches("[a-z0-9]{1,8}") ? "." + ContentTypes.extension(name) : "");
        }
        return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static HttpProblem noFile(String fileId) {
        return HttpProblem.notFound("There is no file '" + clip(fileId) + "' here");
    }

    static String author(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        String name = principal != null ? principal.getName() : null; // the platform authenticates; no header names a caller
        if (name == null || name.isBlank()) {
            return null;
        }
        String clean = name.strip();
        if (clean.chars().anyMatch(Character::isISOControl) || clean.codePointCount(0, clean.length()) > 200) {
            throw HttpProblem.invalid(USER_FIELD, "The caller's name must be a name of at most 200 characters without control characters");
        }
        return clean;
    }

    private static void allow(String method, String... allowed) {
        if (!Arrays.asList(allowed).contains(method)) {
            throw new HttpProblem(405, "method-not-allowed", "Method not allowed", method + " is not allowed here; use "
                    + String.join(" or ", allowed), null,
                    Map.of("Allow", String.join(", ", allowed) + (Arrays.asList(allowed).contains("GET") ? ", HEAD" : "")));
        }
    }

    private static void json(HttpServletResponse response, int status, JsonNode body) throws IOException {
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(FileSpace.JSON.writeValueAsBytes(body));
    }

    private void answerError(Throwable e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpProblem problem = find(e, HttpProblem.class);
        String instance = null;
        if (problem == null) {
            FileSpace.UploadTooLargeException tooLarge = find(e, FileSpace.UploadTooLargeException.class);
            FileSpace.UnsupportedTypeException type = find(e, FileSpace.UnsupportedTypeException.class);
            FileSpace.InvalidUploadException invalid = find(e, FileSpace.InvalidUploadException.class);
            AssetNotFoundException notFound = find(e, AssetNotFoundException.class);
            SecurityException denied = find(e, SecurityException.class);
            if (tooLarge != null) {
                problem = new HttpProblem(413, "file-too-large", "File too large", "The file is larger than the limit of "
                        + tooLarge.max + " bytes (" + FilesPages.size(tooLarge.max) + ")", "body", Map.of());
                problem.extend("maxBytes", FileSpace.JSON.getNodeFactory().numberNode(tooLarge.max));
            } else if (type != null) {
                problem = new HttpProblem(415, "unsupported-file-type", "Unsupported file type", type.getMessage(), "body", Map.of());
                problem.extend("allowedTypes", limitsNode(new FileSpace.Limits(0, type.allowed)).get("allowedTypes"));
            } else if (invalid != null) {
                problem = HttpProblem.invalid(invalid.field, invalid.detail());
            } else if (notFound != null) {
                problem = HttpProblem.notFound("There is no file space '" + clip(String.valueOf(notFound.assetId())) + "'");
            } else if (denied != null) {
                problem = new HttpProblem(403, "forbidden", "Forbidden", "You may not do this with this file space");
            } else if (find(e, IOException.class) != null && request.getMethod().equals("POST")) {
                problem = HttpProblem.invalid("body", "The upload was cut off before its end: nothing was kept");
            } else {
                instance = "urn:uuid:" + UUID.randomUUID();
                LOG.log(Level.ERROR, "File space request " + request.getMethod() + " " + request.getRequestURI()
                        + " failed; answered as " + instance, e);
                problem = new HttpProblem(500, "internal-error", "Internal error",
                        "The request could not be processed. The error is logged as " + instance + ".");
            }
        }
        if (response.isCommitted()) {
            LOG.log(Level.WARNING, "Could not answer " + problem.status() + " to " + request.getRequestURI() + ": response already sent");
            return;
        }
        // A refused upload may leave most of its body unread: close the connection rather than read it all.
        if (problem.status() == 413 || problem.status() == 415) {
            response.setHeader("Connection", "close");
        }
        problem.writeTo(response, instance);
    }

    static <T extends Throwable> T find(Throwable e, Class<T> type) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < 20; depth++, t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    static List<String> segments(String pathInfo) {
        if (pathInfo == null || pathInfo.length() < 2) {
            return List.of();
        }
        return List.of(pathInfo.substring(1).split("/", -1));
    }

    /** Read from the query string only: getParameter could consume the request body, which is the upload. */
    static String queryParameter(HttpServletRequest request, String name) {
        String query = request.getQueryString();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name)) {
                try {
                    return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String clip(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
