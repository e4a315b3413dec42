package eu.interlink.web.internal;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import eu.interlink.coproduction.ImportReport;
import eu.interlink.coproduction.ImportService;

/**
 * {@code POST /api/v1/admin/import} {"folder": "/abs/path"}: imports a folder of the server in the original
 * platform's seed format and answers the report (counts per kind, and each item it could not import, with why).
 */
@Component(service = Api.class)
@ApiRoute(name = "interlink-api-admin-import", pattern = "/api/v1/admin/import")
public class AdminImportServlet extends Api {
    private static final long serialVersionUID = 1L;

    @Reference
    private transient ImportService importer;

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"POST".equals(request.getMethod())) throw methodNotAllowed(response, request.getMethod(), "POST");
        Map<String, Object> body = readObject(request);
        Object folder = body.get("folder");
        if (!(folder instanceof String text) || text.isBlank()) {
            throw new Problem(400, "invalid-field", "Invalid field", "Field 'folder' is required: the absolute path of a folder on the server")
                    .with("field", "folder");
        }
        Path path;
        try {
            path = Path.of(text.strip());
        } catch (InvalidPathException e) {
            throw new Problem(400, "invalid-field", "Invalid field", "Field 'folder' is not a valid path: " + clip(text)).with("field", "folder");
        }
        long start = System.nanoTime();
        ImportReport report = importer.importFolder(path);
        json(response, 200, CatalogueViews.report(report, (System.nanoTime() - start) / 1_000_000));
    }
}
