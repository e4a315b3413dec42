package eu.interlink.interlinker.checklist;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.interlink.api.AssetAccess;
import eu.interlink.api.InterlinkerPages;
import eu.interlink.api.AssetContext;
import eu.interlink.api.AssetNotFoundException;
import eu.interlink.api.Document;
import eu.interlink.api.StaleDocumentException;

/**
 * The checklist's own pages and JSON endpoints, under {@code /interlinkers/checklist/}; the contract is in this
 * bundle's README. Every request runs in one {@link AssetAccess#withAsset} transaction, and every write replaces
 * the whole document at the version it read, so two users' changes never silently overwrite each other.
 */
@Component(service = Servlet.class)
@InterlinkerPages("checklist")
public final class ChecklistServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = System.getLogger(ChecklistServlet.class.getName());
    /** Far more than any valid item needs; larger bodies are refused before they are read. */
    static final int MAX_BODY = 16 * 1024;

    private final transient AssetAccess assets;

    @Activate
    public ChecklistServlet(@Reference(name = "assets") AssetAccess assets) {
        this.assets = assets;
    }

    /** PATCH is not among HttpServlet's methods, so every method goes through one dispatch. */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        if ("HEAD".equals(request.getMethod())) {
            super.service(request, response); // HttpServlet runs doGet with a body-less response
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
            // LinkageError too: after a bundle refresh a class may be gone, and the container's own error page
            // could show a stack trace.
            answerError(e, request, response);
        }
    }

    private void route(String method, HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> path = segments(request.getPathInfo());
        if (path.size() < 2 || !path.get(0).equals("assets") || path.contains("")) {
            throw new HttpProblem(404, "No such page");
        }
        String assetId = path.get(1);
        PageTexts texts = PageTexts.negotiate(queryParameter(request, "lang"), request.getLocales());
        Request r = new Request(assetId, texts.locale(), request.getUserPrincipal(), request, response);
        if (path.size() == 2) {
            allow(method, "GET");
            page(r, texts);
        } else if (path.size() == 3 && path.get(2).equals("preview")) {
            allow(method, "GET");
            preview(r, texts);
        } else if (path.size() == 3 && path.get(2).equals("items")) {
            allow(method, "GET", "POST");
            if (method.equals("GET")) {
                listItems(r);
            } else {
                addItem(r);
            }
        } else if (path.size() == 4 && path.get(2).equals("items")) {
            allow(method, "GET", "PATCH", "DELETE");
            switch (method) {
                case "GET" -> getItem(r, path.get(3));
                case "PATCH" -> changeItem(r, path.get(3));
                default -> deleteItem(r, path.get(3));
            }
        } else {
            throw new HttpProblem(404, "No such page");
        }
    }

    /** What every handler needs about one request. */
    private record Request(String assetId, Locale locale, Principal user, HttpServletRequest http,
                           HttpServletResponse response) {
    }

    /** A checklist with the version of the document it was read from. */
    private record Read(Checklist checklist, long version) {
        static Read of(AssetContext context) {
            Document d = ChecklistInterlinker.read(context);
            return new Read(Checklist.fromJson(d.json()), d.version());
        }
    }

    private void page(Request r, PageTexts texts) throws IOException {
        Read read = assets.withAsset(r.assetId(), r.locale(), r.user(), Read::of);
        String itemsUrl = r.http().getContextPath() + r.http().getServletPath() + "/assets/" + encode(r.assetId()) + "/items";
        html(r, ChecklistPage.page(read.checklist(), read.version(), itemsUrl, texts), ChecklistPage.PAGE_POLICY, texts);
    }

    private void preview(Request r, PageTexts texts) throws IOException {
        Read read = assets.withAsset(r.assetId(), r.locale(), r.user(), Read::of);
        html(r, ChecklistPage.preview(read.checklist(), texts), ChecklistPage.PREVIEW_POLICY, texts);
    }

    private void listItems(Request r) throws IOException {
        Read read = assets.withAsset(r.assetId(), r.locale(), r.user(), Read::of);
        ObjectNode body = Checklist.JSON.createObjectNode();
        body.put("title", read.checklist().title());
        body.put("version", read.version());
        body.set("items", read.checklist().itemsJson());
        json(r.response(), 200, read.version(), body);
    }

    private void getItem(Request r, String itemId) throws IOException {
        Read read = assets.withAsset(r.assetId(), r.locale(), r.user(), Read::of);
        ChecklistItem item = read.checklist().item(itemId).orElseThrow(() -> noItem(itemId));
        json(r.response(), 200, read.version(), Checklist.itemJson(item));
    }

    private void addItem(Request r) throws IOException {
        ItemChange change = parse(r, "POST", ItemChange::newItem);
        Long expected = ifMatch(r.http());
        Written written = write(r, expected, checklist -> checklist.add(change.text(), change.assignee()));
        r.response().setHeader("Location", r.http().getRequestURI() + "/" + encode(written.item().id()));
        json(r.response(), 201, written.version(), Checklist.itemJson(written.item()));
    }

    private void changeItem(Request r, String itemId) throws IOException {
        ItemChange change = parse(r, "PATCH", ItemChange::patch);
        Long expected = ifMatch(r.http());
        Written written = write(r, expected, checklist -> checklist.update(itemId, change).orElseThrow(() -> noItem(itemId)));
        json(r.response(), 200, written.version(), Checklist.itemJson(written.item()));
    }

    private void deleteItem(Request r, String itemId) {
        Long expected = ifMatch(r.http());
        Written written = write(r, expected, checklist -> {
            if (!checklist.remove(itemId)) {
                throw noItem(itemId);
            }
            return null;
        });
        r.response().setStatus(204);
        r.response().setHeader("ETag", etag(written.version()));
    }

    private interface Edit {
        ChecklistItem apply(Checklist checklist);
    }

    private record Written(ChecklistItem item, long version) {
    }

    /**
     * Reads, edits and writes back the checklist in one transaction. The write names the version read, so a
     * concurrent writer makes it fail rather than be overwritten; {@code expected}, from If-Match, also makes it
     * fail when the client's copy is older than the one read.
     */
    private Written write(Request r, Long expected, Edit edit) {
        try {
            return assets.withAsset(r.assetId(), r.locale(), r.user(), context -> {
                Read read = Read.of(context);
                if (expected != null && expected != read.version()) {
                    throw new StaleDocumentException(Checklist.KEY, expected, read.version());
                }
                ChecklistItem item = edit.apply(read.checklist());
                Document stored = context.store().replace(Checklist.KEY, read.checklist().toJson(), read.version());
                return new Written(item, stored.version());
            });
        } catch (RuntimeException e) {
            StaleDocumentException stale = find(e, StaleDocumentException.class);
            if (stale == null) {
                throw e;
            }
            // 412 when the client's own precondition failed; 409 when it set none and lost a race.
            throw expected != null
                    ? new HttpProblem(412, "The checklist is at version " + stale.actualVersion() + ", not " + expected
                            + ": it changed since you read it. Read it again and retry.")
                    : new HttpProblem(409, "Someone changed the checklist at the same time. Retry.");
        }
    }

    private interface BodyReader {
        ItemChange read(JsonNode body);
    }

    private static ItemChange parse(Request r, String method, BodyReader reader) throws IOException {
        HttpServletRequest http = r.http();
        String raw = http.getContentType() == null ? "" : http.getContentType();
        int semicolon = raw.indexOf(';');
        String type = (semicolon < 0 ? raw : raw.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        // JSON only: a browser cannot send it cross-site without asking (CORS), which keeps forms elsewhere from
        // posting here on a signed-in user's behalf.
        if (!type.equals("application/json") && !type.endsWith("+json")) {
            throw new HttpProblem(415, "The body must be JSON (Content-Type: application/json)",
                    Map.of(method.equals("POST") ? "Accept-Post" : "Accept-Patch", "application/json"));
        }
        if (http.getContentLengthLong() > MAX_BODY) {
            throw new HttpProblem(413, "The body must be at most " + MAX_BODY + " bytes");
        }
        byte[] body;
        try (InputStream in = http.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            throw new HttpProblem(413, "The body must be at most " + MAX_BODY + " bytes");
        }
        try {
            return reader.read(body.length == 0 ? null : Checklist.JSON.readTree(body));
        } catch (JacksonException e) {
            throw new HttpProblem(400, "The body is not valid JSON: " + e.getOriginalMessage());
        } catch (InvalidChecklistException e) {
            throw new HttpProblem(400, e.getMessage());
        }
    }

    /** The version in If-Match ({@code 3} or {@code "3"}); {@code null} when absent or {@code *}. */
    static Long ifMatch(HttpServletRequest request) {
        String value = request.getHeader("If-Match");
        if (value == null || value.isBlank() || value.trim().equals("*")) {
            return null;
        }
        String v = value.trim();
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        try {
            long version = Long.parseLong(v);
            if (version >= 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new HttpProblem(400, "If-Match must be the checklist's version, such as \"3\", as given in \"version\" or ETag");
    }

    private static HttpProblem noItem(String itemId) {
        return new HttpProblem(404, "The checklist has no item '" + itemId + "'");
    }

    private static void allow(String method, String... allowed) {
        if (!Arrays.asList(allowed).contains(method)) {
            throw new HttpProblem(405, "Use " + String.join(" or ", allowed) + " here",
                    Map.of("Allow", String.join(", ", allowed) + (Arrays.asList(allowed).contains("GET") ? ", HEAD" : "")));
        }
    }

    private static void json(HttpServletResponse response, int status, long version, JsonNode body) throws IOException {
        response.setStatus(status);
        response.setHeader("ETag", etag(version));
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(Checklist.JSON.writeValueAsBytes(body));
    }

    private static void html(Request r, String html, String policy, PageTexts texts) throws IOException {
        HttpServletResponse response = r.response();
        response.setStatus(200);
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Language", texts.language);
        response.setHeader("Vary", "Accept-Language");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Security-Policy", policy);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Turns a failure into a problem answer. What the client can act on says what happened; anything else is
     * logged with an id and answered with that id only: no exception text or stack trace reaches a client.
     */
    private static void answerError(Throwable e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpProblem problem = find(e, HttpProblem.class);
        String instance = null;
        if (problem == null) {
            AssetNotFoundException notFound = find(e, AssetNotFoundException.class);
            SecurityException denied = find(e, SecurityException.class);
            InvalidChecklistException invalid = find(e, InvalidChecklistException.class);
            if (invalid != null) {
                problem = new HttpProblem(400, invalid.getMessage());
            } else if (notFound != null) {
                problem = new HttpProblem(404, "There is no checklist '" + notFound.assetId() + "'");
            } else if (denied != null) {
                problem = new HttpProblem(403, "You may not do this with this checklist");
            } else {
                instance = "urn:uuid:" + UUID.randomUUID();
                LOG.log(Level.ERROR, "Checklist request " + request.getMethod() + " " + request.getRequestURI()
                        + " failed; answered as " + instance, e);
                problem = new HttpProblem(500, "The checklist could not be processed. The error is logged as " + instance + ".");
            }
        }
        if (response.isCommitted()) {
            LOG.log(Level.WARNING, "Could not answer " + problem.status() + " to " + request.getRequestURI() + ": response already sent");
            return;
        }
        problem.writeTo(response, instance);
    }

    /** The first throwable of {@code type} in {@code e}'s cause chain: the kernel may wrap what the work threw. */
    static <T extends Throwable> T find(Throwable e, Class<T> type) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < 20; depth++, t = t.getCause()) { // 20: a cycle must not hang us
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The path after the servlet's pattern, split and decoded; empty segments make no route match. */
    static List<String> segments(String pathInfo) {
        if (pathInfo == null || pathInfo.length() < 2) {
            return List.of();
        }
        return List.of(pathInfo.substring(1).split("/", -1));
    }

    /** Read from the query string only: getParameter could consume a request body. */
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
                    return null; // a malformed %-escape: as if not given
                }
            }
        }
        return null;
    }

    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
