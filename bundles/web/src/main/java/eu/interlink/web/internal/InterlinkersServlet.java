package eu.interlink.web.internal;

import java.io.IOException;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import eu.interlink.api.Nature;
import eu.interlink.kernel.service.InterlinkerEntry;
import eu.interlink.kernel.service.InterlinkerQuery;
import eu.interlink.kernel.service.InterlinkerRegistry;
import eu.interlink.kernel.service.Page;

/** {@code GET /api/v1/interlinkers} (search the catalogue) and {@code GET /api/v1/interlinkers/{id}}. */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("interlink-api-interlinkers")
@HttpWhiteboardServletPattern({"/api/v1/interlinkers", "/api/v1/interlinkers/*"})
public class InterlinkersServlet extends Api {
    private static final long serialVersionUID = 1L;

    @Reference
    private transient InterlinkerRegistry registry;

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        requireGet(request, response);
        String language = language(request, response).code();
        String[] path = segments(request);
        if (path.length == 0) {
            search(request, response, language);
        } else if (path.length == 1 && !path[0].isEmpty()) {
            String id = path[0];
            InterlinkerEntry entry = registry.find(id)
                    .orElseThrow(() -> Problem.notFound("There is no Interlinker '" + clip(id) + "'"));
            response.setHeader("Content-Language", language);
            json(response, 200, Views.interlinkerDetail(entry, language, registry.versions(id)));
        } else {
            throw Problem.notFound("No such resource: " + clip(request.getRequestURI()));
        }
    }

    private void search(HttpServletRequest request, HttpServletResponse response, String language) throws IOException {
        Optional<Nature> nature = Optional.empty();
        String rawNature = request.getParameter("nature");
        if (rawNature != null) {
            Nature n = Views.nature(rawNature.trim());
            if (n == null) {
                throw Problem.badParameter("nature", "Query parameter 'nature' must be one of software, knowledge, external-software, external-knowledge; not '"
                        + clip(rawNature) + "'");
            }
            nature = Optional.of(n);
        }
        String q = request.getParameter("q");
        if (q != null && q.length() > 200) throw Problem.badParameter("q", "Query parameter 'q' must be at most 200 characters");
        int offset = intParameter(request, "offset", 0, 0, 1_000_000);
        int limit = intParameter(request, "limit", 20, 1, InterlinkerQuery.MAX_LIMIT);
        Optional<String> text = Optional.ofNullable(q).filter(s -> !s.isBlank());

        // The catalogue changes rarely and is read often: an answer is made once per registry revision.
        long revision = registry.revision();
        String key = language + '|' + nature.map(Enum::name).orElse("") + '|' + text.orElse("") + '|' + offset + '|' + limit;
        String etag = "\"" + revision + '-' + Integer.toHexString(key.hashCode()) + '"';
        response.setHeader("Content-Language", language);
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", "no-cache");
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(304);
            return;
        }
        byte[] body = answers.get(revision, key);
        if (body == null) {
            Page<InterlinkerEntry> page = registry.search(new InterlinkerQuery(nature, text, language, offset, limit));
            body = JSON.writeValueAsBytes(Views.page(page, page.items().stream().map(e -> Views.interlinker(e, language)).toList()));
            answers.put(revision, key, body);
        }
        response.setStatus(200);
        response.setContentType(JSON_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private final transient Answers answers = new Answers();

    /** The last answers made, for one registry revision at a time; a new revision empties it. */
    static final class Answers {
        private static final int MAX = 256;
        private long revision = -1;
        private final java.util.Map<String, byte[]> bodies = new java.util.LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(java.util.Map.Entry<String, byte[]> eldest) {
                return size() > MAX;
            }
        };

        synchronized byte[] get(long rev, String key) {
            return rev == revision ? bodies.get(key) : null;
        }

        synchronized void put(long rev, String key, byte[] body) {
            if (rev != revision) {
                bodies.clear();
                revision = rev;
            }
            bodies.put(key, body);
        }
    }
}
