package eu.interlink.web.jetty;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's server-wide error handler, answering in the API's RFC 9457 shape instead of Jetty's HTML: for requests
 * its HTTP parser refuses (bad escapes, oversized headers…) and for errors outside any servlet context. Errors
 * inside the platform's context are answered by the web bundle's own error page, as before.
 */
public final class ProblemErrorHandler extends ErrorHandler {
    static final String MEDIA_TYPE = "application/problem+json";

    /** Every method gets a body: Jetty's default writes error pages only for GET, POST and HEAD. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, MEDIA_TYPE));
        fields.put(new HttpField(HttpHeader.CACHE_CONTROL, "no-store"));
        fields.put(new HttpField("X-Content-Type-Options", "nosniff"));
        return ByteBuffer.wrap(body(status, reason).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void doError(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response) throws IOException {
        baseRequest.setHandled(true);
        if (response.isCommitted()) return;
        int status = response.getStatus() >= 400 ? response.getStatus() : 500;
        Object message = request.getAttribute("javax.servlet.error.message");
        byte[] bytes = body(status, message == null ? null : message.toString()).getBytes(StandardCharsets.UTF_8);
        response.resetBuffer();
        response.setContentType(MEDIA_TYPE);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** The problem body; Jetty's reason is kept to safe characters so that it needs no JSON escaping. */
    static String body(int status, String reason) {
        String type = status == 404 ? "not-found" : status == 405 ? "method-not-allowed" : status == 413 ? "body-too-large"
                : status == 414 || status == 431 ? "request-too-large" : status < 500 ? "bad-request" : "internal-error";
        String title = switch (type) {
            case "not-found" -> "Not found";
            case "method-not-allowed" -> "Method not allowed";
            case "body-too-large" -> "Body too large";
            case "request-too-large" -> "Request too large";
            case "bad-request" -> "Bad request";
            default -> "Internal error";
        };
        String detail = reason == null ? "" : reason.replaceAll("[^A-Za-z0-9 .,:;'()/_-]", "?");
        if (detail.length() > 200) detail = detail.substring(0, 200);
        if (detail.isBlank()) detail = status < 500 ? "The HTTP request is malformed or too large; check the URL, headers and method" : "Try again later";
        return "{\"type\":\"urn:interlink:problem:" + type + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}";
    }
}
