package eu.interlink.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Marks a {@code javax.servlet.Servlet} component as the pages of an Interlinker: the kernel serves it under
 * {@code /interlinkers/<id>/…}, and routes each request to the servlet of the version that serves the id now,
 * holding requests during a swap exactly as it holds its own calls. Register the servlet with
 * {@code @Component(service = Servlet.class)} and this annotation, and no HTTP Whiteboard pattern:
 *
 * <pre>
 * &#64;Component(service = Servlet.class)
 * &#64;InterlinkerPages("survey")
 * public class SurveyPages extends HttpServlet { … }
 * </pre>
 *
 * In the servlet, {@code getServletPath()} is {@code /interlinkers/<id>} and {@code getPathInfo()} the rest.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface InterlinkerPages {
    /** Prefix of the service property this sets: {@value #PROPERTY}. */
    String PREFIX_ = "interlink.";
    /** The service property the kernel looks for; its value is the Interlinker id. */
    String PROPERTY = "interlink.interlinker.pages";

    /** The id of the Interlinker these pages belong to. */
    String value();
}
