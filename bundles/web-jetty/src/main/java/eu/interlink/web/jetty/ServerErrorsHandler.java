package eu.interlink.web.jetty;

import java.io.IOException;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * The first handler of Jetty's server, in front of everything Pax Web registers: answers as problems two kinds of
 * request that the servlet context would refuse with an empty body, and passes every other one on untouched.
 *
 * <p>This bundle is a fragment of Pax Web's {@code pax-web-jetty}: its {@code /jetty.xml} is on that bundle's
 * class path, and Pax Web 8 applies it to the {@code Server} it creates before it starts it (inserting this
 * handler and setting {@link ProblemErrorHandler} as the server's error handler). Nothing is registered as an OSGi
 * service, so Pax Web never restarts Jetty for it: a {@code Handler} service that arrives once Jetty runs makes
 * Pax Web stop Jetty and start a new server, and connections accepted by the first one were never answered
 * (docs/reliability.md, finding 8).
 */
public class ServerErrorsHandler extends HandlerWrapper {

    /**
     * Lets every request through but two kinds that the servlet context would refuse with an empty body (Jetty
     * writes error bodies there only for GET, POST and HEAD), answered here as problems instead: TRACE, which Pax
     * Web refuses with a 405, and the protected targets {@code /WEB-INF} and {@code /META-INF}, which Jetty refuses
     * with a 404 before any servlet or filter sees them (found by {@code FuzzIT}'s long run: {@code OPTIONS},
     * {@code PUT}, {@code PATCH} or an unknown method on {@code /WEB-INF/web.xml} got an empty 404).
     */
    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        if (!baseRequest.isHandled() && !response.isCommitted()) {
            if ("TRACE".equals(request.getMethod())) {
                response.setHeader("Allow", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
                answer(baseRequest, response, 405, "TRACE is not allowed on this server");
                return;
            }
            if (isProtectedTarget(target)) {
                answer(baseRequest, response, 404, "No such resource");
                return;
            }
        }
        super.handle(target, baseRequest, request, response);
    }

    private static void answer(Request baseRequest, HttpServletResponse response, int status, String detail) throws IOException {
        baseRequest.setHandled(true);
        byte[] body = ProblemErrorHandler.body(status, detail).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(ProblemErrorHandler.MEDIA_TYPE);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(body.length);
        if (!"HEAD".equals(baseRequest.getMethod())) response.getOutputStream().write(body);
    }

    /**
     * Whether Jetty's servlet context would refuse {@code target} as protected: the same rule as
     * {@code ContextHandler.isProtectedTarget} for the platform's context at {@code /} ({@code /WEB-INF} or
     * {@code /META-INF} in any case, alone or followed by {@code /}, {@code ?}, {@code #} or {@code ;}).
     */
    static boolean isProtectedTarget(String target) {
        if (target == null) return false;
        String t = target;
        while (t.startsWith("//")) t = t.substring(1);
        for (String p : new String[] {"/web-inf", "/meta-inf"}) {
            if (t.regionMatches(true, 0, p, 0, p.length())) {
                if (t.length() == p.length()) return true;
                char c = t.charAt(p.length());
                if (c == '/' || c == '?' || c == '#' || c == ';') return true;
            }
        }
        return false;
    }
}
