package eu.interlink.interlinker.editor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The editor's HTML: the editing page and a read-only preview. Self-contained (no file, font or script from
 * elsewhere). User texts (title, names) go through {@link #escape}; the document's text is the cleaned HTML of
 * {@link RichText}, which holds no script, style or attribute outside the allow-list, and the script moves such
 * HTML into the page only through an inert {@code DOMParser} document, never {@code innerHTML}.
 */
final class EditorPages {
    static final String STYLE = """
            body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1b1b1b;background:#fff}
            main{max-width:50rem;margin:0 auto;padding:1rem}
            h1{font-size:1.6rem;margin:.2rem 0}
            label{display:block;font-weight:600}
            input[type=text]{font:inherit;padding:.3rem;width:100%;box-sizing:border-box;border:1px solid #767676}
            .doc{border:1px solid #767676;padding:.5rem 1rem;min-height:12rem;background:#fff}
            .doc:focus{outline:3px solid #005fcc}
            [role=toolbar]{margin:.5rem 0;display:flex;flex-wrap:wrap;gap:.3rem}
            button{font:inherit;padding:.3rem .7rem;cursor:pointer}
            :focus-visible{outline:3px solid #005fcc;outline-offset:2px}
            #status:empty{display:none}
            #status{padding:.5rem;border-left:4px solid #005fcc;background:#eef4fb}
            #conflict{border-left:4px solid #8a1c1c;padding:.2rem 1rem;margin:1rem 0;background:#fbeeee}
            .meta{color:#555}
            .actions{margin:.8rem 0;display:flex;flex-wrap:wrap;gap:.8rem;align-items:center}
            #history li{margin:.3rem 0}
            table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:.2rem .4rem}
            """;

    /** Formatting, saving (with the revision it was made on), the history, view and restore. */
    static final String SCRIPT = """
            (function () {
              var data = JSON.parse(document.getElementById('editor-data').textContent);
              var t = data.texts, revision = data.document.revision;
              var content = document.getElementById('content'), title = document.getElementById('title');
              var status = document.getElementById('status'), meta = document.getElementById('meta');
              var conflict = document.getElementById('conflict'), theirs = document.getElementById('theirs');
              var history = document.getElementById('history'), view = document.getElementById('revision-view');
              content.setAttribute('contenteditable', 'true');
              title.readOnly = false;
              document.getElementById('editing').hidden = false;
              function say(text) { status.textContent = text; }
              function n(text, i) { return text.replace('{n}', i); }
              function describe(d) {
                return n(t.revisionMeta, d.revision).replace('{author}', d.author || t.anonymous)
                    .replace('{time}', new Date(d.savedAt).toLocaleString(document.documentElement.lang));
              }
              function show(d) { revision = d.revision; meta.textContent = describe(d); }
              function el(tag, text) { var e = document.createElement(tag); if (text != null) e.textContent = text; return e; }
              // Cleaned HTML from the server, parsed inertly (nothing in it runs or loads) and moved in.
              function fill(target, html) {
                var doc = new DOMParser().parseFromString(html, 'text/html');
                target.textContent = '';
                Array.prototype.slice.call(doc.body.childNodes).forEach(function (node) {
                  target.appendChild(document.importNode(node, true));
                });
              }
              function request(method, url, body, match) {
                var headers = { 'Accept': 'application/json' };
                if (body) headers['Content-Type'] = 'application/json';
                if (match != null) headers['If-Match'] = '"' + match + '"';
                return fetch(url, { method: method, headers: headers, credentials: 'same-origin',
                    body: body ? JSON.stringify(body) : undefined }).then(function (r) {
                  return r.json().catch(function () { return {}; }).then(function (j) {
                    j.httpStatus = r.status;
                    if (!r.ok) throw j;
                    return j;
                  });
                });
              }
              function fail(p) { say(t.failed + ' ' + ((p && p.detail) || '')); }
              document.getElementById('toolbar').addEventListener('click', function (e) {
                var b = e.target.closest('button');
                if (!b) return;
                var value = b.dataset.value || null;
                if (b.dataset.command === 'createLink') {
                  value = window.prompt(t.linkPrompt, 'https://');
                  if (!value) return;
                }
                content.focus();
                document.execCommand(b.dataset.command, false, value);
              });
              document.getElementById('save').addEventListener('click', function () {
                say(t.saving);
                request('PUT', data.documentUrl, { title: title.value, html: content.innerHTML }, revision).then(function (d) {
                  conflict.hidden = true;
                  show(d);
                  if (d.merged) { fill(content, d.html); title.value = d.title; say(t.merged); }
                  else say(d.changed ? t.saved : t.unchanged);
                  loadHistory();
                }, function (p) {
                  if (p.httpStatus === 409 && p.current) {
                    // Nothing was saved: show theirs beside ours, and save next on top of theirs.
                    fill(theirs, p.current.html);
                    document.getElementById('theirs-title').textContent = p.current.title;
                    conflict.hidden = false;
                    show(p.current);
                    say(t.conflict);
                    conflict.focus();
                    loadHistory();
                  } else fail(p);
                });
              });
              function loadHistory() {
                request('GET', data.revisionsUrl + '?limit=50').then(function (page) {
                  history.textContent = '';
                  page.items.forEach(function (r) {
                    var li = el('li', describe(r) + ' (' + (t['kind.' + r.kind] || r.kind) + ') ');
                    var open = el('button', n(t.view, r.revision));
                    open.type = 'button';
                    open.addEventListener('click', function () {
                      request('GET', data.revisionsUrl + '/' + r.revision).then(function (full) {
                        document.getElementById('revision-title').textContent = full.title;
                        document.getElementById('revision-meta').textContent = describe(full);
                        fill(document.getElementById('revision-text'), full.html);
                        view.hidden = false;
                        view.focus();
                      }, fail);
                    });
                    var back = el('button', n(t.restore, r.revision));
                    back.type = 'button';
                    back.addEventListener('click', function () {
                      request('POST', data.revisionsUrl + '/' + r.revision + '/restore', null, revision).then(function (d) {
                        fill(content, d.html);
                        title.value = d.title;
                        show(d);
                        say(n(t.restored, r.revision));
                        loadHistory();
                      }, fail);
                    });
                    li.appendChild(open);
                    li.appendChild(document.createTextNode(' '));
                    li.appendChild(back);
                    history.appendChild(li);
                  });
                }, fail);
              }
              document.getElementById('close-view').addEventListener('click', function () { view.hidden = true; });
              meta.textContent = describe(data.document);
              loadHistory();
            })();
            """;

    static final String EDITOR_POLICY = "default-src 'none'; script-src '" + sha256(SCRIPT) + "'; style-src '" + sha256(STYLE)
            + "'; connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'self'";
    /** The preview's: no script at all. */
    static final String PREVIEW_POLICY = "default-src 'none'; style-src '" + sha256(STYLE) + "'; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'self'";

    private EditorPages() {
    }

    /** Where a document's endpoints are, as absolute paths. */
    record Urls(String page, String document, String revisions, String export) {
        static Urls of(String base) {
            return new Urls(base, base + "/document", base + "/revisions", base + "/export");
        }
    }

    /**
     * The editing page. Without script it shows the text read-only; with it, the text becomes editable. The
     * document travels to the script as a JSON data block, with {@code <} escaped so no text can close it.
     */
    static String editor(Revision current, Urls urls, PageTexts t) {
        ObjectNode data = Revision.JSON.createObjectNode();
        ObjectNode doc = current.toNode();
        doc.remove("html"); // already in the page
        data.set("document", doc);
        data.put("documentUrl", urls.document());
        data.put("revisionsUrl", urls.revisions());
        ObjectNode texts = data.putObject("texts");
        t.all().forEach(texts::put);
        String json = data.toString().replace("<", "\\u003c");

        StringBuilder h = new StringBuilder(8192 + current.html().length());
        head(h, t, current.title() + " – " + t.get("editor"));
        h.append("<main>\n<p class=\"meta\">").append(escape(t.get("editor"))).append("</p>\n");
        h.append("<label for=\"title\">").append(escape(t.get("titleLabel"))).append("</label>\n");
        h.append("<input type=\"text\" id=\"title\" maxlength=\"").append(Revision.MAX_TITLE).append("\" readonly value=\"")
                .append(escape(current.title())).append("\">\n");
        h.append("<p class=\"meta\" id=\"meta\">").append(escape(t.format("revisions", Map.of("n", current.number()))))
                .append("</p>\n<p id=\"status\" role=\"status\" aria-live=\"polite\"></p>\n");
        h.append("<div id=\"editing\" hidden>\n<div role=\"toolbar\" id=\"toolbar\" aria-label=\"").append(escape(t.get("toolbar")))
                .append("\" aria-controls=\"content\">\n");
        button(h, "bold", null, "<b>B</b>", t.get("bold"));
        button(h, "italic", null, "<i>I</i>", t.get("italic"));
        button(h, "formatBlock", "h2", escape(t.get("heading")), null);
        button(h, "formatBlock", "h3", escape(t.get("subheading")), null);
        button(h, "formatBlock", "p", escape(t.get("paragraph")), null);
        button(h, "insertUnorderedList", null, escape(t.get("bulletList")), null);
        button(h, "insertOrderedList", null, escape(t.get("numberedList")), null);
        button(h, "formatBlock", "blockquote", escape(t.get("quote")), null);
        button(h, "createLink", null, escape(t.get("link")), null);
        h.append("</div>\n</div>\n");
        h.append("<p class=\"meta\" id=\"content-label\">").append(escape(t.get("contentLabel"))).append("</p>\n");
        h.append("<div id=\"content\" class=\"doc\" role=\"textbox\" aria-multiline=\"true\" aria-labelledby=\"content-label\">")
                .append(current.html()).append("</div>\n");
        h.append("<noscript><p>").append(escape(t.get("needsScript"))).append("</p></noscript>\n");
        h.append("<div class=\"actions\"><button type=\"button\" id=\"save\">").append(escape(t.get("save")))
                .append("</button>\n<a href=\"").append(escape(urls.export())).append("?format=html\">")
                .append(escape(t.get("downloadHtml"))).append("</a>\n<a href=\"").append(escape(urls.export()))
                .append("?format=markdown\">").append(escape(t.get("downloadMarkdown"))).append("</a></div>\n");
        h.append("<section id=\"conflict\" hidden tabindex=\"-1\" aria-labelledby=\"conflict-heading\">\n<h2 id=\"conflict-heading\">")
                .append(escape(t.get("conflict"))).append("</h2>\n<p>").append(escape(t.get("conflictHelp")))
                .append("</p>\n<h3 id=\"theirs-title\"></h3>\n<div id=\"theirs\" class=\"doc\"></div>\n</section>\n");
        h.append("<section aria-labelledby=\"history-heading\">\n<h2 id=\"history-heading\">").append(escape(t.get("history")))
                .append("</h2>\n<ol id=\"history\" reversed></ol>\n");
        h.append("<div id=\"revision-view\" hidden tabindex=\"-1\">\n<h3 id=\"revision-title\"></h3>\n<p class=\"meta\" id=\"revision-meta\"></p>\n")
                .append("<div id=\"revision-text\" class=\"doc\"></div>\n<button type=\"button\" id=\"close-view\">")
                .append(escape(t.get("close"))).append("</button>\n</div>\n</section>\n");
        h.append("</main>\n<script type=\"application/json\" id=\"editor-data\">").append(json).append("</script>\n");
        h.append("<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void button(StringBuilder h, String command, String value, String labelHtml, String ariaLabel) {
        h.append("<button type=\"button\" data-command=\"").append(command).append('"');
        if (value != null) {
            h.append(" data-value=\"").append(value).append('"');
        }
        if (ariaLabel != null) {
            h.append(" aria-label=\"").append(escape(ariaLabel)).append('"');
        }
        h.append('>').append(labelHtml).append("</button>\n");
    }

    /** A read-only glance: title, revision count and the text. */
    static String preview(Revision current, int revisions, PageTexts t) {
        StringBuilder h = new StringBuilder(2048 + current.html().length());
        head(h, t, current.title() + " – " + t.get("editor"));
        h.append("<main>\n<h1>").append(escape(current.title())).append("</h1>\n<p class=\"meta\" id=\"summary\">")
                .append(escape(t.format("revisions", Map.of("n", revisions)))).append("</p>\n");
        if (current.html().isEmpty()) {
            h.append("<p>").append(escape(t.get("empty"))).append("</p>\n");
        } else {
            h.append("<div class=\"doc\">").append(current.html()).append("</div>\n");
        }
        h.append("</main>\n</body>\n</html>\n");
        return h.toString();
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
