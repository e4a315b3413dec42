package eu.interlink.bench.bare;

import java.io.IOException;
import java.io.InputStream;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The throughput baseline: {@code GET /bench/bare} answers a fixed byte array the way the API answers JSON (same
 * status, content type, encoding and language headers), with no work behind it. The benchmark first fetches
 * {@code /api/v1/interlinkers} and {@code POST}s its body here, so both answer the very same bytes.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("interlink-bench-bare")
@HttpWhiteboardServletPattern("/bench/bare")
public class BareServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final int MAX_BYTES = 1024 * 1024;

    private volatile byte[] body = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(200);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Language", "en");
        response.getOutputStream().write(body);
    }

    /** Sets the bytes {@code GET} answers. */
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try (InputStream in = request.getInputStream()) {
            byte[] b = in.readNBytes(MAX_BYTES + 1);
            if (b.length > MAX_BYTES) {
                response.sendError(413);
                return;
            }
            body = b;
        }
        response.setStatus(204);
    }
}
