package eu.interlink.interlinker.files;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The file space's page: the files with their versions and download links, rendered on the server (downloads
 * need no script), and a small script that uploads and deletes. Every name is escaped; the script reads what it
 * needs from data- attributes and writes only text.
 */
final class FilesPages {
    static final String STYLE = """
            body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1b1b1b;background:#fff}
            main{max-width:56rem;margin:0 auto;padding:1rem}
            h1{font-size:1.6rem;margin:.2rem 0}
            table{border-collapse:collapse;width:100%;margin:1rem 0}
            th,td{border-bottom:1px solid #ccc;padding:.3rem .4rem;text-align:left;vertical-align:top}
            button{font:inherit;padding:.2rem .6rem;cursor:pointer}
            :focus-visible{outline:3px solid #005fcc;outline-offset:2px}
            #status:empty{display:none}
            #status{padding:.5rem;border-left:4px solid #005fcc;background:#eef4fb}
            .meta{color:#555}
            details ul{margin:.2rem 0;padding-left:1.2rem}
            """;

    static final String SCRIPT = """
            (function () {
              var root = document.getElementById('space'), d = root.dataset, status = document.getElementById('status');
              var form = document.getElementById('upload'), input = document.getElementById('file');
              form.hidden = false;
              function fail(r) {
                return r.json().catch(function () { return {}; }).then(function (p) {
                  status.textContent = d.msgFailed + ' ' + (p.detail || r.status);
                  status.focus();
                });
              }
              form.addEventListener('submit', function (e) {
                e.preventDefault();
                var file = input.files[0];
                if (!file) return;
                status.textContent = d.msgUploading;
                fetch(d.filesUrl + '?name=' + encodeURIComponent(file.name), { method: 'POST', credentials: 'same-origin',
                    headers: { 'Content-Type': file.type || 'application/octet-stream', 'Accept': 'application/json' },
                    body: file }).then(function (r) { if (r.ok) location.reload(); else return fail(r); },
                    function () { status.textContent = d.msgFailed; });
              });
              root.addEventListener('click', function (e) {
                var b = e.target.closest('button[data-delete]');
                if (!b || !window.confirm(d.msgConfirm)) return;
                fetch(b.dataset.delete, { method: 'DELETE', credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
                    .then(function (r) { if (r.ok) location.reload(); else return fail(r); });
              });
            })();
            """;

    static final String POLICY = "default-src 'none'; script-src '" + sha256(SCRIPT) + "'; style-src '" + sha256(STYLE)
            + "'; connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'self'";

    private FilesPages() {
    }

    static String page(String title, List<FileSpace.StoredFile> files, FileSpace.Limits limits, String base, PageTexts t) {
        StringBuilder h = new StringBuilder(4096 + files.size() * 512);
        h.append("<!DOCTYPE html>\n<html lang=\"").append(t.language).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(escape(title + " – " + t.get("files"))).append("</title>\n<style>").append(STYLE)
                .append("</style>\n</head>\n<body>\n");
        String filesUrl = base + "/files";
        h.append("<main id=\"space\" data-files-url=\"").append(escape(filesUrl))
                .append("\" data-msg-uploading=\"").append(escape(t.get("uploading")))
                .append("\" data-msg-failed=\"").append(escape(t.get("failed")))
                .append("\" data-msg-confirm=\"").append(escape(t.get("confirm"))).append("\">\n");
        h.append("<p class=\"meta\">").append(escape(t.get("files"))).append("</p>\n<h1>").append(escape(title)).append("</h1>\n");
        h.append("<p id=\"status\" role=\"status\" aria-live=\"polite\" tabindex=\"-1\"></p>\n");
        h.append("<form id=\"upload\" hidden>\n<label for=\"file\">").append(escape(t.get("chooseFile"))).append("</label>\n")
                .append("<input type=\"file\" id=\"file\" required>\n<button type=\"submit\">").append(escape(t.get("upload")))
                .append("</button>\n<p class=\"meta\">").append(escape(t.format("limits", Map.of("size", size(limits.maxBytes()),
                        "types", String.join(", ", limits.allowedTypes()))))).append(' ').append(escape(t.get("sameName")))
                .append("</p>\n</form>\n<noscript><p>").append(escape(t.get("needsScript"))).append("</p></noscript>\n");
        if (files.isEmpty()) {
            h.append("<p>").append(escape(t.get("noFiles"))).append("</p>\n");
        } else {
            h.append("<table>\n<thead><tr><th scope=\"col\">").append(escape(t.get("name"))).append("</th><th scope=\"col\">")
                    .append(escape(t.get("size"))).append("</th><th scope=\"col\">").append(escape(t.get("type")))
                    .append("</th><th scope=\"col\">").append(escape(t.get("uploadedBy"))).append("</th><th scope=\"col\">")
                    .append(escape(t.get("uploadedAt"))).append("</th><th scope=\"col\">").append(escape(t.get("versions")))
                    .append("</th></tr></thead>\n<tbody>\n");
            for (FileSpace.StoredFile f : files) {
                String fileUrl = filesUrl + "/" + f.id();
                FileSpace.Version latest = f.latest();
                h.append("<tr><td><a href=\"").append(escape(fileUrl)).append("/content\" aria-label=\"")
                        .append(escape(t.format("download", Map.of("name", f.name())))).append("\">").append(escape(f.name()))
                        .append("</a> <button type=\"button\" data-delete=\"").append(escape(fileUrl)).append("\">")
                        .append(escape(t.format("deleteFile", Map.of("name", f.name())))).append("</button></td><td>")
                        .append(escape(size(latest.size()))).append("</td><td>").append(escape(latest.contentType()))
                        .append("</td><td>").append(escape(latest.uploadedBy() == null ? t.get("anonymous") : latest.uploadedBy()))
                        .append("</td><td>").append(escape(latest.uploadedAt())).append("</td><td><details><summary>")
                        .append(f.versions().size()).append("</summary><ul>");
                for (int i = f.versions().size() - 1; i >= 0; i--) {
                    FileSpace.Version v = f.versions().get(i);
                    String versionUrl = fileUrl + "/versions/" + v.number();
                    h.append("<li><a href=\"").append(escape(versionUrl)).append("\">")
                            .append(escape(t.format("version", Map.of("n", v.number())))).append("</a> · ")
                            .append(escape(size(v.size()))).append(" · ").append(escape(v.uploadedAt()))
                            .append(" <button type=\"button\" data-delete=\"").append(escape(versionUrl)).append("\">")
                            .append(escape(t.format("deleteVersion", Map.of("n", v.number())))).append("</button></li>");
                }
                h.append("</ul></details></td></tr>\n");
            }
            h.append("</tbody>\n</table>\n");
        }
        h.append("</main>\n<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return h.toString();
    }

    /** A size for people: bytes, KB, MB or GB (powers of 1024, as file managers show them). */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /** Escapes text for HTML content and double-quoted attributes alike. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String sha256(String inline) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(inline.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
