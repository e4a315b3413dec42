package eu.interlink.web.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import eu.interlink.coproduction.FieldException;
import eu.interlink.coproduction.ItemType;
import eu.interlink.coproduction.Language;
import eu.interlink.coproduction.Schema;
import eu.interlink.coproduction.SchemaItem;
import eu.interlink.coproduction.SchemaService;
import eu.interlink.coproduction.Translated;
import eu.interlink.kernel.service.KernelException;
import eu.interlink.kernel.service.Page;

/**
 * Schemas (process templates): {@code GET|POST /api/v1/schemas}, {@code GET|PUT|DELETE /api/v1/schemas/{id}}; changes are
 * for operators.
 * Texts are answered in the negotiated language; a body gives each text as a string (in that language) or as
 * an object per language.
 */
@Component(service = Api.class)
@ApiRoute(name = "interlink-api-schemas", pattern = {"/api/v1/schemas", "/api/v1/schemas/*"})
public class SchemasServlet extends Api {
    private static final long serialVersionUID = 1L;
    private static final Set<String> SCHEMA_FIELDS = Set.of("id", "name", "description", "languages", "licence", "author", "tags", "phases");
    private static final Set<String> ITEM_FIELDS = Set.of("id", "type", "name", "description", "prerequisites", "problemProfiles", "children");

    @Reference
    private transient SchemaService schemas;

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        String[] path = segments(request);
        Language language = language(request, response);
        // Schemas are the platform's templates: everyone reads them, operators change them.
        if (!AuthenticationFilter.safe(method)) Callers.requireOperator(request);
        if (path.length == 0) {
            switch (method) {
                case "GET", "HEAD" -> list(request, response, language);
                case "POST" -> {
                    Schema s = parse(readObject(request), null, language);
                    if (schemas.find(s.id()).isPresent()) {
                        throw new KernelException(409, "schema-exists", "Schema exists", "There is a schema '" + s.id() + "' already; PUT /api/v1/schemas/" + s.id() + " replaces it");
                    }
                    schemas.save(s);
                    response.setHeader("Location", "/api/v1/schemas/" + s.id());
                    json(response, 201, CoproductionViews.schema(find(s.id()), language));
                }
                default -> throw methodNotAllowed(response, method, "GET", "POST");
            }
        } else if (path.length == 1 && !path[0].isEmpty()) {
            String id = path[0];
            switch (method) {
                case "GET", "HEAD" -> json(response, 200, CoproductionViews.schema(find(id), language));
                case "PUT" -> {
                    Map<String, Object> body = readObject(request);
                    find(id);
                    schemas.save(parse(body, id, language));
                    json(response, 200, CoproductionViews.schema(find(id), language));
                }
                case "DELETE" -> {
                    schemas.delete(id);
                    response.setStatus(204);
                }
                default -> throw methodNotAllowed(response, method, "GET", "PUT", "DELETE");
            }
        } else {
            throw notFound(request);
        }
    }

    private void list(HttpServletRequest request, HttpServletResponse response, Language language) throws IOException {
        int offset = intParameter(request, "offset", 0, 0, 1_000_000);
        int limit = intParameter(request, "limit", 20, 1, 100);
        List<Schema> all = schemas.list();
        List<Map<String, Object>> items = all.stream().skip(offset).limit(limit).map(s -> CoproductionViews.schemaSummary(s, language)).toList();
        json(response, 200, Views.page(new Page<>(items, all.size(), offset, limit), items));
    }

    private Schema find(String id) {
        return schemas.find(id).orElseThrow(() -> Problem.notFound("There is no schema '" + clip(id) + "'"));
    }

    /** A schema from a body; for a PUT, {@code pathId} is the id, which the body may repeat but not change. */
    private static Schema parse(Map<String, Object> body, String pathId, Language language) {
        Bodies.onlyKnown(body, "", SCHEMA_FIELDS);
        String id = Bodies.string(body, "id", "id");
        if (pathId != null) {
            if (id != null && !id.equals(pathId)) throw new FieldException("id", "The id in the body ('" + clip(id) + "') differs from the one in the path");
            id = pathId;
        }
        if (id == null) throw new FieldException("id", "'id' is required");
        Translated name = Bodies.texts(body, "name", "name", language);
        Translated description = Bodies.texts(body, "description", "description", language);
        List<String> languages = Bodies.strings(body, "languages", "languages");
        Map<String, List<String>> tags = new LinkedHashMap<>();
        Object rawTags = body.get("tags");
        if (rawTags instanceof List<?>) {
            tags.put(language.code(), Bodies.strings(body, "tags", "tags"));
        } else if (rawTags != null) {
            Map<String, Object> perLanguage = Bodies.object(rawTags, "tags");
            for (String code : perLanguage.keySet()) tags.put(code, Bodies.strings(perLanguage, code, "tags." + code));
        }
        List<Object> phases = Bodies.list(body, "phases", "phases");
        return new Schema(id, name == null ? Translated.EMPTY : name, description == null ? Translated.EMPTY : description,
                languages == null ? List.of() : languages, nonNull(Bodies.string(body, "licence", "licence")),
                nonNull(Bodies.string(body, "author", "author")), tags,
                items(phases == null ? List.of() : phases, "phases", ItemType.PHASE, language));
    }

    private static List<SchemaItem> items(List<Object> raw, String path, ItemType depth, Language language) {
        List<SchemaItem> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String at = path + "[" + i + "]";
            Map<String, Object> item = Bodies.object(raw.get(i), at);
            Bodies.onlyKnown(item, at + ".", ITEM_FIELDS);
            ItemType type = Bodies.choice(item, "type", at + ".type", s -> {
                for (ItemType t : ItemType.values()) if (CoproductionViews.label(t).equals(s)) return java.util.Optional.of(t);
                return java.util.Optional.empty();
            }, "phase, objective, task");
            List<Object> children = Bodies.list(item, "children", at + ".children");
            ItemType below = depth == ItemType.PHASE ? ItemType.OBJECTIVE : ItemType.TASK;
            Translated name = Bodies.texts(item, "name", at + ".name", language);
            Translated description = Bodies.texts(item, "description", at + ".description", language);
            List<String> prerequisites = Bodies.strings(item, "prerequisites", at + ".prerequisites");
            List<String> profiles = Bodies.strings(item, "problemProfiles", at + ".problemProfiles");
            out.add(new SchemaItem(Bodies.string(item, "id", at + ".id"), type == null ? depth : type, name == null ? Translated.EMPTY : name,
                    description == null ? Translated.EMPTY : description, prerequisites == null ? List.of() : prerequisites,
                    profiles == null ? List.of() : profiles,
                    children == null ? List.of() : depth == ItemType.TASK ? placeholders(children) : items(children, at + ".children", below, language)));
        }
        return out;
    }

    /** Children given to a task: kept only so that validation can say a task has none. */
    private static List<SchemaItem> placeholders(List<Object> children) {
        return children.stream().map(c -> new SchemaItem("x", ItemType.TASK, Translated.EMPTY, Translated.EMPTY, List.of(), List.of(), List.of())).toList();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
