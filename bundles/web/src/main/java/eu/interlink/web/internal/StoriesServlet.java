package eu.interlink.web.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import eu.interlink.coproduction.FieldException;
import eu.interlink.kernel.service.Page;
import eu.interlink.stories.Publication;
import eu.interlink.stories.Story;
import eu.interlink.stories.StoryDraft;
import eu.interlink.stories.StoryQuery;
import eu.interlink.stories.StoryRating;
import eu.interlink.stories.StoryService;

/**
 * Stories under {@code /api/v1/stories}, the public catalogue of good practice:
 * <pre>
 * GET|POST          /stories                  search (q, keyword, language, sort, paging) | publish a finished process
 * GET|PATCH|DELETE  /stories/{id}
 * GET               /stories/{id}/ratings     PUT /stories/{id}/rating (the caller's own)
 * </pre>
 * Reading is open to anyone, anonymous included; everything else needs a signed-in account (401).
 */
@Component(service = Api.class)
@ApiRoute(name = "interlink-api-stories", pattern = {"/api/v1/stories", "/api/v1/stories/*"})
public class StoriesServlet extends Api {
    private static final long serialVersionUID = 1L;
    private static final Set<String> DRAFT = Set.of("title", "summary", "keywords", "materials", "owners");

    @Reference
    private transient StoryService stories;

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] path = resourcePath(request);
        String method = request.getMethod();
        String caller = Callers.caller(request);
        if (path.length == 0) {
            switch (method) {
                case "GET", "HEAD" -> json(response, 200, search(request));
                case "POST" -> {
                    Map<String, Object> body = readObject(request);
                    Object process = body.remove("process");
                    if (!(process instanceof String processId) || processId.isBlank()) {
                        throw new FieldException("process", "'process' names the finished process to publish");
                    }
                    Publication p = stories.publish(processId, draft(body), caller);
                    response.setHeader("Location", "/api/v1/stories/" + p.story().id());
                    Map<String, Object> answer = story(p.story());
                    answer.put("copy", CoproductionViews.transfer(p.copy()));
                    json(response, 201, answer);
                }
                default -> throw methodNotAllowed(response, method, "GET", "POST");
            }
            return;
        }
        String id = path[0];
        if (path.length == 1) {
            switch (method) {
                case "GET", "HEAD" -> json(response, 200, story(read(id)));
                case "PATCH" -> json(response, 200, story(stories.update(id, draft(readObject(request)), caller)));
                case "DELETE" -> {
                    stories.unpublish(id, caller);
                    response.setStatus(204);
                }
                default -> throw methodNotAllowed(response, method, "GET", "PATCH", "DELETE");
            }
            return;
        }
        if (path.length == 2 && path[1].equals("ratings")) {
            if (!"GET".equals(method) && !"HEAD".equals(method)) throw methodNotAllowed(response, method, "GET");
            Page<StoryRating> page = stories.ratings(id, intParameter(request, "offset", 0, 0, 1_000_000),
                    intParameter(request, "limit", 20, 1, 100));
            json(response, 200, Views.page(page, page.items().stream().map(StoriesServlet::rating).toList()));
            return;
        }
        if (path.length == 2 && path[1].equals("rating")) {
            if (!"PUT".equals(method)) throw methodNotAllowed(response, method, "PUT");
            Map<String, Object> body = readObject(request);
            Bodies.onlyKnown(body, "", Set.of("stars", "comment"));
            if (!(body.get("stars") instanceof Integer stars)) throw new FieldException("stars", "'stars' is a whole number from 1 to 5");
            json(response, 200, story(stories.rate(id, stars, Bodies.string(body, "comment", "comment"), caller)));
            return;
        }
        throw notFound(request);
    }

    private Map<String, Object> search(HttpServletRequest request) {
        String sort = Optional.ofNullable(request.getParameter("sort")).orElse("recent");
        StoryQuery.Sort order = switch (sort) {
            case "recent" -> StoryQuery.Sort.RECENT;
            case "rating" -> StoryQuery.Sort.RATING;
            default -> throw new FieldException("sort", "'sort' is recent or rating, not '" + clip(sort) + "'");
        };
        StoryQuery q = new StoryQuery(parameter(request, "q", 200), parameter(request, "keyword", 50),
                parameter(request, "language", 8), parameter(request, "process", 64), order, intParameter(request, "offset", 0, 0, 1_000_000),
                intParameter(request, "limit", 20, 1, 100));
        Page<Story> page = stories.search(q);
        Map<String, Object> answer = Views.page(page, page.items().stream().map(StoriesServlet::story).toList());
        Map<String, Object> facets = new LinkedHashMap<>();
        facets.put("keywords", stories.keywords(30).stream().map(k -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("keyword", k.keyword());
            v.put("stories", k.stories());
            return v;
        }).toList());
        answer.put("facets", facets);
        return answer;
    }

    private static Optional<String> parameter(HttpServletRequest request, String name, int max) {
        String v = request.getParameter(name);
        if (v == null || v.isBlank()) return Optional.empty();
        if (v.length() > max) throw new FieldException(name, "'" + name + "' is at most " + max + " characters");
        return Optional.of(v.strip());
    }

    private Story read(String id) {
        return stories.find(id).orElseThrow(() -> Problem.notFound("There is no story '" + clip(id) + "'"));
    }

    private static StoryDraft draft(Map<String, Object> body) {
        Bodies.onlyKnown(body, "", DRAFT);
        List<Story.Material> materials = null;
        List<Object> given = Bodies.list(body, "materials", "materials");
        if (given != null) {
            materials = new ArrayList<>();
            for (int i = 0; i < given.size(); i++) {
                String at = "materials[" + i + "]";
                Map<String, Object> m = Bodies.object(given.get(i), at);
                Bodies.onlyKnown(m, at + ".", Set.of("title", "url"));
                materials.add(new Story.Material(Bodies.string(m, "title", at + ".title"), Bodies.string(m, "url", at + ".url")));
            }
        }
        return new StoryDraft(Bodies.string(body, "title", "title"), Bodies.string(body, "summary", "summary"),
                Bodies.strings(body, "keywords", "keywords"), materials, Bodies.strings(body, "owners", "owners"));
    }

    static Map<String, Object> story(Story s) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", s.id());
        v.put("process", s.processId());
        v.put("sourceProcess", s.sourceProcessId());
        v.put("title", s.title());
        v.put("summary", s.summary());
        v.put("language", s.language());
        v.put("keywords", s.keywords());
        v.put("materials", s.materials().stream().map(m -> Map.of("title", m.title(), "url", m.url())).toList());
        v.put("owners", s.owners());
        v.put("publishedBy", s.publishedBy());
        v.put("publishedAt", s.publishedAt().toString());
        v.put("updatedAt", s.updatedAt().toString());
        v.put("rating", s.rating());
        v.put("ratings", s.ratings());
        return v;
    }

    private static Map<String, Object> rating(StoryRating r) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("user", r.user());
        v.put("stars", r.stars());
        v.put("comment", r.comment());
        v.put("ratedAt", r.ratedAt().toString());
        return v;
    }
}
