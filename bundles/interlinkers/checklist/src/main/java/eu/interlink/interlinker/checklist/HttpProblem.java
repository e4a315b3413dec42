package eu.interlink.interlinker.checklist;

import java.io.IOException;
import java.util.Map;

import javax.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An HTTP error answer, written as an RFC 9457 problem. The type is always {@code about:blank}: the status says
 * what kind of problem it is, so its title is the status's reason phrase and the {@code detail} says what
 * happened. Thrown inside a transaction, it also rolls that transaction back.
 */
final class HttpProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final String MEDIA_TYPE = "application/problem+json";

    private static final Map<Integer, String> TITLES = Map.of(
            400, "Bad Request",
            403, "Forbidden",
            404, "Not Found",
            405, "Method Not Allowed",
            409, "Conflict",
            412, "Precondition Failed",
            413, "Content Too Large",
            415, "Unsupported Media Type",
            500, "Internal Server Error");

    private final int status;
    private final String detail;
    private final transient Map<String, String> headers;

    HttpProblem(int status, String detail) {
        this(status, detail, Map.of());
    }

    HttpProblem(int status, String detail, Map<String, String> headers) {
        // No stack trace: this is an answer, not a failure to investigate.
        super(detail, null, false, false);
        this.status = status;
        this.detail = detail;
        this.headers = headers;
    }

    int status() { return status; }

    String detail() { return detail; }

    /** Writes the problem; {@code instance} (may be {@code null}) names the incident in the log. */
    void writeTo(HttpServletResponse response, String instance) throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        headers.forEach(response::setHeader);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        ObjectNode body = Checklist.JSON.createObjectNode();
        body.put("type", "about:blank");
        body.put("title", TITLES.getOrDefault(status, "Error"));
        body.put("status", status);
        body.put("detail", detail);
        if (instance != null) {
            body.put("instance", instance);
        }
        response.getOutputStream().write(Checklist.JSON.writeValueAsBytes(body));
    }
}
