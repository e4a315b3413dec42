package eu.interlink.webapp.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;

import org.junit.Test;

public class WebAppServletTest {

    @Test
    public void thePageAndTheAppFolderOnly() {
        assertEquals("index.html", WebAppServlet.resourcePath("/index.html", null));
        assertEquals("app/app.js", WebAppServlet.resourcePath("/app", "/app.js"));
        assertEquals("app/app.css", WebAppServlet.resourcePath("/app", "/app.css"));
        assertEquals("app/img/logo.svg", WebAppServlet.resourcePath("/app", "/img/logo.svg"));
    }

    @Test
    public void nothingOutsideIt() {
        assertNull(WebAppServlet.resourcePath("/app", null));
        assertNull(WebAppServlet.resourcePath("/app", "/"));
        assertNull(WebAppServlet.resourcePath("/app", "/../index.html"));
        assertNull(WebAppServlet.resourcePath("/app", "/a/b/c.js"));
        assertNull(WebAppServlet.resourcePath("/app", "/.hidden.js"));
        assertNull(WebAppServlet.resourcePath("/app", "/app.js/"));
        assertNull(WebAppServlet.resourcePath("/app", "/%2e%2e/x.js"));
        assertNull(WebAppServlet.resourcePath("/other", "/app.js"));
        assertNull(WebAppServlet.resourcePath("/index.html", "/x"));
    }

    @Test
    public void theBuildPutTheFilesWhereTheServletLooks() {
        // npm run build (generate-resources) writes into target/classes/webapp before the tests run.
        assertNotNull(WebAppServlet.class.getResource("/webapp/index.html"));
        assertNotNull(WebAppServlet.class.getResource("/webapp/app/app.js"));
        assertNotNull(WebAppServlet.class.getResource("/webapp/app/app.css"));
    }
}
