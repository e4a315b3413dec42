package eu.interlink.web.internal;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import eu.interlink.api.InterlinkerPages;
import eu.interlink.api.StaleDocumentException;
import eu.interlink.kernel.service.InterlinkerGate;

/**
 * {@code /interlinkers/<id>/…}: each request goes to the pages ({@link InterlinkerPages}) of the version that
 * serves the id now, through the kernel's gate. So an upgrade switches pages and data in the same step, a swap
 * holds page requests instead of failing them, and a page never sees data in the shape of another version.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("interlink-pages")
@HttpWhiteboardServletPattern("/interlinkers/*")
public class PagesServlet extends Api {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PagesServlet.class);
    /** How long a request waits for the pages of the serving version to register (they come with their bundle). */
    private static final long PAGES_WAIT_MS = 5_000;

    @Reference
    private transient InterlinkerGate gate;

    /** The registered pages, by bundle and Interlinker id. */
    private final transient Map<String, Page> pages = new ConcurrentHashMap<>();

    /** One Interlinker's servlet, initialised on first use with this servlet's context. */
    private final class Page {
        final Servlet servlet;
        final String id;
        private boolean initialised;

        Page(Servlet servlet, String id) {
            this.servlet = servlet;
            this.id = id;
        }

        synchronized Servlet ready() throws ServletException {
            if (!initialised) {
                servlet.init(RoutedRequest.config("interlink-pages-" + id, PagesServlet.this));
                initialised = true;
            }
            return servlet;
        }

        synchronized void destroy() {
            if (initialised) {
                try {
                    servlet.destroy();
                } catch (RuntimeException e) {
                    LOG.warn("The pages of Interlinker '{}' failed to stop", id, e);
                }
            }
        }
    }

    private static String key(long bundleId, String id) {
        return bundleId + "/" + id;
    }

    @Reference(service = Servlet.class, target = "(" + InterlinkerPages.PROPERTY + "=*)",
            cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPages(Servlet servlet, ServiceReference<Servlet> reference) {
        String id = String.valueOf(reference.getProperty(InterlinkerPages.PROPERTY));
        pages.put(key(reference.getBundle().getBundleId(), id), new Page(servlet, id));
        synchronized (pages) {
            pages.notifyAll();
        }
    }

    void removePages(ServiceReference<Servlet> reference) {
        Object bundle = reference.getProperty(Constants.SERVICE_BUNDLEID);
        Page gone = pages.remove(key(bundle instanceof Long l ? l : reference.getBundle().getBundleId(),
                String.valueOf(reference.getProperty(InterlinkerPages.PROPERTY))));
        if (gone != null) gone.destroy();
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        int slash = path.indexOf('/', 1);
        String id = slash < 0 ? path.substring(Math.min(1, path.length())) : path.substring(1, slash);
        String rest = slash < 0 ? "" : path.substring(slash);
        if (id.isEmpty()) throw notFound(request);
        try (InterlinkerGate.Lease lease = gate.enter(id)) {
            Page page = awaitPage(key(lease.bundleId(), id));
            if (page == null) throw Problem.notFound("Interlinker '" + clip(id) + "' " + lease.version() + " has no pages");
            page.ready().service(new RoutedRequest(request, "/interlinkers/" + id, rest.isEmpty() ? null : rest), response);
        } catch (StaleDocumentException lost) {
            // A page that let a lost optimistic write escape: the user's change met someone else's, which the
            // user can retry; the same answer as when a kernel call of the Interlinker loses one.
            throw new Problem(409, "stale-document", "Changed by someone else",
                    "Someone else changed this at the same moment; reload and try again");
        } catch (ServletException e) {
            throw new IllegalStateException("The pages of Interlinker '" + id + "' failed", e);
        }
    }

    private Page awaitPage(String key) {
        long until = System.currentTimeMillis() + PAGES_WAIT_MS;
        Page page;
        while ((page = pages.get(key)) == null && System.currentTimeMillis() < until) {
            synchronized (pages) {
                try {
                    pages.wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
        }
        return page;
    }
}
