package eu.interlink.contributions.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;

import eu.interlink.contributions.Certificate;
import eu.interlink.contributions.CertificateRenderer;
import eu.interlink.contributions.Claim;
import eu.interlink.contributions.ContributionKind;

/**
 * Certificates in print. HTML: one self-contained page: no script (the platform's default policy allows none), inline
 * styles, and print rules (A4, no link colours, rows never split) so that the browser's "print to PDF" gives a clean document.
 */
@Component(service = CertificateRenderer.class)
public class CertificateComponent implements CertificateRenderer {

    private static final String STYLE = """
            body{font-family:Georgia,'DejaVu Serif',serif;color:#1d1d1f;max-width:50rem;margin:2rem auto;padding:0 1.5rem;line-height:1.45}
            header{border-bottom:3px double #1d1d1f;margin-bottom:1.5rem}
            h1{font-size:1.9rem;margin:0 0 .4rem}
            h2{font-size:1.15rem;margin:1.6rem 0 .5rem}
            table{border-collapse:collapse;width:100%}
            th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #c7c7cc;vertical-align:top}
            td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
            tr.total td{font-weight:bold;border-top:2px solid #1d1d1f}
            footer{margin-top:2rem;font-size:.9rem;color:#555}
            @page{size:A4;margin:18mm}
            @media print{body{margin:0;max-width:none}a{color:inherit;text-decoration:none}tr{break-inside:avoid}}
            """;


    @Override
    public String html(Certificate c, String language) {
        String lang = Labels.language(language);
        Locale locale = Locale.forLanguageTag(lang);
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        StringBuilder h = new StringBuilder(4096);
        h.append("<!DOCTYPE html>\n<html lang=\"").append(lang).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(esc(w(lang, "title") + " · " + c.user() + " · " + c.processName())).append("</title>\n<style>").append(STYLE)
                .append("</style>\n</head>\n<body>\n<header>\n<h1>").append(esc(w(lang, "title"))).append("</h1>\n<p class=\"intro\">")
                .append(w(lang, "intro").replace("{user}", "<strong class=\"user\">" + esc(c.user()) + "</strong>")
                        .replace("{process}", "<strong class=\"process\">" + esc(c.processName()) + "</strong>"))
                .append("</p>\n</header>\n");
        h.append("<p>").append(esc(w(lang, "period"))).append(": ").append(esc(range(c.processStart(), c.processEnd(), dates))).append("<br>")
                .append(esc(w(lang, "contributed"))).append(": ").append(esc(range(c.from(), c.to(), dates))).append("</p>\n");

        h.append("<h2>").append(esc(w(lang, "points"))).append("</h2>\n<table class=\"points\">\n");
        for (ContributionKind k : ContributionKind.values()) {
            h.append("<tr data-kind=\"").append(k.label()).append("\"><td>").append(esc(w(lang, k.label()))).append("</td><td class=\"n\">")
                    .append(c.points().getOrDefault(k, 0)).append("</td></tr>\n");
        }
        h.append("<tr class=\"total\"><td>").append(esc(w(lang, "total"))).append("</td><td class=\"n\" id=\"total\">").append(c.total())
                .append("</td></tr>\n</table>\n");

        h.append("<h2>").append(esc(w(lang, "contributed"))).append("</h2>\n");
        if (c.items().isEmpty()) {
            h.append("<p>").append(esc(w(lang, "none"))).append("</p>\n");
        } else {
            h.append("<table class=\"items\">\n<thead><tr><th>").append(esc(w(lang, "task"))).append("</th><th>").append(esc(w(lang, "what")))
                    .append("</th><th>").append(esc(w(lang, "kind"))).append("</th><th class=\"n\">").append(esc(w(lang, "points").split(" ")[0]))
                    .append("</th><th>").append(esc(w(lang, "approved"))).append("</th></tr></thead>\n<tbody>\n");
            for (Certificate.Item item : c.items()) {
                Claim claim = item.claim();
                h.append("<tr><td>").append(esc(name(item.taskName(), lang))).append("</td><td>").append(esc(claim.description())).append("</td><td>")
                        .append(esc(w(lang, claim.kind().label()))).append("</td><td class=\"n\">").append(claim.points()).append("</td><td>")
                        .append(esc(claim.decidedAt().map(t -> dates.format(t.atZone(ZoneOffset.UTC).toLocalDate())).orElse(""))).append("</td></tr>\n");
            }
            h.append("</tbody>\n</table>\n");
        }
        h.append("<footer>").append(esc(w(lang, "issued"))).append(" ").append(esc(dates.format(c.issuedAt().atZone(ZoneOffset.UTC).toLocalDate())))
                .append(" · ").append(esc(w(lang, "process"))).append(" ").append(esc(c.processId()))
                .append("</footer>\n</body>\n</html>\n");
        return h.toString();
    }

    private static String w(String lang, String key) {
        return Labels.word(lang, key);
    }

    static String name(Map<String, String> names, String lang) {
        String n = names.get(lang);
        if (n == null || n.isBlank()) n = names.get("en");
        if (n == null || n.isBlank()) n = names.values().stream().findFirst().orElse("");
        return n;
    }

    static String range(Optional<LocalDate> from, Optional<LocalDate> to, DateTimeFormatter f) {
        if (from.isEmpty() && to.isEmpty()) return "–";
        return from.map(f::format).orElse("…") + " – " + to.map(f::format).orElse("…");
    }

    static String esc(String s) {
        if (s == null) return "";
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
