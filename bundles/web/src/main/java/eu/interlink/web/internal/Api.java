package eu.interlink.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import eu.interlink.coproduction.Language;
import eu.interlink.kernel.service.KernelException;

/**
 * The base of every API servlet: JSON in and out with Jackson, and every failure answered as a problem body,
 * never as a stack trace or an HTML page.
 */
abstract class Api extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(Api.class);
    /** Request bodies larger than this are refused before they are parsed. */
    static final int MAX_BODY_BYTES = 1024 * 1024;
    /** How much of a too-large body is still read, so that its sender sees the 413 (see {@link #tooLarge}). */
    static final long DRAIN_BYTES = 16L * 1024 * 1024;
    static final String JSON_TYPE = "application/json";

    static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    static {
        // Hostile input must not cost the server: bounded nesting and string sizes.
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64).maxStringLength(MAX_BODY_BYTES).maxNumberLength(100).build());
    }

    @Override
    protected final void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            checkParameters(request);
            // Every admin endpoint, present and future, is for operators; checked here so none can forget it.
            // The servlet path, decoded and normalised by the container, is what chose this servlet.
            if (request.getServletPath().startsWith("/api/v1/admin")) {
                Callers.requireOperator(request);
            }
            handle(request, response);
        } catch (Problem p) {
            problem(request, response, p);
        } catch (KernelException k) {
            problem(request, response, Problem.of(k));
        } catch (IOException e) {
            // Mostly a client that went away mid-answer; nothing more can be said to it.
            LOG.debug("I/O failure answering {} {}", request.getMethod(), request.getRequestURI(), e);
        } catch (RuntimeException e) {
            String incident = UUID.randomUUID().toString();
            LOG.error("Incident {} answering {} {}", incident, request.getMethod(), request.getRequestURI(), e);
            problem(request, response, new Problem(500, "internal-error", "Internal error",
                    "The platform failed to answer; the failure is logged as incident " + incident).with("incident", incident));
        }
    }

    /**
     * Parses the query string (and a form body) once, up front: the container throws its own exception for a
     * malformed one at the first {@code getParameter}, which would otherwise surface as a 500.
     */
    private static void checkParameters(HttpServletRequest request) {
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (RuntimeException malformed) {
            throw new Problem(400, "malformed-request", "Malformed request",
                    "The query string or form body cannot be parsed (a bad %-escape, or too long)");
        }
        for (Map.Entry<String, String[]> p : parameters.entrySet()) {
            boolean nul = p.getKey().indexOf('\0') >= 0;
            for (String v : p.getValue()) nul |= v != null && v.indexOf('\0') >= 0;
            if (nul) throw Problem.badParameter(clip(p.getKey()), "Query parameter '" + clip(p.getKey()) + "' contains a NUL character (%00)");
        }
    }

    /**
     * Refuses NUL (U+0000) anywhere in a body: no text the platform keeps has a use for it, and PostgreSQL cannot
     * store it in text, so it would fail there as a 500 where H2 accepts it.
     */
    private static void refuseNul(Object value, String path) {
        if (value instanceof String text) {
            if (text.indexOf('\0') >= 0) {
                throw new Problem(400, "invalid-body", "Invalid body", "'" + clip(path) + "' contains a NUL character (\\u0000)").with("field", clip(path));
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String name = String.valueOf(e.getKey());
                String at = path.isEmpty() ? name : path + "." + name;
                refuseNul(name, at);
                refuseNul(e.getValue(), at);
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) refuseNul(list.get(i), path + "[" + i + "]");
        }
    }

    /** Answers one request; throw {@link Problem} or {@link KernelException} to refuse it. */
    protected abstract void handle(HttpServletRequest request, HttpServletResponse response) throws IOException;

    static void problem(HttpServletRequest request, HttpServletResponse response, Problem p) throws IOException {
        if (response.isCommitted()) {
            LOG.warn("Could not report problem {} for {}: the answer had started", p.type, request.getRequestURI());
            return;
        }
        response.resetBuffer();
        response.setStatus(p.status);
        if (p.extensions.get("retryAfter") instanceof Long seconds) response.setHeader("Retry-After", String.valueOf(seconds));
        if (p.status == 401) response.setHeader("WWW-Authenticate", "Bearer realm=\"interlink\"");
        // Details may quote what the client sent: never a megabyte of it back.
        if (p.getMessage() != null && p.getMessage().length() > 1000) {
            Problem clipped = new Problem(p.status, p.type, p.title, p.getMessage().substring(0, 1000) + "…");
            clipped.extensions.putAll(p.extensions);
            p = clipped;
        }
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), p.body(request.getRequestURI()));
    }

    static void json(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType(JSON_TYPE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), body);
    }

    /** The body as a JSON object, within {@link #MAX_BODY_BYTES}; 400, 413 or 415 problems otherwise. */
    static Map<String, Object> readObject(HttpServletRequest request) throws IOException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith(JSON_TYPE)) {
            throw new Problem(415, "unsupported-media-type", "Unsupported media type", "Send the body as " + JSON_TYPE);
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            if (request.getContentLengthLong() > MAX_BODY_BYTES) throw tooLarge(in);
            body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) throw tooLarge(in);
        }
        try {
            Object value = JSON.readValue(body, Object.class);
            if (!(value instanceof Map)) throw new Problem(400, "invalid-body", "Invalid body", "The body must be a JSON object");
            refuseNul(value, "");
            return JSON.convertValue(value, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new Problem(400, "invalid-body", "Invalid body", "The body is not valid JSON: " + clip(e.getOriginalMessage()));
        }
    }

    /**
     * Reads and drops up to {@link #DRAIN_BYTES} of a refused body first: a client still sending when the server
     * answers and closes gets a TCP reset instead of the 413, so it never learns why.
     */
    static Problem tooLarge(InputStream in) throws IOException {
        long left = DRAIN_BYTES;
        byte[] sink = new byte[64 * 1024];
        int n;
        while (left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0) left -= n;
        return new Problem(413, "body-too-large", "Body too large", "The body must be at most " + MAX_BODY_BYTES + " bytes");
    }

    static Problem methodNotAllowed(HttpServletResponse response, String method, String... allowed) {
        response.setHeader("Allow", String.join(", ", allowed));
        return new Problem(405, "method-not-allowed", "Method not allowed", method + " is not allowed here; use " + String.join(" or ", allowed));
    }

    /** Refuses any method but GET and HEAD, for read-only resources. */
    static void requireGet(HttpServletRequest request, HttpServletResponse response) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            throw methodNotAllowed(response, request.getMethod(), "GET");
        }
    }

    /** An integer query parameter within [min, max], or {@code dflt} when absent. */
    static int intParameter(HttpServletRequest request, String name, int dflt, int min, int max) {
        String raw = request.getParameter(name);
        if (raw == null) return dflt;
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= min && value <= max) return value;
        } catch (NumberFormatException notANumber) {
            // reported below, with the accepted range
        }
        throw Problem.badParameter(name, "Query parameter '" + name + "' must be an integer from " + min + " to " + max + ", not '" + clip(raw) + "'");
    }

    /**
     * The language of the answer: {@code ?lang=} when given (400 when not one of en, es, it, lv), else the best
     * match of {@code Accept-Language}, else English. Sets {@code Content-Language} and {@code Vary}.
     */
    static Language language(HttpServletRequest request, HttpServletResponse response) {
        String asked = request.getParameter("lang");
        Language language;
        if (asked != null) {
            language = Language.of(asked).orElseThrow(() -> Problem.badParameter("lang",
                    "Query parameter 'lang' must be one of " + String.join(", ", Language.codes()) + ", not '" + clip(asked) + "'"));
        } else {
            language = Language.negotiate(request.getHeader("Accept-Language"));
        }
        response.setHeader("Content-Language", language.code());
        response.setHeader("Vary", "Accept-Language");
        return language;
    }

    /** A path segment after the servlet's pattern, such as the id in {@code /api/v1/interlinkers/{id}}. */
    static String[] segments(HttpServletRequest request) {
        String path = request.getPathInfo();
        if (path == null || path.equals("/") || path.isEmpty()) return new String[0];
        return path.substring(1).split("/", -1);
    }

    /**
     * The segments of a resource API's path, once the rules every such API shares are checked: reading is open,
     * anything else needs a signed-in caller (401); an empty segment names nothing (404).
     */
    static String[] resourcePath(HttpServletRequest request) {
        String[] path = segments(request);
        if (!AuthenticationFilter.safe(request.getMethod())) Callers.requireSignedIn(request);
        for (String segment : path) {
            if (segment.isEmpty()) throw notFound(request);
        }
        return path;
    }

    static Problem notFound(HttpServletRequest request) {
        return Problem.notFound("No such resource: " + clip(request.getRequestURI()));
    }

    /** Echoes client input in messages safely: short and printable. */
    static String clip(String s) {
        if (s == null) return "";
        String printable = s.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() <= 80 ? printable : printable.substring(0, 80) + "…";
    }
}
