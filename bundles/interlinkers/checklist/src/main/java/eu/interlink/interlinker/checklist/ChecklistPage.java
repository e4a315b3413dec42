package eu.interlink.interlinker.checklist;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The checklist's HTML: the asset page (read and edit) and a small read-only preview. Self-contained (no file,
 * font or script from elsewhere) so that it works inside any shell the platform embeds it in. The page is
 * rendered complete on the server, so it reads without JavaScript; a few lines of script send the changes to the
 * JSON endpoints.
 */
final class ChecklistPage {
    /** How many items a preview lists before "and N more". */
    static final int PREVIEW_ITEMS = 5;

    static final String STYLE = """
            body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1b1b1b;background:#fff}
            main{max-width:42rem;margin:0 auto;padding:1rem}
            h1{font-size:1.6rem;margin:.2rem 0}
            h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
            ul{list-style:none;padding:0}
            li{display:flex;align-items:center;gap:.5rem;padding:.35rem 0;border-bottom:1px solid #ddd}
            li label{flex:1}
            li.done label{text-decoration:line-through;color:#555}
            .assignee{color:#555;font-size:.9em}
            input[type=checkbox]{width:1.25rem;height:1.25rem}
            input[type=text]{font:inherit;padding:.3rem;width:100%;box-sizing:border-box;border:1px solid #767676}
            form div{margin:.5rem 0}
            button{font:inherit;padding:.3rem .8rem;cursor:pointer}
            :focus-visible{outline:3px solid #005fcc;outline-offset:2px}
            #status:empty{display:none}
            #status{padding:.5rem;border-left:4px solid #005fcc;background:#eef4fb}
            """;

    /*
     * Reads everything it needs from data- attributes of <main>, so that it is one constant text: its hash goes
     * in the Content-Security-Policy and no other script can run on the page.
     */
    static final String SCRIPT = """
            (function () {
              var root = document.getElementById('checklist'), d = root.dataset;
              var status = document.getElementById('status');
              var note = sessionStorage.getItem('checklist-note');
              if (note) { sessionStorage.removeItem('checklist-note'); status.textContent = note; }
              var focus = sessionStorage.getItem('checklist-focus');
              if (focus) { sessionStorage.removeItem('checklist-focus'); var f = document.getElementById(focus); if (f) f.focus(); }
              function send(method, path, body) {
                // Adding conflicts with nothing; a change or a delete must not undo what someone else did.
                var headers = { 'Accept': 'application/json' };
                if (method !== 'POST') headers['If-Match'] = '"' + d.version + '"';
                if (body) headers['Content-Type'] = 'application/json';
                return fetch(d.itemsUrl + path, { method: method, headers: headers, credentials: 'same-origin',
                    body: body ? JSON.stringify(body) : undefined }).then(function (r) {
                  if (r.ok) { var tag = r.headers.get('ETag'); if (tag) d.version = tag.replace(/"/g, ''); return r; }
                  return r.json().catch(function () { return { status: r.status }; }).then(function (p) { throw p; });
                });
              }
              function reload(note, focus) {
                if (note) sessionStorage.setItem('checklist-note', note);
                if (focus) sessionStorage.setItem('checklist-focus', focus);
                location.reload();
              }
              function fail(p) {
                if (p && (p.status === 412 || p.status === 409)) { reload(d.msgStale); return; }
                status.textContent = d.msgFailed + ' ' + ((p && p.detail) || '');
              }
              function progress() {
                var boxes = root.querySelectorAll('input[data-item]'), done = 0;
                boxes.forEach(function (b) { if (b.checked) done++; });
                var p = document.getElementById('progress');
                if (p) p.textContent = d.msgProgress.replace('{done}', done).replace('{total}', boxes.length);
              }
              root.addEventListener('change', function (e) {
                var box = e.target;
                if (!box.dataset.item) return;
                send('PATCH', '/' + encodeURIComponent(box.dataset.item), { done: box.checked }).then(function () {
                  box.closest('li').classList.toggle('done', box.checked);
                  progress();
                }, function (p) { box.checked = !box.checked; fail(p); });
              });
              root.addEventListener('click', function (e) {
                var id = e.target.dataset && e.target.dataset.delete;
                if (!id) return;
                send('DELETE', '/' + encodeURIComponent(id)).then(function () { reload(d.msgDeleted, 'new-text'); }, fail);
              });
              document.getElementById('add-item').addEventListener('submit', function (e) {
                e.preventDefault();
                var text = document.getElementById('new-text').value, who = document.getElementById('new-assignee').value;
                var body = { text: text };
                if (who.trim()) body.assignee = who;
                send('POST', '', body).then(function () { reload(d.msgAdded, 'new-text'); }, fail);
              });
            })();
            """;

    /** The Content-Security-Policy of the asset page: only its own script and style, requests only to us. */
    static final String PAGE_POLICY = "default-src 'none'; script-src '" + sha256(SCRIPT) + "'; style-src '"
            + sha256(STYLE) + "'; connect-src 'self'; form-action 'self'; base-uri 'none'; "
            + "frame-ancestors 'self'";

    /** The preview's: no script at all. */
    static final String PREVIEW_POLICY = "default-src 'none'; style-src '" + sha256(STYLE) + "'; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'self'";

    private ChecklistPage() {
    }

    /**
     * @param itemsUrl the absolute path of this asset's items endpoint
     * @param version  the document version the page shows: sent back in If-Match
     */
    static String page(Checklist checklist, long version, String itemsUrl, PageTexts t) {
        StringBuilder h = new StringBuilder(4096);
        head(h, t, checklist.title() + " – " + t.checklist);
        h.append("<main id=\"checklist\" data-items-url=\"").append(escape(itemsUrl))
                .append("\" data-version=\"").append(version)
                .append("\" data-msg-progress=\"").append(escape(t.progress))
                .append("\" data-msg-stale=\"").append(escape(t.stale))
                .append("\" data-msg-failed=\"").append(escape(t.failed))
                .append("\" data-msg-added=\"").append(escape(t.added))
                .append("\" data-msg-deleted=\"").append(escape(t.deleted)).append("\">\n");
        h.append("<h1 id=\"title\">").append(escape(checklist.title())).append("</h1>\n");
        h.append("<p id=\"progress\">").append(escape(progress(checklist, t))).append("</p>\n");
        h.append("<p id=\"status\" role=\"status\" aria-live=\"polite\"></p>\n");
        if (checklist.items().isEmpty()) {
            h.append("<p>").append(escape(t.empty)).append("</p>\n");
        }
        h.append("<ul aria-label=\"").append(escape(t.items)).append("\">\n");
        for (ChecklistItem item : checklist.items()) {
            String box = "item-" + item.id();
            h.append("<li").append(item.done() ? " class=\"done\"" : "").append(">")
                    .append("<input type=\"checkbox\" id=\"").append(escape(box)).append("\" data-item=\"")
                    .append(escape(item.id())).append('"').append(item.done() ? " checked" : "").append('>')
                    .append("<label for=\"").append(escape(box)).append("\">").append(escape(item.text()));
            if (item.assignee() != null) {
                h.append(" <span class=\"assignee\">(")
                        .append(escape(PageTexts.format(t.assignedTo, Map.of("name", item.assignee())))).append(")</span>");
            }
            h.append("</label><button type=\"button\" data-delete=\"").append(escape(item.id()))
                    .append("\" aria-label=\"").append(escape(PageTexts.format(t.deleteLabel, Map.of("text", item.text()))))
                    .append("\">✕</button></li>\n");
        }
        h.append("</ul>\n");
        h.append("<form id=\"add-item\">\n<h2>").append(escape(t.addHeading)).append("</h2>\n")
                .append("<div><label for=\"new-text\">").append(escape(t.itemLabel)).append("</label>")
                .append("<input type=\"text\" id=\"new-text\" name=\"text\" required maxlength=\"")
                .append(Checklist.MAX_TEXT).append("\"></div>\n")
                .append("<div><label for=\"new-assignee\">").append(escape(t.assigneeLabel)).append("</label>")
                .append("<input type=\"text\" id=\"new-assignee\" name=\"assignee\" maxlength=\"")
                .append(Checklist.MAX_ASSIGNEE).append("\"></div>\n")
                .append("<button type=\"submit\">").append(escape(t.addButton)).append("</button>\n</form>\n");
        h.append("<noscript><p>").append(escape(t.needsScript)).append("</p></noscript>\n");
        h.append("</main>\n<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return h.toString();
    }

    /** A read-only glance: title, progress and the first few items. */
    static String preview(Checklist checklist, PageTexts t) {
        StringBuilder h = new StringBuilder(1024);
        head(h, t, checklist.title() + " – " + t.checklist);
        h.append("<main>\n<h1>").append(escape(checklist.title())).append("</h1>\n<p>")
                .append(escape(progress(checklist, t))).append("</p>\n");
        List<ChecklistItem> items = checklist.items();
        if (items.isEmpty()) {
            h.append("<p>").append(escape(t.empty)).append("</p>\n");
        } else {
            h.append("<ul aria-label=\"").append(escape(t.items)).append("\">\n");
            for (ChecklistItem item : items.subList(0, Math.min(PREVIEW_ITEMS, items.size()))) {
                // The mark is decoration; the checked state is said in words by the disabled checkbox.
                h.append("<li").append(item.done() ? " class=\"done\"" : "").append("><input type=\"checkbox\" disabled id=\"p-")
                        .append(escape(item.id())).append('"').append(item.done() ? " checked" : "")
                        .append("><label for=\"p-").append(escape(item.id())).append("\">").append(escape(item.text()))
                        .append("</label></li>\n");
            }
            h.append("</ul>\n");
            if (items.size() > PREVIEW_ITEMS) {
                h.append("<p>").append(escape(PageTexts.format(t.more, Map.of("n", items.size() - PREVIEW_ITEMS))))
                        .append("</p>\n");
            }
        }
        h.append("</main>\n</body>\n</html>\n");
        return h.toString();
    }

    static String progress(Checklist checklist, PageTexts t) {
        return PageTexts.format(t.progress, Map.of("done", checklist.doneCount(), "total", checklist.items().size()));
    }

    private static void head(StringBuilder h, PageTexts t, String title) {
        h.append("<!DOCTYPE html>\n<html lang=\"").append(t.language).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(escape(title)).append("</title>\n<style>").append(STYLE).append("</style>\n</head>\n<body>\n");
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

    /** A CSP hash source for an inline element's exact text. */
    static String sha256(String inline) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(inline.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
