package eu.interlink.web.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.servlet.Servlet;

import org.osgi.framework.Bundle;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.http.runtime.HttpServiceRuntime;
import org.osgi.service.http.runtime.dto.BaseServletDTO;
import org.osgi.service.http.runtime.dto.FailedServletDTO;
import org.osgi.service.http.runtime.dto.RuntimeDTO;
import org.osgi.service.http.runtime.dto.ServletContextDTO;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;

/**
 * Whether every servlet and filter this bundle declares is deployed by the whiteboard, and every API endpoint is
 * routed by {@link ApiRouter}. They come up one by one, each when its references are satisfied, so one answering
 * endpoint says nothing about the others: the health is only up when all of them serve, and otherwise names the
 * ones still missing.
 */
final class ApiReadiness {
    private ApiReadiness() {
    }

    /** The servlets and filters this bundle declares, by whiteboard name, with their component. */
    static Map<String, ComponentDescriptionDTO> declared(ServiceComponentRuntime scr, Bundle web) {
        Map<String, ComponentDescriptionDTO> declared = new java.util.TreeMap<>();
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs(web)) {
            Object name = d.properties.get(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME);
            if (name != null && Arrays.asList(d.serviceInterfaces).contains(Servlet.class.getName())) {
                declared.put(name.toString(), d);
            }
            // The filters too: without the authentication filter every request would be anonymous.
            Object filter = d.properties.get(HttpWhiteboardConstants.HTTP_WHITEBOARD_FILTER_NAME);
            if (filter != null) declared.put(filter.toString(), d);
        }
        return declared;
    }

    /** The names the whiteboard has deployed, in any context. */
    static Set<String> deployed(RuntimeDTO runtime) {
        Set<String> deployed = new HashSet<>();
        for (ServletContextDTO c : runtime.servletContextDTOs) {
            collect(deployed, c.servletDTOs);
            collect(deployed, c.errorPageDTOs);
            if (c.filterDTOs != null) {
                for (org.osgi.service.http.runtime.dto.FilterDTO f : c.filterDTOs) {
                    if (f.name != null) deployed.add(f.name);
                }
            }
        }
        return deployed;
    }

    /** The API endpoints this bundle declares, by name. */
    static Set<String> endpoints(ServiceComponentRuntime scr, Bundle web) {
        Set<String> names = new TreeSet<>();
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs(web)) {
            Object name = d.properties.get(ApiRouter.NAME_PROPERTY);
            if (name != null) names.add(name.toString());
        }
        return names;
    }

    static Map<String, Object> check(ServiceComponentRuntime scr, HttpServiceRuntime http, Set<String> routed, Bundle web) {
        Set<String> declared = new TreeSet<>(declared(scr, web).keySet());
        declared.addAll(endpoints(scr, web));
        RuntimeDTO runtime = http.getRuntimeDTO();
        Set<String> deployed = deployed(runtime);
        // An endpoint serves when the router routes to it and the router itself is deployed.
        if (deployed.contains(ApiRouter.NAME)) deployed.addAll(routed);
        List<String> missing = new ArrayList<>();
        for (String name : declared) {
            if (!deployed.contains(name)) missing.add(name);
        }
        Map<String, Object> part = new LinkedHashMap<>();
        part.put("status", missing.isEmpty() ? "UP" : "DOWN");
        part.put("servlets", declared.size() - missing.size());
        if (!missing.isEmpty()) {
            part.put("missing", missing);
            List<String> failed = new ArrayList<>();
            for (FailedServletDTO f : runtime.failedServletDTOs) {
                if (declared.contains(f.name)) failed.add(f.name + " (whiteboard failure " + f.failureReason + ")");
            }
            if (!failed.isEmpty()) part.put("failed", failed);
        }
        return part;
    }

    private static void collect(Set<String> names, BaseServletDTO[] servlets) {
        if (servlets == null) return;
        for (BaseServletDTO s : servlets) {
            if (s.name != null) names.add(s.name);
        }
    }
}
