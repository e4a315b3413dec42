package eu.interlink.interlinker.survey;

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
import java.util.Set;
import java.util.TreeSet;
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
import eu.interlink.api.AssetContext;
import eu.interlink.api.AssetNotFoundException;
import eu.interlink.api.Document;
import eu.interlink.api.InterlinkerPages;
import eu.interlink.api.StaleDocumentException;

/**
 * The survey's own pages and JSON endpoints, under {@code /interlinkers/survey/}; the contract is in this
 * bundle's README. Every request runs in one {@link AssetAccess#withAsset} transaction. Changes to the survey
 * replace its document at the version read (If-Match checks the client's copy too); each answer is a document
 * of its own, so answers given at the same time never overwrite each other.
 */
@Component(service = Servlet.class)
@InterlinkerPages("survey")
public final class SurveyServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = System.getLogger(SurveyServlet.class.getName());
    /** Enough for the largest valid survey or set of answers; larger bodies are refused before they are read. */
    static final int MAX_BODY = 1024 * 1024;
    /** The field named when the signed-in name cannot be used (the platform's account names always can). */
    static final String USER_FIELD = "user";
    private static final Set<String> RESPONSE_FIELDS = new TreeSet<>(List.of("answers", "anonymous"));

    private final transient AssetAccess assets;

    @Activate
    public SurveyServlet(@Reference(name = "assets") AssetAccess assets) {
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
    private record Request(String assetId, PageTexts texts, String respondent, HttpServletRequest http,
                           HttpServletResponse response) {
        Locale locale() {
            return texts.locale();
        }

        /** The caller as the kernel sees it: the container's principal, else the name in the user header. */
        Principal user() {
            Principal principal = http.getUserPrincipal();
            if (principal != null || respondent == null) {
                return principal;
            }
            String name = respondent;
            return () -> name;
        }

        SurveyPages.Urls urls() {
            return SurveyPages.Urls.of(http.getContextPath() + http.getServletPath() + "/assets/" + encode(assetId));
        }
    }

    private void route(String method, HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> path = segments(request.getPathInfo());
        if (path.size() < 2 || !path.get(0).equals("assets") || path.contains("")) {
            throw HttpProblem.notFound("No such page");
        }
        PageTexts texts = PageTexts.negotiate(queryParameter(request, "lang"), request.getLocales());
        Request r = new Request(path.get(1), texts, respondent(request), request, response);
        String tail = String.join("/", path.subList(2, path.size()));
        switch (tail) {
            case "" -> {
                allow(method, "GET");
                answerPage(r);
            }
            case "builder" -> {
                allow(method, "GET");
                builderPage(r);
            }
            case "preview" -> {
                allow(method, "GET");
                preview(r);
            }
            case "survey" -> {
                allow(method, "GET", "PUT");
                if (method.equals("GET")) {
                    getSurvey(r);
                } else {
                    defineSurvey(r);
                }
            }
            case "publish" -> {
                allow(method, "POST");
                changeStatus(r, (survey, now) -> survey.publish(now));
            }
            case "close" -> {
                allow(method, "POST");
                changeStatus(r, (survey, now) -> survey.close(now));
            }
            case "responses" -> {
                allow(method, "POST");
                respond(r);
            }
            case "responses/mine" -> {
                allow(method, "GET");
                mine(r);
            }
            case "results" -> {
                allow(method, "GET");
                results(r);
            }
            default -> throw HttpProblem.notFound("No such page");
        }
    }

    /** A survey with the version of the document it was read from. */
    private record Read(Survey survey, long version) {
        static Read of(AssetContext context) {
            Document d = SurveyInterlinker.read(context);
            return new Read(Survey.fromJson(d.json()), d.version());
        }
    }

    private Read read(Request r) {
        return assets.withAsset(r.assetId(), r.locale(), r.user(), Read::of);
    }

    private void answerPage(Request r) throws IOException {
        Read read = read(r);
        html(r, SurveyPages.answerPage(read.survey(), r.respondent(), r.urls(), r.texts()), SurveyPages.ANSWER_POLICY);
    }

    private void builderPage(Request r) throws IOException {
        Read read = read(r);
        html(r, SurveyPages.builderPage(read.survey(), read.version(), r.urls(), r.texts()), SurveyPages.BUILDER_POLICY);
    }

    private void preview(Request r) throws IOException {
        record Summary(Survey survey, int responses) {
        }
        Summary summary = assets.withAsset(r.assetId(), r.locale(), r.user(),
                context -> new Summary(Read.of(context).survey(), context.store().keys(SurveyResponse.PREFIX).size()));
        html(r, SurveyPages.preview(summary.survey(), summary.responses(), r.texts()), SurveyPages.PREVIEW_POLICY);
    }

    private void getSurvey(Request r) throws IOException {
        ObjectNode body = assets.withAsset(r.assetId(), r.locale(), r.user(), context -> {
            Read read = Read.of(context);
            return view(read.survey(), read.version(), context.store().keys(SurveyResponse.PREFIX).size());
        });
        json(r.response(), 200, body.path("version").asLong(), body);
    }

    private static ObjectNode view(Survey survey, long version, int responses) {
        ObjectNode body = survey.view();
        body.put("version", version);
        body.put("responses", responses);
        return body;
    }

    private void defineSurvey(Request r) throws IOException {
        JsonNode definition = parse(r);
        Long expected = ifMatch(r.http());
        ObjectNode written = write(r, expected, (survey, now) -> survey.define(definition, true));
        json(r.response(), 200, written.path("version").asLong(), written);
    }

    private void changeStatus(Request r, Change change) throws IOException {
        Long expected = ifMatch(r.http());
        ObjectNode written = write(r, expected, change);
        json(r.response(), 200, written.path("version").asLong(), written);
    }

    private interface Change {
        void apply(Survey survey, Instant now);
    }

    /**
     * Reads, changes and writes back the survey in one transaction, and answers with its view. The write names the version read, so a
     * concurrent writer makes it fail rather than be overwritten; {@code expected}, from If-Match, also makes it
     * fail when the client's copy is older than the one read.
     */
    private ObjectNode write(Request r, Long expected, Change change) {
        try {
            return assets.withAsset(r.assetId(), r.locale(), r.user(), context -> {
                Read read = Read.of(context);
                if (expected != null && expected != read.version()) {
                    throw new StaleDocumentException(Survey.KEY, expected, read.version());
                }
                change.apply(read.survey(), Instant.now());
                Document stored = context.store().replace(Survey.KEY, read.survey().toJson(), read.version());
                return view(read.survey(), stored.version(), context.store().keys(SurveyResponse.PREFIX).size());
            });
        } catch (RuntimeException e) {
            StaleDocumentException stale = find(e, StaleDocumentException.class);
            if (stale == null) {
                throw e;
            }
            // 412 when the client's own precondition failed; 409 when it set none and lost a race.
            throw expected != null
                    ? new HttpProblem(412, "precondition-failed", "Precondition failed", "The survey is at version "
                            + stale.actualVersion() + ", not " + expected + ": it changed since you read it. Read it again and retry.")
                    : HttpProblem.conflict("Someone changed the survey at the same time. Retry.");
        }
    }

    /** The answer's document and whether it replaced an earlier one by the same person. */
    private record Submitted(SurveyResponse response, boolean replaced) {
    }

    private void respond(Request r) throws IOException {
        JsonNode body = parse(r);
        if (!body.isObject()) {
            throw HttpProblem.invalid("", "The body must be a JSON object: {\"answers\": {…}}");
        }
        Survey.unknownFields(body, RESPONSE_FIELDS, "");
        JsonNode anonymousNode = body.get("anonymous");
        if (anonymousNode != null && !anonymousNode.isNull() && !anonymousNode.isBoolean()) {
            throw HttpProblem.invalid("anonymous", "\"anonymous\" must be true or false");
        }
        String who = r.respondent();
        if (who == null && anonymousNode != null && anonymousNode.isBoolean() && !anonymousNode.booleanValue()) {
            throw new HttpProblem(403, "forbidden", "Forbidden", "A signed answer needs a signed-in user");
        }
        // Signed whenever the caller is known, unless they ask to stay anonymous.
        boolean anonymous = who == null || (anonymousNode != null && anonymousNode.asBoolean());
        Submitted submitted = assets.withAsset(r.assetId(), r.locale(), r.user(), context -> {
            Survey survey = Read.of(context).survey();
            if (survey.status() != Survey.Status.PUBLISHED) {
                throw new SurveyStateException(survey.status() == Survey.Status.DRAFT
                        ? "The survey is a draft: it takes answers once it is published"
                        : "The survey is closed: it takes no more answers");
            }
            if (anonymous && !survey.anonymousAllowed()) {
                if (who == null) {
                    throw new HttpProblem(403, "forbidden", "Forbidden", "This survey takes signed answers only: sign in to answer");
                }
                throw HttpProblem.invalid("anonymous", "This survey takes signed answers only: leave out \"anonymous\"");
            }
            SurveyResponse response = new SurveyResponse(anonymous ? SurveyResponse.anonymousId() : SurveyResponse.signedId(who),
                    anonymous ? null : who, Instant.now().toString(), SurveyResponse.validate(survey, body.get("answers")));
            boolean replaced = context.store().get(response.key()).isPresent();
            context.store().put(response.key(), response.toJson());
            return new Submitted(response, replaced);
        });
        if (!submitted.replaced()) {
            r.response().setHeader("Location", r.urls().responses() + "/" + (anonymous ? encode(submitted.response().id()) : "mine"));
        }
        json(r.response(), submitted.replaced() ? 200 : 201, null, responseJson(submitted.response()));
    }

    private void mine(Request r) throws IOException {
        if (r.respondent() == null) {
            throw new HttpProblem(403, "forbidden", "Forbidden", "Sign in to read your answer");
        }
        SurveyResponse response = assets.withAsset(r.assetId(), r.locale(), r.user(), context -> {
            Read.of(context);
            return context.store().get(SurveyResponse.PREFIX + SurveyResponse.signedId(r.respondent()))
                    .map(d -> SurveyResponse.fromJson(d.json())).orElse(null);
        });
        if (response == null) {
            throw HttpProblem.notFound("You have not answered this survey yet");
        }
        json(r.response(), 200, null, responseJson(response));
    }

    private static ObjectNode responseJson(SurveyResponse response) {
        try {
            return (ObjectNode) Survey.JSON.readTree(response.toJson());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void results(Request r) throws IOException {
        ObjectNode body = assets.withAsset(r.assetId(), r.locale(), r.user(), context -> {
            Results results = new Results(Read.of(context).survey());
            for (String key : context.store().keys(SurveyResponse.PREFIX)) {
                context.store().get(key).ifPresent(d -> results.add(SurveyResponse.fromJson(d.json())));
            }
            return results.toJson();
        });
        json(r.response(), 200, null, body);
    }

    /** The respondent's name: the request's principal (the account the platform authenticated); {@code null} for nobody. */
    static String respondent(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        String name = principal != null ? principal.getName() : null; // the platform authenticates; no header names a caller
        if (name == null || name.isBlank()) {
            return null;
        }
        String clean = name.trim();
        if (clean.chars().anyMatch(Character::isISOControl) || clean.codePointCount(0, clean.length()) > SurveyResponse.MAX_RESPONDENT) {
            throw HttpProblem.invalid(USER_FIELD, "The caller's name must be a name of at most " + SurveyResponse.MAX_RESPONDENT
                    + " characters without control characters");
        }
        return clean;
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
            JsonNode node = body.length == 0 ? null : Survey.JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw HttpProblem.invalid("", "The body must be a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw HttpProblem.invalid("", "The body is not valid JSON: " + Survey.clip(String.valueOf(e.getOriginalMessage())));
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
        throw HttpProblem.invalid("If-Match", "If-Match must be the survey's version, such as \"3\", as given in \"version\" or ETag");
    }

    private static void allow(String method, String... allowed) {
        if (!Arrays.asList(allowed).contains(method)) {
            throw new HttpProblem(405, "method-not-allowed", "Method not allowed", method + " is not allowed here; use "
                    + String.join(" or ", allowed), null,
                    Map.of("Allow", String.join(", ", allowed) + (Arrays.asList(allowed).contains("GET") ? ", HEAD" : "")));
        }
    }

    /** @param version the survey document's version for the ETag, or {@code null} when the answer has none */
    private static void json(HttpServletResponse response, int status, Long version, JsonNode body) throws IOException {
        response.setStatus(status);
        if (version != null) {
            response.setHeader("ETag", "\"" + version + "\"");
        }
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(Survey.JSON.writeValueAsBytes(body));
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
            InvalidSurveyException invalid = find(e, InvalidSurveyException.class);
            SurveyStateException state = find(e, SurveyStateException.class);
            AssetNotFoundException notFound = find(e, AssetNotFoundException.class);
            SecurityException denied = find(e, SecurityException.class);
            if (invalid != null) {
                problem = HttpProblem.invalid(invalid.field(), invalid.getMessage());
            } else if (state != null) {
                problem = HttpProblem.conflict(state.getMessage());
            } else if (notFound != null) {
                problem = HttpProblem.notFound("There is no survey '" + Survey.clip(String.valueOf(notFound.assetId())) + "'");
            } else if (denied != null) {
                problem = new HttpProblem(403, "forbidden", "Forbidden", "You may not do this with this survey");
            } else {
                instance = "urn:uuid:" + UUID.randomUUID();
                LOG.log(Level.ERROR, "Survey request " + request.getMethod() + " " + request.getRequestURI()
                        + " failed; answered as " + instance, e);
                problem = new HttpProblem(500, "internal-error", "Internal error",
                        "The survey could not be processed. The error is logged as " + instance + ".");
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
