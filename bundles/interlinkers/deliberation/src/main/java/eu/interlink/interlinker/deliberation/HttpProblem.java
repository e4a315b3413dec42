package eu.interlink.interlinker.deliberation;

import java.io.IOException;
import java.util.Map;

import javax.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An answer that is not a success, written as an RFC 9457 problem in the platform's style
 * ({@code urn:interlink:problem:<type>}), with {@code field} naming the part of the request that was wrong when
 * there is one. Thrown inside a transaction, it also rolls that transaction back.
 */
final class HttpProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final String MEDIA_TYPE = "application/problem+json";

    private final int status;
    private final String type;
    private final String title;
    private final String detail;
    private final String field;
    private final transient Map<String, String> headers;

    HttpProblem(int status, String type, String title, String detail) {
        this(status, type, title, detail, null, Map.of());
    }

    HttpProblem(int status, String type, String title, String detail, String field, Map<String, String> headers) {
        // No stack trace: this is an answer, not a failure to investigate.
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.detail = detail;
        this.field = field;
        this.headers = headers;
    }

    static HttpProblem invalid(String field, String detail) {
        return new HttpProblem(400, "invalid-input", "Invalid input", detail, field, Map.of());
    }

    static HttpProblem notFound(String detail) {
        return new HttpProblem(404, "not-found", "Not found", detail);
    }

    static HttpProblem conflict(String detail) {
        return new HttpProblem(409, "conflict", "Conflict", detail);
    }

    int status() { return status; }

    String field() { return field; }

    /** Writes the problem; {@code instance} (may be {@code null}) names the incident in the log. */
    void writeTo(HttpServletResponse response, String instance) throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        headers.forEach(response::setHeader);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        ObjectNode body = Board.JSON.createObjectNode();
        body.put("type", "urn:interlink:problem:" + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (field != null) {
            body.put("field", field);
        }
        if (instance != null) {
            body.put("instance", instance);
        }
        response.getOutputStream().write(Board.JSON.writeValueAsBytes(body));
    }
}
