package eu.interlink.web.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import eu.interlink.api.InterlinkerDescriptor;
import eu.interlink.coproduction.CoproductionProcess;
import eu.interlink.coproduction.FieldException;
import eu.interlink.coproduction.ItemFields;
import eu.interlink.coproduction.ItemStatus;
import eu.interlink.coproduction.ItemType;
import eu.interlink.coproduction.Language;
import eu.interlink.coproduction.ParticipationRequest;
import eu.interlink.coproduction.Permission;
import eu.interlink.coproduction.PermissionService;
import eu.interlink.coproduction.ProcessFields;
import eu.interlink.coproduction.ProcessQuery;
import eu.interlink.coproduction.ProcessService;
import eu.interlink.coproduction.ProcessTransferService;
import eu.interlink.coproduction.TaskAssetRequest;
import eu.interlink.coproduction.TaskAssetService;
import eu.interlink.coproduction.TransferReport;
import eu.interlink.coproduction.TreeItem;
import eu.interlink.coproduction.TreeService;
import eu.interlink.kernel.service.AssetRecord;
import eu.interlink.kernel.service.InterlinkerEntry;
import eu.interlink.kernel.service.InterlinkerRegistry;
import eu.interlink.kernel.service.InterlinkerStatus;
import eu.interlink.kernel.service.Page;

/**
 * Processes and everything that belongs to one, under {@code /api/v1/processes}:
 * <pre>
 * GET|POST                /processes
 * GET|PUT|PATCH|DELETE    /processes/{id}
 * GET|POST                /processes/{id}/administrators,  DELETE /processes/{id}/administrators/{user}
 * POST|DELETE             /processes/{id}/schema           (copy a schema's tree in; clear it)
 * GET                     /processes/{id}/tree
 * POST                    /processes/{id}/items,  GET|PATCH|DELETE /processes/{id}/items/{itemId}
 * POST                    /processes/{id}/items/{itemId}/disable|enable
 * GET|POST                /processes/{id}/tasks/{taskId}/assets
 * GET                     /processes/{id}/tasks/{taskId}/recommendations
 * GET                     /processes/{id}/rights,  GET /processes/{id}/items/{itemId}/rights   (what the caller may do)
 * GET|POST                /processes/{id}/permissions,  PATCH|DELETE /processes/{id}/permissions/{permissionId}
 * GET|POST                /processes/{id}/participation-requests,  POST …/{requestId}/accept|decline
 * POST                    /processes/{id}/clone,  GET /processes/{id}/export (a zip),  POST /processes/import (a zip)
 * </pre>
 * The caller is {@link Callers#caller}. A process the caller may not read is a 404 on every path below it, as if
 * it did not exist; the co-production services decide every change (401, 403).
 */
@Component(service = Api.class)
@ApiRoute(name = "interlink-api-processes", pattern = {"/api/v1/processes", "/api/v1/processes/*"})
public class ProcessesServlet extends Api {
    private static final long serialVersionUID = 1L;
    private static final Set<String> PROCESS_FIELDS = Set.of("name", "description", "aim", "idea", "organizationDescription", "challenges",
            "requirements", "language", "logotype", "tags", "public", "status");
    private static final Set<String> ITEM_FIELDS = Set.of("type", "parent", "name", "description", "status", "startDate", "endDate",
            "problemProfiles", "prerequisites");
    private static final Set<String> PERMISSION_FIELDS = Set.of("team", "item", "access", "createAssets", "deleteAssets");
    private static final String STATUSES = "awaiting, in_progress, finished";
    /** Software ids are kebab-case; imported knowledge and external ids may keep the seed's underscores. */
    private static final java.util.regex.Pattern INTERLINKER_ID = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,199}");

    @Reference
    private transient ProcessService processes;

    @Reference
    private transient TreeService trees;

    @Reference
    private transient TaskAssetService taskAssets;

    @Reference
    private transient InterlinkerRegistry registry;

    @Reference
    private transient PermissionService permissions;

    @Reference
    private transient ProcessTransferService transfers;

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Changing needs the process's administrator too, whose check (by account name) the co-production services make.
        String[] path = resourcePath(request);
        String method = request.getMethod();
        Language language = language(request, response);
        if (path.length == 0) {
            switch (method) {
                case "GET", "HEAD" -> list(request, response);
                case "POST" -> {
                    CoproductionProcess p = processes.create(processFields(readObject(request), false), Callers.caller(request));
                    response.setHeader("Location", "/api/v1/processes/" + p.id());
                    json(response, 201, CoproductionViews.process(p));
                }
                default -> throw methodNotAllowed(response, method, "GET", "POST");
            }
            return;
        }
        if (path.length == 1 && path[0].equals("import")) {
            importProcess(request, response);
            return;
        }
        String id = path[0];
        // Reading anything below a process needs the right to read the process (404 otherwise, not 403).
        if (AuthenticationFilter.safe(method)) permissions.rights(id, Optional.empty(), Callers.caller(request));
        if (path.length == 1) {
            process(request, response, id);
            return;
        }
        switch (path[1]) {
            case "administrators" -> administrators(request, response, id, path);
            case "schema" -> schema(request, response, id, path, language);
            case "tree" -> {
                if (path.length != 2) throw notFound(request);
                requireGet(request, response);
                json(response, 200, CoproductionViews.tree(trees.tree(id), language));
            }
            case "items" -> items(request, response, id, path, language);
            case "tasks" -> tasks(request, response, id, path, language);
            case "rights" -> {
                if (path.length != 2) throw notFound(request);
                requireGet(request, response);
                json(response, 200, CoproductionViews.rights(permissions.rights(id, Optional.empty(), Callers.caller(request))));
            }
            case "permissions" -> permissions(request, response, id, path);
            case "participation-requests" -> participation(request, response, id, path);
            case "clone" -> cloneProcess(request, response, id, path);
            case "export" -> {
                if (path.length != 2) throw notFound(request);
                requireGet(request, response);
                transfers.export(id, Callers.caller(request), fileName -> {
                    response.setStatus(200);
                    response.setContentType("application/zip");
                    response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
                    response.setHeader("Cache-Control", "no-store");
                    return response.getOutputStream();
                });
            }
            default -> throw notFound(request);
        }
    }

    private void cloneProcess(HttpServletRequest request, HttpServletResponse response, String id, String[] path) throws IOException {
        if (path.length != 2) throw notFound(request);
        if (!"POST".equals(request.getMethod())) throw methodNotAllowed(response, request.getMethod(), "POST");
        // The body is optional: no body (or an empty object) copies name and language as they are.
        Map<String, Object> body = request.getContentType() == null && request.getContentLengthLong() <= 0 ? Map.of() : readObject(request);
        Bodies.onlyKnown(body, "", Set.of("name", "language"));
        Optional<String> name = Optional.ofNullable(Bodies.string(body, "name", "name"));
        Optional<Language> language = Optional.ofNullable(Bodies.choice(body, "language", "language", Language::of, String.join(", ", Language.codes())));
        TransferReport report = transfers.cloneProcess(id, name, language, Callers.caller(request));
        response.setHeader("Location", "/api/v1/processes/" + report.process().id());
        json(response, 201, CoproductionViews.transfer(report));
    }

    /** A zip made by an export, as the body ({@code application/zip} or {@code application/octet-stream}). */
    private void importProcess(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"POST".equals(request.getMethod())) throw methodNotAllowed(response, request.getMethod(), "POST");
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(java.util.Locale.ROOT);
        if (!type.startsWith("application/zip") && !type.startsWith("application/octet-stream")) {
            throw new Problem(415, "unsupported-media-type", "Unsupported media type", "Send the zip of an exported process as application/zip");
        }
        try (java.io.InputStream in = request.getInputStream()) {
            if (request.getContentLengthLong() > ProcessTransferService.MAX_ZIP_BYTES) {
                tooLarge(in);
                throw new Problem(413, "zip-too-large", "Zip too large", "A process zip must be at most " + ProcessTransferService.MAX_ZIP_BYTES + " bytes");
            }
            TransferReport report = transfers.importProcess(in, Callers.caller(request));
            response.setHeader("Location", "/api/v1/processes/" + report.process().id());
            json(response, 201, CoproductionViews.transfer(report));
        }
    }

    private void list(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<ItemStatus> status = Optional.empty();
        String rawStatus = request.getParameter("status");
        if (rawStatus != null) {
            status = Optional.of(ItemStatus.of(rawStatus).orElseThrow(() -> Problem.badParameter("status",
                    "Query parameter 'status' must be one of " + STATUSES + ", not '" + clip(rawStatus) + "'")));
        }
        Optional<Boolean> isPublic = Optional.empty();
        String rawPublic = request.getParameter("public");
        if (rawPublic != null) {
            if (!rawPublic.equals("true") && !rawPublic.equals("false")) {
                throw Problem.badParameter("public", "Query parameter 'public' must be true or false, not '" + clip(rawPublic) + "'");
            }
            isPublic = Optional.of(Boolean.parseBoolean(rawPublic));
        }
        String q = request.getParameter("q");
        if (q != null && q.length() > 200) throw Problem.badParameter("q", "Query parameter 'q' must be at most 200 characters");
        int offset = intParameter(request, "offset", 0, 0, 1_000_000);
        int limit = intParameter(request, "limit", 20, 1, 100);
        String mine = request.getParameter("mine");
        if (mine != null && !mine.equals("true") && !mine.equals("false")) {
            throw Problem.badParameter("mine", "Query parameter 'mine' must be true or false, not '" + clip(mine) + "'");
        }
        Optional<String> viewer = Callers.current(request).map(c -> c.account().name());
        if ("true".equals(mine)) Callers.requireSignedIn(request);
        Page<CoproductionProcess> page = processes.list(new ProcessQuery(status, isPublic, Optional.ofNullable(q).filter(s -> !s.isBlank()), viewer,
                "true".equals(mine), offset, limit));
        json(response, 200, Views.page(page, page.items().stream().map(CoproductionViews::process).toList()));
    }

    private void process(HttpServletRequest request, HttpServletResponse response, String id) throws IOException {
        String method = request.getMethod();
        switch (method) {
            case "GET", "HEAD" -> json(response, 200, CoproductionViews.process(findProcess(id)));
            case "PATCH" -> json(response, 200, CoproductionViews.process(processes.update(id, processFields(readObject(request), false), Callers.caller(request))));
            case "PUT" -> json(response, 200, CoproductionViews.process(processes.update(id, processFields(readObject(request), true), Callers.caller(request))));
            case "DELETE" -> {
                processes.delete(id, Callers.caller(request));
                response.setStatus(204);
            }
            default -> throw methodNotAllowed(response, method, "GET", "PUT", "PATCH", "DELETE");
        }
    }

    private CoproductionProcess findProcess(String id) {
        return processes.find(id).orElseThrow(() -> Problem.notFound("There is no process '" + clip(id) + "'"));
    }

    /**
     * The fields of a body; for a PUT ({@code whole}) every field is set: an absent one takes its default (empty
     * text, English, no logotype, no tags, not public), except status, which stays.
     */
    private static ProcessFields processFields(Map<String, Object> body, boolean whole) {
        Bodies.onlyKnown(body, "", PROCESS_FIELDS);
        Language language = Bodies.choice(body, "language", "language", Language::of, String.join(", ", Language.codes()));
        ItemStatus status = Bodies.choice(body, "status", "status", ItemStatus::of, STATUSES);
        String name = Bodies.string(body, "name", "name");
        if (whole && name == null) throw new FieldException("name", "'name' is required");
        return new ProcessFields(name, text(body, "description", whole), text(body, "aim", whole), text(body, "idea", whole),
                text(body, "organizationDescription", whole), text(body, "challenges", whole), text(body, "requirements", whole),
                language == null && whole ? Language.FALLBACK : language, text(body, "logotype", whole),
                Optional.ofNullable(Bodies.strings(body, "tags", "tags")).orElse(whole ? List.of() : null),
                Optional.ofNullable(Bodies.bool(body, "public", "public")).orElse(whole ? Boolean.FALSE : null), status);
    }

    private static String text(Map<String, Object> body, String field, boolean whole) {
        String s = Bodies.string(body, field, field);
        return s == null && whole ? "" : s;
    }

    private void administrators(HttpServletRequest request, HttpServletResponse response, String id, String[] path) throws IOException {
        String method = request.getMethod();
        if (path.length == 2) {
            switch (method) {
                case "GET", "HEAD" -> json(response, 200, Map.of("items", findProcess(id).administrators()));
                case "POST" -> {
                    Map<String, Object> body = readObject(request);
                    Bodies.onlyKnown(body, "", Set.of("user"));
                    String user = Bodies.string(body, "user", "user");
                    if (user == null) throw new FieldException("user", "'user' names the new administrator");
                    CoproductionProcess p = processes.addAdministrator(id, user, Callers.caller(request));
                    json(response, 201, Map.of("items", p.administrators()));
                }
                default -> throw methodNotAllowed(response, method, "GET", "POST");
            }
        } else if (path.length == 3) {
            if (!"DELETE".equals(method)) throw methodNotAllowed(response, method, "DELETE");
            processes.removeAdministrator(id, path[2], Callers.caller(request));
            response.setStatus(204);
        } else {
            throw notFound(request);
        }
    }

    private void schema(HttpServletRequest request, HttpServletResponse response, String id, String[] path, Language language) throws IOException {
        if (path.length != 2) throw notFound(request);
        String method = request.getMethod();
        switch (method) {
            case "POST" -> {
                Map<String, Object> body = readObject(request);
                Bodies.onlyKnown(body, "", Set.of("schema"));
                String schema = Bodies.string(body, "schema", "schema");
                response.setHeader("Location", "/api/v1/processes/" + id + "/tree");
                json(response, 201, CoproductionViews.tree(trees.instantiate(id, schema, Callers.caller(request)), language));
            }
            case "DELETE" -> {
                trees.clear(id, Callers.caller(request));
                response.setStatus(204);
            }
            default -> throw methodNotAllowed(response, method, "POST", "DELETE");
        }
    }

    private void items(HttpServletRequest request, HttpServletResponse response, String id, String[] path, Language language) throws IOException {
        String method = request.getMethod();
        if (path.length == 2) {
            if (!"POST".equals(method)) throw methodNotAllowed(response, method, "POST");
            TreeItem item = trees.add(id, itemFields(readObject(request), language), Callers.caller(request));
            response.setHeader("Location", "/api/v1/processes/" + id + "/items/" + item.id());
            json(response, 201, CoproductionViews.item(item, language));
        } else if (path.length == 3) {
            String itemId = path[2];
            switch (method) {
                case "GET", "HEAD" -> json(response, 200, CoproductionViews.item(findItem(id, itemId), language));
                case "PATCH" -> json(response, 200, CoproductionViews.item(trees.update(id, itemId, itemFields(readObject(request), language),
                        Callers.caller(request)), language));
                case "DELETE" -> {
                    trees.delete(id, itemId, Callers.caller(request));
                    response.setStatus(204);
                }
                default -> throw methodNotAllowed(response, method, "GET", "PATCH", "DELETE");
            }
        } else if (path.length == 4 && path[3].equals("rights")) {
            requireGet(request, response);
            json(response, 200, CoproductionViews.rights(permissions.rights(id, Optional.of(path[2]), Callers.caller(request))));
        } else if (path.length == 4 && (path[3].equals("disable") || path[3].equals("enable"))) {
            if (!"POST".equals(method)) throw methodNotAllowed(response, method, "POST");
            json(response, 200, CoproductionViews.item(trees.setDisabled(id, path[2], path[3].equals("disable"), Callers.caller(request)), language));
        } else {
            throw notFound(request);
        }
    }

    private TreeItem findItem(String processId, String itemId) {
        findProcess(processId);
        return trees.item(processId, itemId).orElseThrow(() -> Problem.notFound("Process '" + clip(processId) + "' has no item '" + clip(itemId) + "'"));
    }

    private static ItemFields itemFields(Map<String, Object> body, Language language) {
        Bodies.onlyKnown(body, "", ITEM_FIELDS);
        ItemType type = Bodies.choice(body, "type", "type", s -> {
            for (ItemType t : ItemType.values()) if (CoproductionViews.label(t).equals(s)) return Optional.of(t);
            return Optional.empty();
        }, "phase, objective, task");
        return new ItemFields(type, Bodies.string(body, "parent", "parent"), Bodies.texts(body, "name", "name", language),
                Bodies.texts(body, "description", "description", language), Bodies.choice(body, "status", "status", ItemStatus::of, STATUSES),
                Bodies.date(body, "startDate", "startDate"), Bodies.date(body, "endDate", "endDate"),
                Bodies.strings(body, "problemProfiles", "problemProfiles"), Bodies.strings(body, "prerequisites", "prerequisites"));
    }

    private void tasks(HttpServletRequest request, HttpServletResponse response, String id, String[] path, Language language) throws IOException {
        if (path.length != 4) throw notFound(request);
        String taskId = path[2];
        String method = request.getMethod();
        if (path[3].equals("assets")) {
            switch (method) {
                case "GET", "HEAD" -> {
                    int offset = intParameter(request, "offset", 0, 0, 1_000_000);
                    int limit = intParameter(request, "limit", 20, 1, 100);
                    Page<AssetRecord> page = taskAssets.list(id, taskId, offset, limit);
                    json(response, 200, Views.page(page, page.items().stream().map(this::asset).toList()));
                }
                case "POST" -> {
                    AssetRecord a = taskAssets.create(id, taskId, assetRequest(readObject(request), language), language, Callers.caller(request));
                    response.setHeader("Location", "/api/v1/assets/" + a.id());
                    json(response, 201, asset(a));
                }
                default -> throw methodNotAllowed(response, method, "GET", "POST");
            }
        } else if (path[3].equals("recommendations")) {
            requireGet(request, response);
            int limit = intParameter(request, "limit", 10, 1, 100);
            json(response, 200, Map.of("items", taskAssets.recommendations(id, taskId, language, limit).stream()
                    .map(e -> CoproductionViews.recommendation(e, language)).toList()));
        } else {
            throw notFound(request);
        }
    }

    /**
     * {@code {"kind": "internal", "interlinker", "params"}}, {@code {"kind": "knowledge", "interlinker", "language"}}
     * or {@code {"kind": "external", "name", "uri"}}.
     */
    private static TaskAssetRequest assetRequest(Map<String, Object> body, Language language) {
        String kind = Bodies.string(body, "kind", "kind");
        if (kind == null) throw new FieldException("kind", "'kind' is one of internal, knowledge, external");
        switch (kind) {
            case "internal" -> {
                Bodies.onlyKnown(body, "", Set.of("kind", "interlinker", "params"));
                Object params = body.getOrDefault("params", Map.of());
                return new TaskAssetRequest.Internal(interlinker(body), Bodies.object(params, "params"));
            }
            case "knowledge" -> {
                Bodies.onlyKnown(body, "", Set.of("kind", "interlinker", "language"));
                Language l = Bodies.choice(body, "language", "language", Language::of, String.join(", ", Language.codes()));
                return new TaskAssetRequest.Knowledge(interlinker(body), l == null ? language : l);
            }
            case "external" -> {
                Bodies.onlyKnown(body, "", Set.of("kind", "name", "uri"));
                String name = Bodies.string(body, "name", "name");
                if (name == null) throw new FieldException("name", "'name' is required");
                return new TaskAssetRequest.External(name, externalUri(Bodies.string(body, "uri", "uri")));
            }
            default -> throw new FieldException("kind", "'kind' is one of internal, knowledge, external, not '" + clip(kind) + "'");
        }
    }

    private static String interlinker(Map<String, Object> body) {
        String id = Bodies.string(body, "interlinker", "interlinker");
        if (id == null || !INTERLINKER_ID.matcher(id).matches()) {
            throw new FieldException("interlinker", "'interlinker' is the id of an Interlinker, such as \"checklist\"");
        }
        return id;
    }

    /** An external asset links to the web: an absolute http or https URI with a host. */
    private static URI externalUri(String raw) {
        if (raw != null && raw.length() <= 2000) {
            try {
                URI uri = new URI(raw);
                if (uri.isAbsolute() && uri.getHost() != null && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                    return uri;
                }
            } catch (URISyntaxException bad) {
                // reported below
            }
        }
        throw new FieldException("uri", "'uri' is an absolute http or https URI of at most 2000 characters");
    }

    private Map<String, Object> asset(AssetRecord a) {
        if (a.interlinkerId() == null) return Views.asset(a, null);
        InterlinkerDescriptor serving = registry.find(a.interlinkerId())
                .filter(e -> e.status() == InterlinkerStatus.ACTIVE)
                .flatMap(InterlinkerEntry::descriptor).orElse(null);
        return Views.asset(a, serving);
    }
    private void permissions(HttpServletRequest request, HttpServletResponse response, String id, String[] path) throws IOException {
        String method = request.getMethod();
        String user = Callers.caller(request);
        if (path.length == 2) {
            switch (method) {
                case "GET", "HEAD" -> json(response, 200, Map.of("items", permissions.list(id, user).stream().map(CoproductionViews::permission).toList()));
                case "POST" -> {
                    Map<String, Object> body = readObject(request);
                    Bodies.onlyKnown(body, "", PERMISSION_FIELDS);
                    String item = Bodies.string(body, "item", "item");
                    Permission p = permissions.grant(id, Optional.ofNullable(item), Bodies.string(body, "team", "team"), flag(body, "access"),
                            flag(body, "createAssets"), flag(body, "deleteAssets"), user);
                    response.setHeader("Location", "/api/v1/processes/" + id + "/permissions/" + p.id());
                    json(response, 201, CoproductionViews.permission(p));
                }
                default -> throw methodNotAllowed(response, method, "GET", "POST");
            }
        } else if (path.length == 3) {
            switch (method) {
                case "PATCH" -> {
                    Map<String, Object> body = readObject(request);
                    Bodies.onlyKnown(body, "", Set.of("access", "createAssets", "deleteAssets"));
                    json(response, 200, CoproductionViews.permission(permissions.change(id, path[2], Bodies.bool(body, "access", "access"),
                            Bodies.bool(body, "createAssets", "createAssets"), Bodies.bool(body, "deleteAssets", "deleteAssets"), user)));
                }
                case "DELETE" -> {
                    permissions.revoke(id, path[2], user);
                    response.setStatus(204);
                }
                default -> throw methodNotAllowed(response, method, "PATCH", "DELETE");
            }
        } else {
            throw notFound(request);
        }
    }

    /** A grant's flag: absent is false, so that a grant gives only what it names. */
    private static boolean flag(Map<String, Object> body, String field) {
        return Boolean.TRUE.equals(Bodies.bool(body, field, field));
    }

    private void participation(HttpServletRequest request, HttpServletResponse response, String id, String[] path) throws IOException {
        String method = request.getMethod();
        String user = Callers.caller(request);
        if (path.length == 2) {
            switch (method) {
                case "GET", "HEAD" -> {
                    String raw = request.getParameter("status");
                    Optional<ParticipationRequest.Status> status = Optional.empty();
                    if (raw != null) {
                        status = Optional.of(ParticipationRequest.Status.of(raw).orElseThrow(() -> Problem.badParameter("status",
                                "Query parameter 'status' must be one of pending, accepted, declined, not '" + clip(raw) + "'")));
                    }
                    int offset = intParameter(request, "offset", 0, 0, 1_000_000);
                    int limit = intParameter(request, "limit", 20, 1, 100);
                    Page<ParticipationRequest> page = permissions.participationRequests(id, status, user, offset, limit);
                    json(response, 200, Views.page(page, page.items().stream().map(CoproductionViews::participation).toList()));
                }
                case "POST" -> {
                    Map<String, Object> body = readObject(request);
                    Bodies.onlyKnown(body, "", Set.of("message"));
                    ParticipationRequest r = permissions.requestParticipation(id, Bodies.string(body, "message", "message"), user);
                    response.setHeader("Location", "/api/v1/processes/" + id + "/participation-requests/" + r.id());
                    json(response, 201, CoproductionViews.participation(r));
                }
                default -> throw methodNotAllowed(response, method, "GET", "POST");
            }
        } else if (path.length == 4 && (path[3].equals("accept") || path[3].equals("decline"))) {
            if (!"POST".equals(method)) throw methodNotAllowed(response, method, "POST");
            ParticipationRequest r;
            if (path[3].equals("accept")) {
                Map<String, Object> body = readObject(request);
                Bodies.onlyKnown(body, "", Set.of("team"));
                r = permissions.accept(id, path[2], Bodies.string(body, "team", "team"), user);
            } else {
                r = permissions.decline(id, path[2], user);
            }
            json(response, 200, CoproductionViews.participation(r));
        } else {
            throw notFound(request);
        }
    }
}
