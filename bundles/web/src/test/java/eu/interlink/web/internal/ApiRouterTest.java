package eu.interlink.web.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.util.List;

import org.junit.Test;

/** The router chooses endpoints as the servlet specification chooses servlets, and shows them the same paths. */
public class ApiRouterTest {
    private static ApiRouter.Endpoint endpoint(String name, long serviceId, String... patterns) {
        return new ApiRouter.Endpoint(name, patterns, serviceId, null);
    }

    private final ApiRouter.Endpoint interlinkers = endpoint("interlinkers", 1, "/api/v1/interlinkers", "/api/v1/interlinkers/*");
    private final ApiRouter.Endpoint me = endpoint("me", 2, "/api/v1/me/*");
    private final ApiRouter.Endpoint notifications = endpoint("notifications", 3, "/api/v1/me/notifications", "/api/v1/me/notifications/*");
    private final ApiRouter.Endpoint stream = endpoint("stream", 4, "/api/v1/me/notifications/stream");
    private final ApiRouter.Routes routes = ApiRouter.Routes.of(List.of(interlinkers, me, notifications, stream));

    private void assertMatch(String path, ApiRouter.Endpoint endpoint, String servletPath, String pathInfo) {
        ApiRouter.Match m = routes.match(path);
        assertEquals(path, endpoint.name(), m.endpoint().name());
        assertEquals(path, servletPath, m.servletPath());
        assertEquals(path, pathInfo, m.pathInfo());
    }

    @Test
    public void anExactPatternWinsOverAnyPrefix() {
        assertMatch("/api/v1/interlinkers", interlinkers, "/api/v1/interlinkers", null);
        assertMatch("/api/v1/me/notifications/stream", stream, "/api/v1/me/notifications/stream", null);
    }

    @Test
    public void theLongestPrefixWinsAndTheRestIsThePathInfo() {
        assertMatch("/api/v1/interlinkers/survey/ratings", interlinkers, "/api/v1/interlinkers", "/survey/ratings");
        assertMatch("/api/v1/interlinkers/", interlinkers, "/api/v1/interlinkers", "/");
        assertMatch("/api/v1/me/notifications/42/read", notifications, "/api/v1/me/notifications", "/42/read");
        assertMatch("/api/v1/me/notifications/stream/more", notifications, "/api/v1/me/notifications", "/stream/more");
        assertMatch("/api/v1/me/profile", me, "/api/v1/me", "/profile");
        // "/x/*" also matches "/x" itself, with no path info.
        assertMatch("/api/v1/me", me, "/api/v1/me", null);
    }

    @Test
    public void aPrefixMatchesWholeSegmentsOnly() {
        assertNull(routes.match("/api/v1/interlinkersX"));
        assertNull(routes.match("/api/v1/mex/profile"));
        assertNull(routes.match("/api/v1"));
        assertNull(routes.match("/api/v1/"));
    }

    @Test
    public void theFirstEndpointKeepsAPatternTwoClaim() {
        ApiRouter.Endpoint later = endpoint("later", 9, "/api/v1/interlinkers/*");
        ApiRouter.Routes both = ApiRouter.Routes.of(List.of(interlinkers, later));
        assertEquals("interlinkers", both.match("/api/v1/interlinkers/x").endpoint().name());
    }
}
