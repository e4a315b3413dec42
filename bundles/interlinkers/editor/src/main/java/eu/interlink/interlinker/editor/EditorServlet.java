package eu.interlink.interlinker.editor;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
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
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.interlink.api.AssetAccess;
import eu.interlink.api.AssetNotFoundException;
import eu.interlink.api.InterlinkerPages;
import eu.interlink.api.StaleDocumentException;

/**
 * The editor's own pages and JSON endpoints, under {@code /interlinkers/editor/}; the contract is in this
 * bundle's README. Every request runs in one {@link AssetAccess#withAsset} transaction; the rules of saving
 * are {@link Editing}'s.
 */
@Component(service = Servlet.class)
@InterlinkerPages("editor")
public final class EditorServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = System.getLogger(EditorServlet.class.getName());
    /** A little more than the largest text a document may hold, in UTF-8, with its JSON escapes. */
    static final int MAX_BODY = 4 * 1024 * 1024;
    /** The field named when the signed-in name cannot be used (the platform's account names always can). */
    static final String USER_FIELD = "user";

    private final transient AssetAccess assets;

    @Activate
    public EditorServlet(@Reference(name = "assets") AssetAccess assets) {
        this.assets = assets;
    }

    /** Every method goes through one dispatch; HEAD keeps HttpServlet's body-less GET. */
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
            // LinkageError too: after a bundle refresh a class may be gone, and the container's own error page
            // could show a stack trace.
            answerError(e, request, response);
        }
    }

    /** What every handler needs about one request. */
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

        EditorPages.Urls urls() {
            return EditorPages.Urls.of(http.getContextPath() + http.getServletPath() + "/assets/" + encode(assetId));
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
        String first = tail.isEmpty() ? "" : tail.get(0);
        switch (first) {
            case "" -> {
                allow(method, "GET");
                editorPage(r);
            }
            case "preview" -> {
                only(tail, 1);
                allow(method, "GET");
                preview(r);
            }
            case "document" -> {
                only(tail, 1);
                allow(method, "GET", "PUT");
                if (method.equals("GET")) {
                    getDocument(r);
                } else {
                    save(r);
                }
            }
            case "revisions" -> {
                if (tail.size() == 1) {
                    allow(method, "GET");
                    history(r);
                } else if (tail.size() == 2) {
                    allow(method, "GET");
                    revision(r, revisionNumber(tail.get(1)));
                } else if (tail.size() == 3 && tail.get(2).equals("restore")) {
                    allow(method, "POST");
                    restore(r, revisionNumber(tail.get(1)));
                } else {
                    throw HttpProblem.notFound("No such page");
                }
            }
            case "export" -> {
                only(tail, 1);
                allow(method, "GET");
                export(r);
            }
            default -> throw HttpProblem.notFound("No such page");
        }
    }

    private static void only(List<String> tail, int size) {
        if (tail.size() != size) {
            throw HttpProblem.notFound("No such page");
        }
    }

    private static long revisionNumber(String segment) {
        try {
            long n = Long.parseLong(segment);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw HttpProblem.notFound("There is no revision '" + clip(segment) + "': revisions are numbered from 1");
    }

    private Editing.Current current(Request r) {
        return assets.withAsset(r.assetId(), r.locale(), r.user(), context -> Editing.require(context.store()));
    }

    private void editorPage(Request r) throws IOException {
        html(r, EditorPages.editor(current(r).revision(), r.urls(), r.texts()), EditorPages.EDITOR_POLICY);
    }

    private void preview(Request r) throws IOException {
        record Summary(Revision current, int revisions) {
        }
        Summary s = assets.withAsset(r.assetId(), r.locale(), r.user(),
                context -> new Summary(Editing.require(context.store()).revision(), Editing.historySize(context.store())));
        html(r, EditorPages.preview(s.current(), s.revisions(), r.texts()), EditorPages.PREVIEW_POLICY);
    }

    private void getDocument(Request r) throws IOException {
        Revision current = current(r).revision();
        json(r.response(), 200, current.number(), current.toNode());
    }

    private void save(Request r) throws IOException {
        JsonNode body = parse(r.http());
        Long base = ifMatch(r.http());
        if (base == null) {
            throw new HttpProblem(428, "precondition-required", "Precondition required",
                    "Say which revision your change was made on, in If-Match (such as \"3\", the ETag of GET …/document): "
                            + "without it, a change saved meanwhile could be lost", "If-Match", Map.of());
        }
        String title = text(body, "title");
        String html = text(body, "html");
        for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!name.equals("title") && !name.equals("html")) {
                throw HttpProblem.invalid(name, "Unknown field '" + clip(name) + "': a document has \"title\" and \"html\"");
            }
        }
        if (title == null && html == null) {
            throw HttpProblem.invalid("html", "Nothing to save: send \"title\", \"html\" or both");
        }
        String now = Instant.now().toString();
        Editing.Saved saved = assets.withAsset(r.assetId(), r.locale(), r.user(),
                context -> Editing.save(context.store(), base, title, html, r.author(), now));
        ObjectNode answer = saved.revision().toNode();
        answer.put("merged", saved.merged());
        answer.put("changed", saved.changed());
        json(r.response(), 200, saved.revision().number(), answer);
    }

    private static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw HttpProblem.invalid(field, "'" + field + "' must be a string");
        }
        return n.asText();
    }

    private void history(Request r) throws IOException {
        int offset = intParameter(r.http(), "offset", 0, 0, Integer.MAX_VALUE);
        int limit = intParameter(r.http(), "limit", 20, 1, 100);
        record Page(List<Revision> items, int total) {
        }
        Page page = assets.withAsset(r.assetId(), r.locale(), r.user(), context -> {
            Editing.require(context.store());
            return new Page(Editing.history(context.store(), offset, limit), Editing.historySize(context.store()));
        });
        ObjectNode body = Revision.JSON.createObjectNode();
        ArrayNode items = body.putArray("items");
        page.items().forEach(rev -> items.add(rev.summary()));
        body.put("total", page.total());
        body.put("offset", offset);
        body.put("limit", limit);
        json(r.response(), 200, null, body);
    }

    private void revision(Request r, long number) throws IOException {
        Revision revision = assets.withAsset(r.assetId(), r.locale(), r.user(), context -> {
            Editing.require(context.store());
            return Editing.revision(context.store(), number).orElseThrow(() -> new Editing.NoSuchRevisionException(number));
        });
        json(r.response(), 200, null, revision.toNode());
    }

    private void restore(Request r, long number) throws IOException {
        Long expected = ifMatch(r.http());
        String now = Instant.now().toString();
        Revision restored = assets.withAsset(r.assetId(), r.locale(), r.user(),
                context -> Editing.restore(context.store(), number, expected, r.author(), now));
        json(r.response(), 200, restored.number(), restored.toNode());
    }

    private void export(Request r) throws IOException {
        String formatName = queryParameter(r.http(), "format");
        Export.Format asked = formatName == null ? null : Export.Format.of(formatName);
        if (formatName != null && asked == null) {
            throw HttpProblem.invalid("format", "The format must be \"html\" or \"markdown\"");
        }
        String revisionParameter = queryParameter(r.http(), "revision");
        Long number = null;
        if (revisionParameter != null) {
            try {
                number = Long.parseLong(revisionParameter);
            } catch (NumberFormatException e) {
                number = 0L;
            }
            if (number < 1) {
                throw HttpProblem.invalid("revision", "The revision must be a number from 1");
            }
        }
        Long wanted = number;
        Export export = assets.withAsset(r.assetId(), r.locale(), r.user(), context -> {
            Revision current = Editing.require(context.store()).revision();
            Revision revision = wanted == null ? current
                    : Editing.revision(context.store(), wanted).orElseThrow(() -> new Editing.NoSuchRevisionException(wanted));
            return new Export(revision, asked != null ? asked : EditorInterlinker.exportFormat(context));
        });
        byte[] bytes = export.text().getBytes(StandardCharsets.UTF_8);
        HttpServletResponse response = r.response();
        response.setStatus(200);
        response.setContentType(export.contentType());
        response.setHeader("Content-Disposition", "attachment; filename=\"" + export.fileName() + "\"");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** The author's name: the request's principal (the account the platform authenticated); {@code null} for nobody. */
    static String author(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        String name = principal != null ? principal.getName() : null; // the platform authenticates; no header names a caller
        if (name == null || name.isBlank()) {
            return null;
        }
        String clean = name.strip();
        if (clean.chars().anyMatch(Character::isISOControl) || clean.codePointCount(0, clean.length()) > Revision.MAX_AUTHOR) {
            throw HttpProblem.invalid(USER_FIELD, "The caller's name must be a name of at most " + Revision.MAX_AUTHOR
                    + " characters without control characters");
        }
        return clean;
    }

    private static JsonNode parse(HttpServletRequest http) throws IOException {
        String raw = http.getContentType() == null ? "" : http.getContentType();
        int semicolon = raw.indexOf(';');
        String type = (semicolon < 0 ? raw : raw.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        // JSON only: a browser cannot send it cross-site without asking (CORS), which keeps forms elsewhere from
        // posting here on a signed-in user's behalf.
        if (!type.equals("application/json") && !type.endsWith("+json")) {
            throw new HttpProblem(415, "unsupported-media-type", "Unsupported media type",
                    "The body must be JSON (Content-Type: application/json)", null, Map.of("Accept-Put", "application/json"));
        }
        if (http.getContentLengthLong() > MAX_BODY) {
            throw tooLarge();
        }
        byte[] body;
        try (InputStream in = http.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            throw tooLarge();
        }
        try {
            JsonNode node = body.length == 0 ? null : Revision.JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw HttpProblem.invalid("", "The body must be a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw HttpProblem.invalid("", "The body is not valid JSON: " + clip(String.valueOf(e.getOriginalMessage())));
        }
    }

    private static HttpProblem tooLarge() {
        return new HttpProblem(413, "body-too-large", "Body too large", "The body must be at most " + MAX_BODY + " bytes");
    }

    /** The revision in If-Match ({@code 3} or {@code "3"}); {@code null} when absent. */
    static Long ifMatch(HttpServletRequest request) {
        String value = request.getHeader("If-Match");
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        try {
            long revision = Long.parseLong(v);
            if (revision >= 1) {
                return revision;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw HttpProblem.invalid("If-Match", "If-Match must be a revision number, such as \"3\", as given in \"revision\" or ETag");
    }

    private static int intParameter(HttpServletRequest request, String name, int fallback, int min, int max) {
        String raw = queryParameter(request, name);
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw HttpProblem.invalid(name, "'" + name + "' must be a whole number from " + min + " to " + max);
    }

    private static void allow(String method, String... allowed) {
        if (!Arrays.asList(allowed).contains(method)) {
            throw new HttpProblem(405, "method-not-allowed", "Method not allowed", method + " is not allowed here; use "
                    + String.join(" or ", allowed), null,
                    Map.of("Allow", String.join(", ", allowed) + (Arrays.asList(allowed).contains("GET") ? ", HEAD" : "")));
        }
    }

    /** @param revision the revision for the ETag, or {@code null} when the answer has none */
    private static void json(HttpServletResponse response, int status, Long revision, JsonNode body) throws IOException {
        response.setStatus(status);
        if (revision != null) {
            response.setHeader("ETag", "\"" + revision + "\"");
        }
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(Revision.JSON.writeValueAsBytes(body));
    }

    private static void html(Request r, String html, String policy) throws IOException {
        HttpServletResponse response = r.response();
        response.setStatus(200);
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Language", r.texts().language);
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
            Editing.EditConflictException conflict = find(e, Editing.EditConflictException.class);
            Editing.StaleRevisionException stale = find(e, Editing.StaleRevisionException.class);
            Editing.UnknownRevisionException unknown = find(e, Editing.UnknownRevisionException.class);
            Editing.NoSuchRevisionException noRevision = find(e, Editing.NoSuchRevisionException.class);
            InvalidDocumentException invalid = find(e, InvalidDocumentException.class);
            AssetNotFoundException notFound = find(e, AssetNotFoundException.class);
            SecurityException denied = find(e, SecurityException.class);
            StaleDocumentException busy = find(e, StaleDocumentException.class);
            if (conflict != null) {
                problem = conflictProblem(conflict);
            } else if (stale != null) {
                problem = new HttpProblem(412, "stale-revision", "Precondition failed", stale.getMessage(), "If-Match",
                        Map.of("ETag", "\"" + stale.current().number() + "\""));
                problem.extend("current", stale.current().toNode());
            } else if (unknown != null) {
                problem = new HttpProblem(412, "unknown-revision", "Precondition failed", unknown.getMessage(), "If-Match", Map.of());
            } else if (noRevision != null) {
                problem = HttpProblem.notFound(noRevision.getMessage());
            } else if (invalid != null) {
                problem = HttpProblem.invalid(invalid.field(), invalid.detail());
            } else if (notFound != null) {
                problem = HttpProblem.notFound("There is no document '" + clip(String.valueOf(notFound.assetId())) + "'");
            } else if (busy != null) {
                // Others kept saving between this save's read and write: nothing was lost, the client retries.
                problem = new HttpProblem(409, "busy", "Conflict",
                        "Others saved this document at the same moment; send the save again", null, Map.of("Retry-After", "1"));
            } else if (denied != null) {
                problem = new HttpProblem(403, "forbidden", "Forbidden", "You may not do this with this document");
            } else {
                instance = "urn:uuid:" + UUID.randomUUID();
                LOG.log(Level.ERROR, "Editor request " + request.getMethod() + " " + request.getRequestURI()
                        + " failed; answered as " + instance, e);
                problem = new HttpProblem(500, "internal-error", "Internal error",
                        "The document could not be processed. The error is logged as " + instance + ".");
            }
        }
        if (response.isCommitted()) {
            LOG.log(Level.WARNING, "Could not answer " + problem.status() + " to " + request.getRequestURI() + ": response already sent");
            return;
        }
        problem.writeTo(response, instance);
    }

    /** 409 with what the client needs to merge by hand: the current revision and the regions both changed. */
    static HttpProblem conflictProblem(Editing.EditConflictException conflict) {
        HttpProblem problem = new HttpProblem(409, "edit-conflict", "Edit conflict", conflict.getMessage(),
                conflict.title() && conflict.conflicts().isEmpty() ? "title" : "html",
                Map.of("ETag", "\"" + conflict.current().number() + "\""));
        problem.extend("current", conflict.current().toNode());
        problem.extend("titleConflict", Revision.JSON.getNodeFactory().booleanNode(conflict.title()));
        ArrayNode regions = Revision.JSON.createArrayNode();
        for (Merge3.Conflict c : conflict.conflicts()) {
            ObjectNode region = regions.addObject();
            region.put("from", c.baseFrom());
            region.put("to", c.baseTo());
            region.set("base", Revision.JSON.valueToTree(c.base()));
            region.set("mine", Revision.JSON.valueToTree(c.mine()));
            region.set("theirs", Revision.JSON.valueToTree(c.theirs()));
        }
        problem.extend("conflicts", regions);
        return problem;
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

    /** The path after the servlet's pattern, split; empty segments make no route match. */
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

    static String clip(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
