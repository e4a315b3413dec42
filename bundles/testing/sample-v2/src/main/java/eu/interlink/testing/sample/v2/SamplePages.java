package eu.interlink.testing.sample.v2;

import java.io.IOException;
import java.util.Locale;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import eu.interlink.api.AssetAccess;
import eu.interlink.api.AssetNotFoundException;
import eu.interlink.api.InterlinkerPages;

/**
 * Version 0.2.0 of the sample's one page (it reads the data in shape 2), {@code /interlinkers/sample/assets/{id}}: the asset's parameters as JSON, read through
 * the kernel, with the version that served it in a header. Lets the swap tests check that pages switch with
 * their Interlinker and never fail during a swap.
 */
@Component(service = Servlet.class)
@InterlinkerPages("sample")
public final class SamplePages extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient AssetAccess assets;

    @Activate
    public SamplePages(@Reference AssetAccess assets) {
        this.assets = assets;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        if (!path.startsWith("/assets/") || path.length() <= "/assets/".length()) {
            response.sendError(404);
            return;
        }
        String id = path.substring("/assets/".length());
        try {
            String json = assets.withAsset(id, Locale.ENGLISH, null,
                    ctx -> ctx.store().get(Shape2.KEY).map(d -> Shape2.params(d.json())).orElse("{}"));
            response.setHeader("X-Sample-Version", "2");
            response.setContentType("application/json");
            response.getWriter().write(json);
        } catch (AssetNotFoundException e) {
            response.sendError(404);
        }
    }
}
