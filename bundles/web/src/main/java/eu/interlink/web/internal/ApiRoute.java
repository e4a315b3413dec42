package eu.interlink.web.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Where an endpoint of the API answers. Endpoints are {@link Api} services, not whiteboard servlets:
 * {@link ApiRouter}, the one servlet on {@code /api/v1/*}, dispatches to them by these patterns. One whiteboard
 * registration instead of one per endpoint: Pax Web takes about 23 ms for each at boot, one after the other.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@interface ApiRoute {
    String PREFIX_ = "interlink.api.";

    /** The endpoint's name, as the health names it when it does not serve. */
    String name();

    /** Servlet-specification patterns: exact paths and path prefixes ending in {@code /*}, all under {@code /api/v1/}. */
    String[] pattern();
}
