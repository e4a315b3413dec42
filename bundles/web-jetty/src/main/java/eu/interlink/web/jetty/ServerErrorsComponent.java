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
     * Lets every request through but TRACE, which Pax Web refuses inside the servlet context with an empty 405
     * (Jetty writes error bodies there only for GET, POST and HEAD): TRACE is answered here, as a problem.
     */
    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (baseRequest.isHandled() || response.isCommitted() || !"TRACE".equals(request.getMethod())) return;
        baseRequest.setHandled(true);
        byte[] body = ProblemErrorHandler.body(405, "TRACE is not allowed on this server").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        response.setStatus(405);
        response.setHeader("Allow", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
        response.setContentType(ProblemErrorHandler.MEDIA_TYPE);
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
