package eu.interlink.web.internal;

import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import eu.interlink.api.Nature;
import eu.interlink.coproduction.CatalogueEntry;
import eu.interlink.coproduction.CatalogueFacet;
import eu.interlink.coproduction.CatalogueFile;
import eu.interlink.coproduction.CatalogueQuery;
import eu.interlink.coproduction.CatalogueResult;
import eu.interlink.coproduction.CatalogueService;
import eu.interlink.coproduction.Codes;
import eu.interlink.coproduction.EntryDraft;
import eu.interlink.coproduction.Language;
import eu.interlink.coproduction.Rating;
import eu.interlink.coproduction.Translated;
import eu.interlink.kernel.service.InterlinkerRegistry;
import eu.interlink.kernel.service.Page;

/**
 * The catalogue: {@code GET /api/v1/interlinkers} (search, filters, facets, paging), {@code POST} of an external
 * entry; {@code GET|PUT|DELETE /api/v1/interlinkers/{id}} (changes by operators only); and per entry {@code /related}, {@code /ratings}
 * (GET, POST), {@code /logo}, {@code /snapshots/{n}}, {@code /instructions}, {@code /resource}.
 */
@Component(service = Api.class)
@ApiRoute(name = "interlink-api-interlinkers", pattern = {"/api/v1/interlinkers", "/api/v1/interlinkers/*"})
public class InterlinkersServlet extends Api {
    private static final long serialVersionUID = 1L;
    /** Part of every ETag, so that a tag from before a restart (whose revisions start again) never matches. */
    private static final String BOOT = Long.toHexString(UUID.randomUUID().getMostSignificantBits() & 0xffffffL);
    static final int MAX_Q = 200;
    static final int MAX_FILTER_VALUES = 20;

    @Reference
    private transient CatalogueService catalogue;

    @Reference
    private transient InterlinkerRegistry registry;

    private final transient Answers answers = new Answers();

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        String[] path = segments(request);
        boolean get = "GET".equals(method) || "HEAD".equals(method);
        if (path.length == 0) {
            if (get) search(request, response, language(request, response));
            else if ("POST".equals(method)) {
                Callers.requireOperator(request);
                create(request, response);
            } else throw methodNotAllowed(response, method, "GET", "POST");
            return;
        }
        String id = path[0];
        if (id.isEmpty()) throw notFound(request);
        if (path.length == 1) {
            switch (method) {
                case "GET", "HEAD" -> {
                    Language language = language(request, response);
                    CatalogueEntry e = require(id);
                    json(response, 200, CatalogueViews.detail(e, language, e.registration().isPresent() ? registry.versions(id) : List.of()));
                }
                case "PUT" -> {
                    Callers.requireOperator(request);
                    Language language = language(request, response);
                    json(response, 200, CatalogueViews.detail(catalogue.update(id, draft(readObject(request), id)), language, List.of()));
                }
                case "DELETE" -> {
                    Callers.requireOperator(request);
                    catalogue.delete(id);
                    response.setStatus(204);
                }
                default -> throw methodNotAllowed(response, method, "GET", "PUT", "DELETE");
            }
            return;
        }
        String part = path[1];
        if (path.length == 2 && part.equals("ratings")) {
            if (get) ratings(request, response, id);
            else if ("POST".equals(method)) rate(request, response, id);
            else throw methodNotAllowed(response, method, "GET", "POST");
            return;
        }
        boolean known = path.length == 2 && List.of("related", "logo", "instructions", "resource").contains(part)
                || path.length == 3 && part.equals("snapshots");
        if (!known) throw notFound(request);
        requireGet(request, response);
        Language language = language(request, response);
        switch (part) {
            case "related" -> {
                int limit = intParameter(request, "limit", 10, 1, CatalogueQuery.MAX_LIMIT);
                List<Map<String, Object>> items = catalogue.related(id, language, limit).stream().map(e -> CatalogueViews.entry(e, language)).toList();
                json(response, 200, Map.of("items", items));
            }
            case "logo" -> file(response, catalogue.logo(require(id).id()), "Interlinker '" + clip(id) + "' has no logo", false);
            case "snapshots" -> {
                int n;
                try {
                    n = Integer.parseInt(path[2]);
                } catch (NumberFormatException e) {
                    throw notFound(request);
                }
                file(response, catalogue.snapshot(require(id).id(), n), "Interlinker '" + clip(id) + "' has no snapshot " + clip(path[2]), false);
            }
            case "resource" -> file(response, catalogue.resource(require(id).id(), language),
                    "Interlinker '" + clip(id) + "' has no resource file", true);
            case "instructions" -> {
                Translated instructions = require(id).instructions();
                String text = instructions.in(language)
                        .orElseThrow(() -> Problem.notFound("Interlinker '" + clip(id) + "' has no instructions"));
                response.setHeader("Content-Language", CatalogueViews.languageOf(instructions, language));
                byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                response.setStatus(200);
                response.setContentType("text/markdown; charset=UTF-8");
                response.setContentLength(bytes.length);
                response.getOutputStream().write(bytes);
            }
            default -> throw notFound(request);
        }
    }

    private CatalogueEntry require(String id) {
        return catalogue.find(id).orElseThrow(() -> Problem.notFound("There is no Interlinker '" + clip(id) + "'"));
    }

    /** Files are the catalogue's, not the client's: served as they are, never as a page that could run scripts. */
    private static void file(HttpServletResponse response, Optional<CatalogueFile> file, String missing, boolean download) throws IOException {
        CatalogueFile f = file.orElseThrow(() -> Problem.notFound(missing));
        response.setStatus(200);
        response.setContentType(f.contentType());
        response.setContentLength(f.content().length);
        // nosniff, like every answer: SecurityHeadersFilter.
        response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
        String safeName = f.name().replaceAll("[^A-Za-z0-9._-]", "_");
        response.setHeader("Content-Disposition", (download ? "attachment" : "inline") + "; filename=\"" + safeName + "\"");
        response.getOutputStream().write(f.content());
    }

    // ---- search -------------------------------------------------------------------------------------------

    private void search(HttpServletRequest request, HttpServletResponse response, Language language) throws IOException {
        String q = request.getParameter("q");
        if (q != null && q.length() > MAX_Q) throw Problem.badParameter("q", "Query parameter 'q' must be at most " + MAX_Q + " characters");
        Map<CatalogueFacet, Set<String>> filters = new EnumMap<>(CatalogueFacet.class);
        for (CatalogueFacet f : CatalogueFacet.values()) {
            Set<String> values = values(request, f.parameter());
            if (values.isEmpty()) continue;
            filters.put(f, check(f, values));
        }
        double minRating = 0;
        String rawRating = request.getParameter("minRating");
        if (rawRating != null) {
            try {
                minRating = Double.parseDouble(rawRating.trim());
            } catch (NumberFormatException e) {
                minRating = -1;
            }
            if (!(minRating >= 1 && minRating <= 5)) {
                throw Problem.badParameter("minRating", "Query parameter 'minRating' must be a number from 1 to 5, not '" + clip(rawRating) + "'");
            }
        }
        int offset = intParameter(request, "offset", 0, 0, 1_000_000);
        int limit = intParameter(request, "limit", 20, 1, CatalogueQuery.MAX_LIMIT);
        CatalogueQuery query = new CatalogueQuery(Optional.ofNullable(q), language, filters, minRating, offset, limit);

        // The catalogue changes rarely and is read often: an answer is made once per catalogue revision.
        long revision = catalogue.revision();
        String key = language.code() + '|' + query.text().orElse("") + '|' + new java.util.TreeMap<>(query.filters()) + '|' + minRating + '|' + offset + '|' + limit;
        String etag = "\"" + BOOT + '-' + revision + '-' + Integer.toHexString(key.hashCode()) + '"';
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", "no-cache");
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(304);
            return;
        }
        byte[] body = answers.get(revision, key);
        if (body == null) {
            CatalogueResult result = catalogue.search(query);
            Page<CatalogueEntry> page = result.page();
            Map<String, Object> out = Views.page(page, page.items().stream().map(e -> CatalogueViews.entry(e, language)).toList());
            out.put("facets", CatalogueViews.facets(result.facets()));
            body = JSON.writeValueAsBytes(out);
            answers.put(revision, key, body);
        }
        response.setStatus(200);
        response.setContentType(JSON_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** A filter's values: the parameter may repeat, and each may hold several values separated by commas. */
    static Set<String> values(HttpServletRequest request, String name) {
        String[] raw = request.getParameterValues(name);
        Set<String> out = new LinkedHashSet<>();
        if (raw == null) return out;
        for (String r : raw) {
            for (String v : r.split(",")) {
                if (!v.isBlank()) out.add(v.strip());
            }
        }
        if (out.size() > MAX_FILTER_VALUES) {
            throw Problem.badParameter(name, "Query parameter '" + name + "' may have at most " + MAX_FILTER_VALUES + " values");
        }
        return out;
    }

    /** Values of closed vocabularies must be known: a typo is a 400, not an empty result. */
    private static Set<String> check(CatalogueFacet f, Set<String> values) {
        Set<String> vocabulary = switch (f) {
            case DIFFICULTY -> Codes.DIFFICULTIES;
            case LICENCE -> Codes.LICENCES;
            case ADMINISTRATIVE_SCOPE -> Codes.ADMINISTRATIVE_SCOPES;
            case FORM -> Codes.FORMS;
            case FORMAT -> Codes.FORMATS;
            case LANGUAGE -> Set.copyOf(Language.codes());
            default -> null;
        };
        if (f == CatalogueFacet.NATURE) {
            Set<String> labels = new LinkedHashSet<>();
            for (String v : values) {
                Nature n = Codes.nature(v).orElseThrow(() -> Problem.badParameter("nature",
                        "Query parameter 'nature' must be one of software, knowledge, external-software, external-knowledge; not '" + clip(v) + "'"));
                labels.add(Codes.label(n));
            }
            return labels;
        }
        if (vocabulary != null) {
            for (String v : values) {
                if (!vocabulary.contains(v)) {
                    throw Problem.badParameter(f.parameter(), "Query parameter '" + f.parameter() + "' must be one of "
                            + String.join(", ", Codes.sorted(vocabulary)) + "; not '" + clip(v) + "'");
                }
            }
        }
        for (String v : values) {
            if (v.length() > 200) throw Problem.badParameter(f.parameter(), "Each value of '" + f.parameter() + "' may have at most 200 characters");
        }
        return values;
    }

    // ---- external entries ---------------------------------------------------------------------------------

    private void create(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Language language = language(request, response);
        CatalogueEntry created = catalogue.create(draft(readObject(request), null));
        response.setHeader("Location", CatalogueViews.BASE + created.id());
        json(response, 201, CatalogueViews.detail(created, language, List.of()));
    }

    /** The body of a POST or PUT as a draft; a value of the wrong JSON type is a 400 naming its field. */
    static EntryDraft draft(Map<String, Object> body, String pathId) {
        for (String field : body.keySet()) {
            if (!DRAFT_FIELDS.contains(field)) {
                throw field(field, "Unknown field '" + clip(field) + "'; an external entry has " + String.join(", ", DRAFT_FIELDS));
            }
        }
        String id = string(body, "id");
        if (pathId == null && id == null) throw field("id", "Field 'id' is required");
        String natureText = string(body, "nature");
        if (natureText == null) throw field("nature", "Field 'nature' is required: external-software or external-knowledge");
        Nature nature = Codes.nature(natureText).orElseThrow(() -> field("nature",
                "Field 'nature' must be external-software or external-knowledge, not '" + clip(natureText) + "'"));
        Object sustainability = body.get("sustainability");
        if (sustainability != null && !(sustainability instanceof Boolean)) throw field("sustainability", "Field 'sustainability' must be true or false");
        return new EntryDraft(id, nature, texts(body, "name"), texts(body, "description"), texts(body, "instructions"),
                texts(body, "constraints"), texts(body, "regulations"), texts(body, "uri"), tags(body), list(body, "problemProfiles"),
                string(body, "difficulty"), string(body, "licence"), list(body, "targets"), list(body, "types"),
                list(body, "administrativeScopes"), string(body, "form"), string(body, "format"), list(body, "languages"),
                Boolean.TRUE.equals(sustainability));
    }

    static final List<String> DRAFT_FIELDS = List.of("id", "nature", "name", "description", "instructions", "constraints", "regulations", "uri",
            "tags", "problemProfiles", "difficulty", "licence", "targets", "types", "administrativeScopes", "form", "format", "languages",
            "sustainability");

    private static Problem field(String name, String detail) {
        return new Problem(400, "invalid-field", "Invalid field", detail).with("field", name);
    }

    private static String string(Map<String, Object> body, String name) {
        Object v = body.get(name);
        if (v == null) return null;
        if (!(v instanceof String s)) throw field(name, "Field '" + name + "' must be a string");
        return s.strip().isEmpty() ? null : s.strip();
    }

    private static List<String> list(Map<String, Object> body, String name) {
        Object v = body.get(name);
        if (v == null) return List.of();
        if (!(v instanceof List<?> l)) throw field(name, "Field '" + name + "' must be an array of strings");
        List<String> out = new ArrayList<>();
        for (Object o : l) {
            if (!(o instanceof String s)) throw field(name, "Field '" + name + "' must be an array of strings");
            out.add(s);
        }
        return out;
    }

    /** A translated text: an object of language code to text, in the platform's languages only. */
    private static Translated texts(Map<String, Object> body, String name) {
        Object v = body.get(name);
        if (v == null) return Translated.EMPTY;
        if (!(v instanceof Map<?, ?> m)) throw field(name, "Field '" + name + "' must be an object of language code to text, such as {\"en\": \"…\"}");
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String lang = String.valueOf(e.getKey());
            if (!Language.codes().contains(lang)) {
                throw field(name, "Field '" + name + "' has language '" + clip(lang) + "': use " + String.join(", ", Language.codes()));
            }
            if (e.getValue() != null && !(e.getValue() instanceof String)) throw field(name, "Field '" + name + "' in '" + lang + "' must be a string");
            if (e.getValue() != null) values.put(lang, (String) e.getValue());
        }
        return new Translated(values);
    }

    private static Map<String, List<String>> tags(Map<String, Object> body) {
        Object v = body.get("tags");
        if (v == null) return Map.of();
        if (!(v instanceof Map<?, ?> m)) throw field("tags", "Field 'tags' must be an object of language code to an array of tags");
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String lang = String.valueOf(e.getKey());
            if (!(e.getValue() instanceof List<?> l) || l.stream().anyMatch(t -> !(t instanceof String))) {
                throw field("tags", "Field 'tags' in '" + clip(lang) + "' must be an array of strings");
            }
            out.put(lang, l.stream().map(String.class::cast).toList());
        }
        return out;
    }

    // ---- ratings ------------------------------------------------------------------------------------------

    private void ratings(HttpServletRequest request, HttpServletResponse response, String id) throws IOException {
        int offset = intParameter(request, "offset", 0, 0, 1_000_000);
        int limit = intParameter(request, "limit", 20, 1, CatalogueQuery.MAX_LIMIT);
        CatalogueEntry e = require(id);
        Page<Rating> page = catalogue.ratings(id, offset, limit);
        Map<String, Object> out = Views.page(page, page.items().stream().map(CatalogueViews::rating).toList());
        out.put("average", e.ratingAverage().map(a -> Math.round(a * 100) / 100.0).orElse(null));
        out.put("count", e.ratingCount());
        json(response, 200, out);
    }

    /** {"value": 1-5, "text": "…"}, by the signed-in caller (401 otherwise): one rating per account. */
    private void rate(HttpServletRequest request, HttpServletResponse response, String id) throws IOException {
        String user = Callers.requireSignedIn(request).account().name();
        Map<String, Object> body = readObject(request);
        for (String field : body.keySet()) {
            if (!List.of("value", "text").contains(field)) throw field(field, "Unknown field '" + clip(field) + "'; a rating has value and text");
        }
        Object value = body.get("value");
        if (!(value instanceof Integer v)) throw field("value", "Field 'value' must be an integer from 1 to 5");
        Object text = body.get("text");
        if (text != null && !(text instanceof String)) throw field("text", "Field 'text' must be a string");
        Rating saved = catalogue.rate(id, user, v, (String) text);
        CatalogueEntry e = require(id);
        Map<String, Object> out = CatalogueViews.rating(saved);
        out.put("average", e.ratingAverage().map(a -> Math.round(a * 100) / 100.0).orElse(null));
        out.put("count", e.ratingCount());
        json(response, saved.replaced() ? 200 : 201, out);
    }

    /** The last answers made, for one revision at a time; a new revision empties it. */
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
