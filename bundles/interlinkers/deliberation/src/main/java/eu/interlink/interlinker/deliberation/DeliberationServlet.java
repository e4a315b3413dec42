package eu.interlink.interlinker.deliberation;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

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
import eu.interlink.api.AssetWork;
import eu.interlink.api.InterlinkerPages;
import eu.interlink.api.StaleDocumentException;

/**
 * The deliberation's own pages and JSON endpoints, under {@code /interlinkers/deliberation/}; the contract is in
 * this bundle's README. Every request runs in one {@link AssetAccess#withAsset} transaction over a {@link Board}.
 * Edits of one thing (the title, a proposal, closing a poll) replace its document at the version read, and
 * If-Match checks the client's copy too; posts and votes are documents of their own.
 */
@Component(service = Servlet.class)
@InterlinkerPages("deliberation")
public final class DeliberationServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = System.getLogger(DeliberationServlet.class.getName());
    /** Enough for the largest valid post or poll; larger bodies are refused before they are read. */
    static final int MAX_BODY = 256 * 1024;
    /** Ids of threads, proposals and polls as {@link Board} makes them; anything else cannot be one. */
    private static final Pattern ID = Pattern.compile("[a-z][0-9a-f]{12}");

    private final transient AssetAccess assets;

    @Activate
    public DeliberationServlet(@Reference(name = "assets") AssetAccess assets) {
        this.assets = assets;
    }

    /** PUT and POST go through one dispatch; HEAD keeps HttpServlet's body-less GET. */
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
    private record Request(String assetId, PageTexts texts, String participant, HttpServletRequest http,
                           HttpServletResponse response) {
        /** The caller as the kernel sees it: the container's principal, else the name in the user header. */
        Principal user() {
            Principal principal = http.getUserPrincipal();
            if (principal != null || participant == null) {
                return principal;
            }
            String name = participant;
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
        Request r = new Request(path.get(1), texts, participant(request), request, response);
        List<String> rest = path.subList(2, path.size());
        String first = rest.isEmpty() ? "" : rest.get(0);
        // The second segment, when there is one, names a thread, proposal or poll: "threads/{id}/replies" is
        // routed as "threads/*/replies".
        String shape = rest.size() < 2 ? first : first + "/*" + (rest.size() > 2 ? "/" + String.join("/", rest.subList(2, rest.size())) : "");
        String item = rest.size() >= 2 ? rest.get(1) : null;
        if (item != null && !ID.matcher(item).matches()) {
            throw HttpProblem.notFound("No such " + first.replaceAll("s$", ""));
        }
        switch (shape) {
            case "" -> {
                allow(method, "GET");
                ObjectNode view = work(r, board -> board.view(true));
                html(r, DeliberationPages.page(view, r.participant(), r.base(), r.texts()), DeliberationPages.PAGE_POLICY);
            }
            case "preview" -> {
                allow(method, "GET");
                record Glance(ObjectNode view, Map<String, Integer> counts) {
                }
                Glance g = work(r, board -> new Glance(board.view(false), board.counts()));
                html(r, DeliberationPages.preview(g.view(), g.counts(), r.texts()), DeliberationPages.PREVIEW_POLICY);
            }
            case "deliberation" -> {
                allow(method, "GET", "PUT");
                if (method.equals("GET")) {
                    ObjectNode view = work(r, board -> board.view(true));
                    json(r.response(), 200, view.path("version").asLong(), view);
                } else {
                    JsonNode body = parse(r);
                    Long expected = ifMatch(r.http());
                    ObjectNode view = edit(r, expected, "deliberation", board -> board.define(body, expected));
                    json(r.response(), 200, view.path("version").asLong(), view);
                }
            }
            case "threads" -> {
                allow(method, "GET", "POST");
                if (method.equals("GET")) {
                    json(r.response(), 200, null, list(work(r, Board::threads)));
                } else {
                    JsonNode body = parse(r);
                    ObjectNode thread = work(r, board -> board.addThread(body, r.participant(), ""));
                    created(r, "/threads/" + thread.path("id").asText(), null, thread);
                }
            }
            case "threads/*" -> {
                allow(method, "GET");
                json(r.response(), 200, null, work(r, board -> board.thread(item)));
            }
            case "threads/*/replies" -> {
                allow(method, "POST");
                JsonNode body = parse(r);
                ObjectNode reply = work(r, board -> board.reply(item, body, r.participant()));
                created(r, "/threads/" + item, null, reply);
            }
            case "proposals" -> {
                allow(method, "GET", "POST");
                if (method.equals("GET")) {
                    json(r.response(), 200, null, list(work(r, Board::proposals)));
                } else {
                    JsonNode body = parse(r);
                    ObjectNode proposal = work(r, board -> board.addProposal(body, r.participant(), ""));
                    created(r, "/proposals/" + proposal.path("id").asText(), proposal.path("version").asLong(), proposal);
                }
            }
            case "proposals/*" -> {
                allow(method, "GET", "PUT");
                if (method.equals("GET")) {
                    ObjectNode proposal = work(r, board -> board.proposal(item));
                    json(r.response(), 200, proposal.path("version").asLong(), proposal);
                } else {
                    JsonNode body = parse(r);
                    Long expected = ifMatch(r.http());
                    ObjectNode proposal = edit(r, expected, "proposal", board -> board.changeProposal(item, body, expected, r.participant()));
                    json(r.response(), 200, proposal.path("version").asLong(), proposal);
                }
            }
            case "polls" -> {
                allow(method, "GET", "POST");
                if (method.equals("GET")) {
                    json(r.response(), 200, null, list(work(r, Board::polls)));
                } else {
                    JsonNode body = parse(r);
                    ObjectNode poll = work(r, board -> board.addPoll(body, r.participant(), ""));
                    created(r, "/polls/" + poll.path("id").asText(), poll.path("version").asLong(), poll);
                }
            }
            case "polls/*" -> {
                allow(method, "GET");
                ObjectNode poll = work(r, board -> board.poll(item));
                json(r.response(), 200, poll.path("version").asLong(), poll);
            }
            case "polls/*/votes" -> {
                allow(method, "POST");
                JsonNode body = parse(r);
                Board.Voted voted = work(r, board -> board.vote(item, body, r.participant()));
                if (voted.changed()) {
                    json(r.response(), 200, null, voted.vote());
                } else {
                    created(r, "/polls/" + item, null, voted.vote());
                }
            }
            case "polls/*/close" -> {
                allow(method, "POST");
                // No body to read: closing says nothing but "now", and who closes is the caller.
                Long expected = ifMatch(r.http());
                ObjectNode poll = edit(r, expected, "poll", board -> board.close(item, expected, r.participant()));
                json(r.response(), 200, poll.path("version").asLong(), poll);
            }
            default -> throw HttpProblem.notFound("No such page");
        }
    }

    private interface BoardWork<T> {
        T apply(Board board);
    }

    /** Runs {@code work} on the asset's board in one transaction, at this moment. */
    private <T> T work(Request r, BoardWork<T> work) {
        AssetWork<T> inTransaction = context -> {
            Board board = new Board(context.store(), Instant.now());
            board.metaDocument(); // an asset without its deliberation is broken data, said so before anything else
            return work.apply(board);
        };
        return assets.withAsset(r.assetId(), r.texts().locale(), r.user(), inTransaction);
    }

    /**
     * An edit that replaces a document at the version read: when it is stale, 412 if the client's own If-Match
     * failed, 409 if it set none and lost a race with another writer.
     */
    private <T> T edit(Request r, Long expected, String what, BoardWork<T> work) {
        try {
            return work(r, work);
        } catch (RuntimeException e) {
            StaleDocumentException stale = find(e, StaleDocumentException.class);
            if (stale == null || find(e, HttpProblem.class) != null) {
                throw e;
            }
            throw expected != null
                    ? new HttpProblem(412, "precondition-failed", "Precondition failed", "The " + what + " is at version "
                            + stale.actualVersion() + ", not " + expected + ": it changed since you read it. Read it again and retry.",
                            "If-Match", Map.of())
                    : HttpProblem.conflict("Someone changed the " + what + " at the same time. Retry.");
        }
    }

    private static ArrayNode list(List<ObjectNode> items) {
        ArrayNode array = Board.JSON.createArrayNode();
        items.forEach(array::add);
        return array;
    }

    private static void created(Request r, String where, Long version, JsonNode body) throws IOException {
        r.response().setHeader("Location", r.base() + where);
        json(r.response(), 201, version, body);
    }

    /** The participant's name: the signed-in account (the platform's principal); {@code null} for nobody. */
    static String participant(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        return principal == null || principal.getName().isBlank() ? null : principal.getName();
    }

    private static JsonNode parse(Request r) throws IOException {
        HttpServletRequest http = r.http();
        String raw = http.getContentType() == null ? "" : http.getContentType();
        int semicolon = raw.indexOf(';');
        String type = (semicolon < 0 ? raw : raw.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        // JSON only: a browser cannot send it cross-site without asking (CORS), which keeps forms elsewhere from
        // posting here on a signed-in user's behalf.
        if (!type.equals("application/json") && !type.endsWith("+json")) {
            throw new HttpProblem(415, "unsupported-media-type", "Unsupported media type",
                    "The body must be JSON (Content-Type: application/json)", null,
                    Map.of(http.getMethod().equals("PUT") ? "Accept-Put" : "Accept-Post", "application/json"));
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
            JsonNode node = body.length == 0 ? null : Board.JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw HttpProblem.invalid("", "The body must be a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw HttpProblem.invalid("", "The body is not valid JSON: " + Input.clip(String.valueOf(e.getOriginalMessage())));
        }
    }

    private static HttpProblem tooLarge() {
        return new HttpProblem(413, "body-too-large", "Body too large", "The body must be at most " + MAX_BODY + " bytes");
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
        throw HttpProblem.invalid("If-Match", "If-Match must be a version, such as \"3\", as given in \"version\" or ETag");
    }

    private static void allow(String method, String... allowed) {
        if (!Arrays.asList(allowed).contains(method)) {
            throw new HttpProblem(405, "method-not-allowed", "Method not allowed", method + " is not allowed here; use "
                    + String.join(" or ", allowed), null,
                    Map.of("Allow", String.join(", ", allowed) + (Arrays.asList(allowed).contains("GET") ? ", HEAD" : "")));
        }
    }

    /** @param version the version of the document answered with, for the ETag; {@code null} when it has none */
    private static void json(HttpServletResponse response, int status, Long version, JsonNode body) throws IOException {
        response.setStatus(status);
        if (version != null) {
            response.setHeader("ETag", "\"" + version + "\"");
        }
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(Board.JSON.writeValueAsBytes(body));
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
            InvalidInputException invalid = find(e, InvalidInputException.class);
            StateException state = find(e, StateException.class);
            AssetNotFoundException notFound = find(e, AssetNotFoundException.class);
            SecurityException denied = find(e, SecurityException.class);
            if (invalid != null) {
                problem = HttpProblem.invalid(invalid.field(), invalid.getMessage());
            } else if (state != null) {
                problem = new HttpProblem(409, state.type(), "Conflict", state.getMessage());
            } else if (notFound != null) {
                problem = HttpProblem.notFound("There is no deliberation '" + Input.clip(String.valueOf(notFound.assetId())) + "'");
            } else if (denied != null) {
                problem = new HttpProblem(403, "forbidden", "Forbidden", "You may not do this with this deliberation");
            } else {
                instance = "urn:uuid:" + UUID.randomUUID();
                LOG.log(Level.ERROR, "Deliberation request " + request.getMethod() + " " + request.getRequestURI()
                        + " failed; answered as " + instance, e);
                problem = new HttpProblem(500, "internal-error", "Internal error",
                        "The deliberation could not be processed. The error is logged as " + instance + ".");
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
}
