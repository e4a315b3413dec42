package eu.interlink.web.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import eu.interlink.kernel.service.HealthCheck;
import eu.interlink.kernel.service.InterlinkerMetrics;
import eu.interlink.kernel.service.InterlinkerStatus;

/**
 * {@code GET /metrics}: per-Interlinker call counts, errors and latency quantiles in the Prometheus text
 * exposition format (version 0.0.4), for any Prometheus-compatible scraper.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("interlink-metrics")
@HttpWhiteboardServletPattern("/metrics")
public class MetricsServlet extends Api {
    private static final long serialVersionUID = 1L;

    @Reference
    private transient HealthCheck health;

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        requireGet(request, response);
        List<InterlinkerMetrics> all = health.metrics();
        response.setStatus(200);
        response.setContentType("text/plain; version=0.0.4; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        PrintWriter out = response.getWriter();
        out.println("# HELP interlink_interlinker_calls_total Calls from the kernel into an Interlinker, by outcome.");
        out.println("# TYPE interlink_interlinker_calls_total counter");
        for (InterlinkerMetrics m : all) {
            String id = label(m.id());
            out.printf(Locale.ROOT, "interlink_interlinker_calls_total{interlinker=\"%s\",outcome=\"ok\"} %d%n", id, m.calls() - m.failures());
            out.printf(Locale.ROOT, "interlink_interlinker_calls_total{interlinker=\"%s\",outcome=\"error\"} %d%n", id, m.failures() - m.timeouts());
            out.printf(Locale.ROOT, "interlink_interlinker_calls_total{interlinker=\"%s\",outcome=\"timeout\"} %d%n", id, m.timeouts());
            out.printf(Locale.ROOT, "interlink_interlinker_calls_total{interlinker=\"%s\",outcome=\"refused\"} %d%n", id, m.refused());
        }
        out.println("# HELP interlink_interlinker_call_seconds Duration of the last 1024 calls into an Interlinker.");
        out.println("# TYPE interlink_interlinker_call_seconds summary");
        for (InterlinkerMetrics m : all) {
            String id = label(m.id());
            out.printf(Locale.ROOT, "interlink_interlinker_call_seconds{interlinker=\"%s\",quantile=\"0.5\"} %.6f%n", id, m.p50());
            out.printf(Locale.ROOT, "interlink_interlinker_call_seconds{interlinker=\"%s\",quantile=\"0.95\"} %.6f%n", id, m.p95());
            out.printf(Locale.ROOT, "interlink_interlinker_call_seconds{interlinker=\"%s\",quantile=\"0.99\"} %.6f%n", id, m.p99());
            out.printf(Locale.ROOT, "interlink_interlinker_call_seconds_count{interlinker=\"%s\"} %d%n", id, m.calls());
        }
        out.println("# HELP interlink_interlinker_status Whether an Interlinker is in each status (1) or not (0).");
        out.println("# TYPE interlink_interlinker_status gauge");
        for (InterlinkerMetrics m : all) {
            for (InterlinkerStatus s : InterlinkerStatus.values()) {
                out.printf(Locale.ROOT, "interlink_interlinker_status{interlinker=\"%s\",status=\"%s\"} %d%n", label(m.id()), s.label(), m.status() == s ? 1 : 0);
            }
        }
        out.flush();
    }

    /** Escapes a label value as the format requires. */
    static String label(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
