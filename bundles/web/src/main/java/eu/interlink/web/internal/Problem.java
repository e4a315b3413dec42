package eu.interlink.web.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import eu.interlink.coproduction.FieldException;
import eu.interlink.kernel.service.KernelException;

/**
 * An RFC 9457 problem: what every error of the API answers, as {@code application/problem+json}. The
 * {@code type} is a URN naming the kind of problem; clients branch on it, people read {@code title} and
 * {@code detail}.
 */
final class Problem extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final String MEDIA_TYPE = "application/problem+json";

    final int status;
    final String type;
    final String title;
    final Map<String, Object> extensions = new LinkedHashMap<>();

    Problem(int status, String type, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    static Problem of(KernelException e) {
        Problem p = new Problem(e.status(), e.type(), e.title(), e.detail());
        if (e instanceof FieldException f) p.with("field", f.field());
        if (e instanceof eu.interlink.teams.InvalidFieldException f) p.with("field", f.field());
        if (e instanceof eu.interlink.identity.IdentityException i) {
            if (i.field() != null) p.with("field", i.field());
            if (i.retryAfterSeconds() > 0) p.with("retryAfter", i.retryAfterSeconds());
        }
        return p;
    }

    static Problem badParameter(String parameter, String detail) {
        Problem p = new Problem(400, "invalid-parameter", "Invalid parameter", detail);
        p.extensions.put("parameter", parameter);
        return p;
    }

    static Problem notFound(String detail) {
        return new Problem(404, "not-found", "Not found", detail);
    }

    Problem with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    Map<String, Object> body(String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:interlink:problem:" + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", getMessage());
        if (instance != null) body.put("instance", instance);
        body.putAll(extensions);
        return body;
    }
}
