package eu.interlink.web.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import eu.interlink.branding.Branding;
import eu.interlink.branding.BrandingService;
import eu.interlink.branding.Logo;
import eu.interlink.coproduction.Language;

/**
 * {@code GET /api/v1/branding}: how the platform presents itself (name, logo, colours, languages, defaults), and
 * {@code GET /api/v1/branding/logo}: the logo. Both follow {@code etc/eu.interlink.branding.cfg} at once, so they
 * are never cached without a check.
 */
@Component(service = Api.class)
@ApiRoute(name = "interlink-api-branding", pattern = {"/api/v1/branding", "/api/v1/branding/*"})
public class BrandingServlet extends Api {
    private static final long serialVersionUID = 1L;
    static final String LOGO_PATH = "/api/v1/branding/logo";

    @Reference
    private transient BrandingService branding;

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] path = segments(request);
        boolean logo = path.length == 1 && path[0].equals("logo");
        if (path.length > 0 && !logo) throw Problem.notFound("There is no " + clip(request.getRequestURI()) + "; see /api/v1/branding");
        requireGet(request, response);
        Branding b = branding.current();
        response.setHeader("Cache-Control", "no-cache");
        if (logo) {
            logo(request, response, b.logo());
        } else {
            json(response, 200, view(b));
        }
    }

    static Map<String, Object> view(Branding b) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", b.name());
        body.put("logo", LOGO_PATH);
        body.put("logoType", b.logo().contentType());
        body.put("colours", Map.of("primary", b.primaryColour(), "secondary", b.secondaryColour()));
        body.put("languages", b.languages().stream().map(Language::code).toList());
        body.put("defaultLanguage", b.defaultLanguage().code());
        body.put("defaultSchema", b.defaultSchema());
        return body;
    }

    private static void logo(HttpServletRequest request, HttpServletResponse response, Logo logo) throws IOException {
        response.setHeader("ETag", logo.etag());
        if (logo.etag().equals(request.getHeader("If-None-Match"))) {
            response.setStatus(304);
            return;
        }
        response.setStatus(200);
        response.setContentType(logo.contentType());
        response.setContentLength(logo.size());
        // nosniff, like every answer: SecurityHeadersFilter.
        // An SVG may carry scripts: opened on its own, it must not run any.
        response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
        response.setHeader("Content-Disposition", "inline; filename=\"" + logo.fileName().replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
        if (!"HEAD".equals(request.getMethod())) response.getOutputStream().write(logo.bytes());
    }
}
