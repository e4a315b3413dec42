package eu.interlink.web.jetty;

import java.io.IOException;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.AbstractHandler;
import org.osgi.service.component.annotations.Component;

/**
 * Installs {@link ProblemErrorHandler} as Jetty's server-wide error handler. Pax Web 8 adds every {@link Handler}
 * service to its Jetty server and hands it the server; that hand-over is the one place a bundle can reach the
 * server, so this handler uses it and otherwise lets every request pass untouched.
 */
// Ranked high, so that Pax Web puts it before the servlet context, where TRACE is refused.
@Component(service = Handler.class, property = "service.ranking:Integer=1000")
public class ServerErrorsComponent extends AbstractHandler {

    @Override
    public void setServer(Server server) {
        super.setServer(server);
        if (server != null && !(server.getErrorHandler() instanceof ProblemErrorHandler)) {
            ProblemErrorHandler errors = new ProblemErrorHandler();
            // The server may be starting already, and then starts the handler as it takes it: the handler must
            // know its server before (Jetty refuses to set the server of a started handler).
            errors.setServer(server);
            server.setErrorHandler(errors);
        }
    }

    /**
     * Lets every request through but two kinds that the servlet context would refuse with an empty body (Jetty
     * writes error bodies there only for GET, POST and HEAD), answered here as problems instead: TRACE, which Pax
     * Web refuses with a 405, and the protected targets {@code /WEB-INF} and {@code /META-INF}, which Jetty refuses
     * with a 404 before any servlet or filter sees them (found by {@code FuzzIT}'s long run: {@code OPTIONS},
     * {@code PUT}, {@code PATCH} or an unknown method on {@code /WEB-INF/web.xml} got an empty 404).
     */
    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (baseRequest.isHandled() || response.isCommitted()) return;
        if ("TRACE".equals(request.getMethod())) {
            response.setHeader("Allow", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
            answer(baseRequest, response, 405, "TRACE is not allowed on this server");
        } else if (isProtectedTarget(target)) {
            answer(baseRequest, response, 404, "No such resource");
        }
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
