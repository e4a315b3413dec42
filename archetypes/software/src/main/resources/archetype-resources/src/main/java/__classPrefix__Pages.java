package ${package};

import java.io.IOException;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import eu.interlink.api.AssetAccess;
import eu.interlink.api.AssetNotFoundException;
import eu.interlink.api.InterlinkerPages;

/**
 * The Interlinker's own page, {@code /interlinkers/${interlinkerId}/assets/<id>}: the note as HTML. The kernel
 * routes requests under {@code /interlinkers/${interlinkerId}/} here, to the version that serves now; the data
 * comes through {@link AssetAccess}, which lets this bundle see its own assets only.
 */
@Component(service = Servlet.class)
@InterlinkerPages(${classPrefix}Interlinker.ID)
public final class ${classPrefix}Pages extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Reference
    private transient AssetAccess assets;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        if (!path.matches("/assets/[A-Za-z0-9-]{1,64}")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String assetId = path.substring("/assets/".length());
        ${classPrefix}Interlinker.Note note;
        try {
            note = assets.withAsset(assetId, request.getLocale(), request.getUserPrincipal(), ${classPrefix}Interlinker::read);
        } catch (AssetNotFoundException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("text/html; charset=utf-8");
        response.getWriter().write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(note.title())
                + "</title></head>\n<body><h1>" + escape(note.title()) + "</h1>\n<p>" + escape(note.text()) + "</p></body></html>\n");
    }

    /** Users' text never becomes markup. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
