package eu.interlink.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import eu.interlink.coproduction.ItemStatus;
import eu.interlink.coproduction.KpiService;

/**
 * Key figures, for operators, as JSON or, with {@code ?format=csv} or {@code Accept: text/csv}, as CSV:
 * <ul>
 * <li>{@code GET /api/v1/admin/kpis/processes}: processes by status</li>
 * <li>{@code GET /api/v1/admin/kpis/assets}: assets by Interlinker</li>
 * <li>{@code GET /api/v1/admin/kpis/active-users?from=&to=&period=day|week|month}: accounts that changed something,
 *     per period (default: the last 30 days, by day)</li>
 * </ul>
 */
@Component(service = Api.class)
@ApiRoute(name = "interlink-api-admin-kpis", pattern = "/api/v1/admin/kpis/*")
public class AdminKpisServlet extends Api {
    private static final long serialVersionUID = 1L;

    @Reference
    private transient KpiService kpis;

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        requireGet(request, response);
        String[] path = segments(request);
        if (path.length != 1) throw Problem.notFound("No such figure: " + clip(request.getRequestURI()) + "; there are processes, assets and active-users");
        boolean csv = csv(request);
        List<String> header;
        List<List<Object>> rows = new ArrayList<>();
        Map<String, Object> json = new LinkedHashMap<>();
        switch (path[0]) {
            case "processes" -> {
                header = List.of("status", "processes");
                Map<String, Object> counts = new LinkedHashMap<>();
                for (Map.Entry<ItemStatus, Integer> e : kpis.processesByStatus().entrySet()) {
                    rows.add(List.of(e.getKey().label(), e.getValue()));
                    counts.put(e.getKey().label(), e.getValue());
                }
                json.put("byStatus", counts);
            }
            case "assets" -> {
                header = List.of("interlinker", "assets");
                List<Map<String, Object>> items = new ArrayList<>();
                for (Map.Entry<String, Integer> e : kpis.assetsByInterlinker().entrySet()) {
                    rows.add(List.of(e.getKey(), e.getValue()));
                    items.add(Map.of("interlinker", e.getKey(), "assets", e.getValue()));
                }
                json.put("items", items);
            }
            case "active-users" -> {
                LocalDate to = date(request, "to", LocalDate.now(java.time.ZoneOffset.UTC));
                LocalDate from = date(request, "from", to.minusDays(29));
                if (to.isBefore(from)) throw Problem.badParameter("to", "Query parameter 'to' must not be before 'from'");
                String raw = request.getParameter("period");
                KpiService.Period period = KpiService.Period.DAY;
                if (raw != null) {
                    try {
                        period = KpiService.Period.valueOf(raw.toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException bad) {
                        throw Problem.badParameter("period", "Query parameter 'period' must be day, week or month, not '" + clip(raw) + "'");
                    }
                }
                header = List.of("periodStart", "activeUsers");
                List<Map<String, Object>> items = new ArrayList<>();
                for (KpiService.ActiveUsers a : kpis.activeUsers(from, to, period)) {
                    rows.add(List.of(a.start().toString(), a.users()));
                    items.add(Map.of("periodStart", a.start().toString(), "activeUsers", a.users()));
                }
                json.put("period", period.name().toLowerCase(Locale.ROOT));
                json.put("from", from.toString());
                json.put("to", to.toString());
                json.put("items", items);
            }
            default -> throw Problem.notFound("No such figure: '" + clip(path[0]) + "'; there are processes, assets and active-users");
        }
        if (!csv) {
            json(response, 200, json);
            return;
        }
        StringBuilder out = new StringBuilder(String.join(",", header)).append("\r\n");
        for (List<Object> row : rows) {
            for (int i = 0; i < row.size(); i++) out.append(i == 0 ? "" : ",").append(cell(row.get(i)));
            out.append("\r\n");
        }
        response.setStatus(200);
        response.setContentType("text/csv;charset=utf-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + path[0] + ".csv\"");
        response.getOutputStream().write(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static boolean csv(HttpServletRequest request) {
        String format = request.getParameter("format");
        if (format != null && !format.equals("csv") && !format.equals("json")) {
            throw Problem.badParameter("format", "Query parameter 'format' must be json or csv, not '" + clip(format) + "'");
        }
        if (format != null) return format.equals("csv");
        String accept = request.getHeader("Accept");
        return accept != null && accept.toLowerCase(Locale.ROOT).startsWith("text/csv");
    }

    /** RFC 4180: quoted when it holds a comma, quote or line break; a leading = + - @ is neutralised for spreadsheets. */
    static String cell(Object value) {
        String s = String.valueOf(value);
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !(value instanceof Number)) s = "'" + s;
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) s = "\"" + s.replace("\"", "\"\"") + "\"";
        return s;
    }

    private static LocalDate date(HttpServletRequest request, String name, LocalDate fallback) {
        String raw = request.getParameter(name);
        if (raw == null) return fallback;
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException bad) {
            throw Problem.badParameter(name, "Query parameter '" + name + "' must be a date such as 2026-11-27, not '" + clip(raw) + "'");
        }
    }
}
