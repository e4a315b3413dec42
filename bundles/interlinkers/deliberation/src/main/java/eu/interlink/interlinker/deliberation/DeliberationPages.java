package eu.interlink.interlinker.deliberation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The deliberation's HTML: the page where people discuss, propose and vote, and a small read-only preview. The
 * page is rendered whole on the server, so everything reads without script; one constant script sends its forms
 * as JSON. Self-contained (no file, font or script from elsewhere); every user text goes through {@link #escape}.
 */
final class DeliberationPages {
    /** How many polls a preview lists. */
    static final int PREVIEW_POLLS = 5;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    static final String STYLE = """
            body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1b1b1b;background:#fff}
            main{max-width:48rem;margin:0 auto;padding:1rem}
            h1{font-size:1.6rem;margin:.2rem 0}
            h2{font-size:1.3rem;margin:1.5rem 0 .5rem;border-bottom:1px solid #ccc}
            h3{font-size:1.1rem;margin:.3rem 0}
            article{border:1px solid #bbb;margin:.8rem 0;padding:.5rem 1rem}
            .text,.description{white-space:pre-line}
            .meta{color:#555;font-size:.9em;margin:0}
            ul.replies{list-style:none;padding-left:1.2rem;border-left:2px solid #ddd}
            .outcome{font-weight:600}
            textarea,input[type=text],input[type=datetime-local],select{font:inherit;padding:.3rem;width:100%;box-sizing:border-box;border:1px solid #767676}
            fieldset{border:1px solid #bbb;margin:.5rem 0}
            label{display:block;margin:.3rem 0}
            .choice{display:block}
            button{font:inherit;padding:.3rem .8rem;cursor:pointer;margin:.3rem .4rem .3rem 0}
            :focus-visible{outline:3px solid #005fcc;outline-offset:2px}
            #status:empty{display:none}
            #status{padding:.5rem;border-left:4px solid #005fcc;background:#eef4fb}
            """;

    /**
     * Sends every {@code form[data-url]} as JSON: named fields become members (check boxes a list, radio buttons
     * the checked value, {@code data-lines} text areas a list of lines, a date-time input an instant); empty ones
     * are left out. The participant's name, when nobody is signed in, goes in the member {@code data-who} names.
     */
    static final String SCRIPT = """
            (function () {
              var d = document.getElementById('deliberation').dataset, status = document.getElementById('status');
              var who = document.getElementById('participant');
              if (who) {
                who.value = localStorage.getItem('interlink-participant') || '';
                who.addEventListener('change', function () { localStorage.setItem('interlink-participant', who.value.trim()); });
              }
              var note = sessionStorage.getItem('deliberation-note');
              if (note) { sessionStorage.removeItem('deliberation-note'); status.textContent = note; }
              function reload(message) { sessionStorage.setItem('deliberation-note', message); location.reload(); }
              document.querySelectorAll('form[data-url]').forEach(function (form) {
                form.addEventListener('submit', function (e) {
                  e.preventDefault();
                  var f = form.dataset, body = {};
                  form.querySelectorAll('[name]').forEach(function (i) {
                    var v = i.value;
                    if (i.type === 'checkbox') { (body[i.name] = body[i.name] || []); if (i.checked) body[i.name].push(v); return; }
                    if (i.type === 'radio') { if (i.checked) body[i.name] = v; return; }
                    if (i.hasAttribute('data-lines')) {
                      v = v.split('\\n').map(function (s) { return s.trim(); }).filter(function (s) { return s; });
                      if (v.length) body[i.name] = v;
                      return;
                    }
                    if (!v.trim()) return;
                    body[i.name] = i.type === 'datetime-local' ? new Date(v).toISOString() : v;
                  });
                  if (f.who && who && who.value.trim()) body[f.who] = who.value.trim();
                  var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
                  if (f.version) headers['If-Match'] = '"' + f.version + '"';
                  fetch(f.url, { method: f.method || 'POST', headers: headers, credentials: 'same-origin',
                      body: JSON.stringify(body) }).then(function (r) {
                    if (r.ok) { reload(d.msgSaved); return; }
                    if (r.status === 412) { reload(d.msgStale); return; }
                    return r.json().catch(function () { return {}; }).then(function (p) {
                      status.textContent = d.msgFailed + ' ' + (p.detail || r.status);
                      status.focus();
                    });
                  }, function () { status.textContent = d.msgFailed; status.focus(); });
                });
              });
            })();
            """;

    static final String PAGE_POLICY = "default-src 'none'; script-src '" + sha256(SCRIPT) + "'; style-src '" + sha256(STYLE)
            + "'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'self'";
    /** The preview's: no script at all. */
    static final String PREVIEW_POLICY = "default-src 'none'; style-src '" + sha256(STYLE) + "'; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'self'";

    private DeliberationPages() {
    }

    /**
     * The page.
     *
     * @param view        the deliberation as {@link Board#view(boolean)} gives it, with versions
     * @param participant who is signed in, or {@code null}: then the page asks for a name
     * @param base        the asset's path, such as {@code /interlinkers/deliberation/assets/a1}
     */
    static String page(ObjectNode view, String participant, String base, PageTexts t) {
        StringBuilder h = new StringBuilder(16384);
        head(h, t, view.path("title").asText() + " – " + t.get("deliberation"));
        h.append("<main id=\"deliberation\" data-msg-saved=\"").append(escape(t.get("saved")))
                .append("\" data-msg-failed=\"").append(escape(t.get("failed")))
                .append("\" data-msg-stale=\"").append(escape(t.get("stale"))).append("\">\n");
        intro(h, view);
        h.append("<p id=\"status\" role=\"status\" aria-live=\"polite\" tabindex=\"-1\"></p>\n");
        if (participant != null) {
            h.append("<p>").append(escape(t.format("signedAs", Map.of("name", participant)))).append("</p>\n");
        } else {
            h.append("<label for=\"participant\">").append(escape(t.get("yourName")))
                    .append("</label><input type=\"text\" id=\"participant\" maxlength=\"").append(Board.MAX_NAME).append("\">\n");
        }
        h.append("<noscript><p>").append(escape(t.get("needsScript"))).append("</p></noscript>\n");

        h.append("<section aria-labelledby=\"h-threads\">\n<h2 id=\"h-threads\">").append(escape(t.get("threads"))).append("</h2>\n");
        if (view.path("threads").isEmpty()) {
            h.append("<p>").append(escape(t.get("noThreads"))).append("</p>\n");
        }
        for (JsonNode thread : view.path("threads")) {
            String url = base + "/threads/" + thread.path("id").asText() + "/replies";
            h.append("<article class=\"thread\" id=\"thread-").append(escape(thread.path("id").asText())).append("\">\n<h3>")
                    .append(escape(thread.path("title").asText())).append("</h3>\n");
            byline(h, thread, t);
            h.append("<p class=\"text\">").append(escape(thread.path("text").asText())).append("</p>\n");
            h.append("<p class=\"meta\">").append(escape(t.format("replies", Map.of("n", thread.path("replyCount").asInt())))).append("</p>\n");
            replies(h, thread.path("replies"), url, t);
            replyForm(h, url, null, t.get("reply"), t);
            h.append("</article>\n");
        }
        h.append("<details><summary>").append(escape(t.get("newThread"))).append("</summary>\n<form data-url=\"")
                .append(escape(base + "/threads")).append("\" data-who=\"author\">\n");
        input(h, "title", t.get("subject"), Board.MAX_TITLE);
        textarea(h, "text", t.get("text"), Board.MAX_POST, false);
        h.append("<button type=\"submit\">").append(escape(t.get("send"))).append("</button>\n</form>\n</details>\n</section>\n");

        h.append("<section aria-labelledby=\"h-proposals\">\n<h2 id=\"h-proposals\">").append(escape(t.get("proposals"))).append("</h2>\n");
        if (view.path("proposals").isEmpty()) {
            h.append("<p>").append(escape(t.get("noProposals"))).append("</p>\n");
        }
        for (JsonNode p : view.path("proposals")) {
            String id = p.path("id").asText();
            h.append("<article class=\"proposal\" id=\"proposal-").append(escape(id)).append("\">\n<h3>")
                    .append(escape(p.path("title").asText())).append("</h3>\n<p class=\"meta\">")
                    .append(escape(t.get("status." + p.path("status").asText()))).append("</p>\n");
            byline(h, p, t);
            h.append("<p class=\"text\">").append(escape(p.path("text").asText())).append("</p>\n");
            h.append("<form data-url=\"").append(escape(base + "/proposals/" + id)).append("\" data-method=\"PUT\" data-version=\"")
                    .append(p.path("version").asLong()).append("\" data-who=\"author\">\n<label>").append(escape(t.get("statusLabel")))
                    .append(" <select name=\"status\">");
            for (String s : Board.PROPOSAL_STATUSES) {
                h.append("<option value=\"").append(s).append('"').append(s.equals(p.path("status").asText()) ? " selected" : "")
                        .append('>').append(escape(t.get("status." + s))).append("</option>");
            }
            h.append("</select></label>\n<button type=\"submit\">").append(escape(t.get("change"))).append("</button>\n</form>\n</article>\n");
        }
        h.append("<details><summary>").append(escape(t.get("newProposal"))).append("</summary>\n<form data-url=\"")
                .append(escape(base + "/proposals")).append("\" data-who=\"author\">\n");
        input(h, "title", t.get("titleLabel"), Board.MAX_TITLE);
        textarea(h, "text", t.get("text"), Board.MAX_POST, false);
        h.append("<button type=\"submit\">").append(escape(t.get("send"))).append("</button>\n</form>\n</details>\n</section>\n");

        h.append("<section aria-labelledby=\"h-polls\">\n<h2 id=\"h-polls\">").append(escape(t.get("polls"))).append("</h2>\n");
        if (view.path("polls").isEmpty()) {
            h.append("<p>").append(escape(t.get("noPolls"))).append("</p>\n");
        }
        for (JsonNode poll : view.path("polls")) {
            poll(h, poll, base, t);
        }
        h.append("<details><summary>").append(escape(t.get("newPoll"))).append("</summary>\n<form data-url=\"")
                .append(escape(base + "/polls")).append("\" data-who=\"author\">\n");
        input(h, "question", t.get("question"), Board.MAX_QUESTION);
        h.append("<label>").append(escape(t.get("kindLabel"))).append(" <select name=\"kind\">");
        for (PollKind k : PollKind.values()) {
            h.append("<option value=\"").append(k.json).append("\">").append(escape(t.get("kind." + k.json))).append("</option>");
        }
        h.append("</select></label>\n");
        textarea(h, "options", t.get("optionsLabel"), 10_000, true);
        h.append("<label>").append(escape(t.get("closesAtLabel"))).append(" <input type=\"datetime-local\" name=\"closesAt\"></label>\n");
        h.append("<label>").append(escape(t.get("proposalLabel"))).append(" <select name=\"proposal\"><option value=\"\">")
                .append(escape(t.get("none"))).append("</option>");
        for (JsonNode p : view.path("proposals")) {
            h.append("<option value=\"").append(escape(p.path("id").asText())).append("\">").append(escape(p.path("title").asText())).append("</option>");
        }
        h.append("</select></label>\n<button type=\"submit\">").append(escape(t.get("send"))).append("</button>\n</form>\n</details>\n</section>\n");
        h.append("</main>\n<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void replies(StringBuilder h, JsonNode replies, String url, PageTexts t) {
        if (replies.isEmpty()) {
            return;
        }
        h.append("<ul class=\"replies\">\n");
        for (JsonNode r : replies) {
            h.append("<li id=\"reply-").append(escape(r.path("id").asText())).append("\">\n");
            byline(h, r, t);
            h.append("<p class=\"text\">").append(escape(r.path("text").asText())).append("</p>\n");
            if (r.path("depth").asInt() < Board.MAX_DEPTH) {
                replyForm(h, url, r.path("id").asText(), t.format("replyTo", Map.of("name", name(r, t))), t);
            }
            replies(h, r.path("replies"), url, t);
            h.append("</li>\n");
        }
        h.append("</ul>\n");
    }

    private static void replyForm(StringBuilder h, String url, String parent, String summary, PageTexts t) {
        h.append("<details><summary>").append(escape(summary)).append("</summary>\n<form data-url=\"").append(escape(url))
                .append("\" data-who=\"author\">\n");
        if (parent != null) {
            h.append("<input type=\"hidden\" name=\"parent\" value=\"").append(escape(parent)).append("\">\n");
        }
        textarea(h, "text", t.get("text"), Board.MAX_POST, false);
        h.append("<button type=\"submit\">").append(escape(t.get("send"))).append("</button>\n</form>\n</details>\n");
    }

    private static void poll(StringBuilder h, JsonNode poll, String base, PageTexts t) {
        String id = poll.path("id").asText();
        PollKind kind = PollKind.of(poll.path("kind").asText()).orElse(PollKind.SINGLE);
        boolean open = poll.path("status").asText().equals("open");
        h.append("<article class=\"poll\" id=\"poll-").append(escape(id)).append("\">\n<h3>").append(escape(poll.path("question").asText()))
                .append("</h3>\n<p class=\"meta\">").append(escape(t.get("kind." + kind.json))).append(" · ")
                .append(escape(t.get(open ? "pollOpen" : "pollClosed")));
        if (open && poll.hasNonNull("closesAt")) {
            h.append(" · ").append(escape(t.format("closesAt", Map.of("time", time(poll.path("closesAt").asText())))));
        } else if (!open) {
            h.append(" · ").append(escape(t.format("closedAt", Map.of("time", time(poll.path("closedAt").asText())))));
        }
        h.append("</p>\n");
        if (!poll.path("description").asText("").isEmpty()) {
            h.append("<p class=\"description\">").append(escape(poll.path("description").asText())).append("</p>\n");
        }
        JsonNode results = poll.path("results");
        h.append("<ul class=\"counts\">\n");
        for (JsonNode o : poll.path("options")) {
            h.append("<li>").append(escape(label(kind, o, t))).append(": ").append(results.path("counts").path(o.path("id").asText()).asInt())
                    .append("</li>\n");
        }
        h.append("</ul>\n<p class=\"meta\">").append(escape(t.format("voters", Map.of("n", results.path("voters").asInt())))).append("</p>\n");
        h.append("<p class=\"outcome\">").append(escape(outcome(kind, poll, t)));
        if (open) {
            h.append(' ').append(escape(t.get("soFar")));
        }
        h.append("</p>\n");
        if (!kind.hasOptions()) {
            h.append("<p class=\"meta\">").append(escape(t.get("rule." + kind.json))).append("</p>\n");
        }
        if (open) {
            h.append("<form data-url=\"").append(escape(base + "/polls/" + id + "/votes")).append("\" data-who=\"voter\">\n<fieldset><legend>")
                    .append(escape(t.get("vote"))).append("</legend>\n");
            String type = kind == PollKind.MULTIPLE ? "checkbox" : "radio";
            for (JsonNode o : poll.path("options")) {
                h.append("<label class=\"choice\"><input type=\"").append(type).append("\" name=\"choice\" value=\"")
                        .append(escape(o.path("id").asText())).append("\"> ").append(escape(label(kind, o, t))).append("</label>\n");
            }
            h.append("</fieldset>\n<button type=\"submit\">").append(escape(t.get("vote"))).append("</button>\n</form>\n");
            h.append("<form data-url=\"").append(escape(base + "/polls/" + id + "/close")).append("\" data-version=\"")
                    .append(poll.path("version").asLong()).append("\"><button type=\"submit\">").append(escape(t.get("closePoll")))
                    .append("</button></form>\n");
        }
        h.append("</article>\n");
    }

    /** The outcome in words: the winner's label, the tied labels, or the decision. */
    static String outcome(PollKind kind, JsonNode poll, PageTexts t) {
        JsonNode outcome = poll.path("results").path("outcome");
        String result = outcome.path("result").asText();
        return switch (result) {
            case "winner" -> t.format("outcome.winner", Map.of("option", labelOf(kind, poll, outcome.path("winner").asText(), t)));
            case "tie" -> {
                if (!kind.hasOptions()) {
                    yield t.get("outcome.tied");
                }
                List<String> labels = new ArrayList<>();
                outcome.path("tied").forEach(id -> labels.add(labelOf(kind, poll, id.asText(), t)));
                yield t.format("outcome.tie", Map.of("options", String.join(", ", labels)));
            }
            default -> t.get("outcome." + result);
        };
    }

    private static String labelOf(PollKind kind, JsonNode poll, String id, PageTexts t) {
        for (JsonNode o : poll.path("options")) {
            if (o.path("id").asText().equals(id)) {
                return label(kind, o, t);
            }
        }
        return id;
    }

    private static String label(PollKind kind, JsonNode option, PageTexts t) {
        return kind.hasOptions() ? option.path("label").asText() : t.get("choice." + option.path("id").asText());
    }

    /** A read-only glance: title, counts and the latest polls with their outcome. */
    static String preview(ObjectNode view, Map<String, Integer> counts, PageTexts t) {
        StringBuilder h = new StringBuilder(4096);
        head(h, t, view.path("title").asText() + " – " + t.get("deliberation"));
        h.append("<main>\n");
        intro(h, view);
        h.append("<p class=\"meta\" id=\"summary\">").append(escape(t.format("threadCount", Map.of("n", counts.get("threads"))))).append(" · ")
                .append(escape(t.format("replyCount", Map.of("n", counts.get("replies"))))).append(" · ")
                .append(escape(t.format("proposalCount", Map.of("n", counts.get("proposals"))))).append(" · ")
                .append(escape(t.format("pollCount", Map.of("n", counts.get("polls"))))).append("</p>\n");
        List<JsonNode> polls = new ArrayList<>();
        view.path("polls").forEach(polls::add);
        if (polls.isEmpty()) {
            h.append("<p>").append(escape(t.get("noPolls"))).append("</p>\n");
        } else {
            h.append("<ul>\n");
            for (JsonNode poll : polls.subList(Math.max(0, polls.size() - PREVIEW_POLLS), polls.size())) {
                PollKind kind = PollKind.of(poll.path("kind").asText()).orElse(PollKind.SINGLE);
                boolean open = poll.path("status").asText().equals("open");
                h.append("<li>").append(escape(poll.path("question").asText())).append(" <span class=\"meta\">(")
                        .append(escape(t.get(open ? "pollOpen" : "pollClosed"))).append(")</span> ")
                        .append(escape(outcome(kind, poll, t))).append(open ? " " + escape(t.get("soFar")) : "").append("</li>\n");
            }
            h.append("</ul>\n");
        }
        h.append("</main>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void byline(StringBuilder h, JsonNode item, PageTexts t) {
        h.append("<p class=\"meta\">").append(escape(name(item, t))).append(" · ").append(escape(time(item.path("createdAt").asText())))
                .append("</p>\n");
    }

    private static String name(JsonNode item, PageTexts t) {
        String author = item.path("author").asText(null);
        return author == null || author.isEmpty() ? t.get("anonymous") : author;
    }

    static String time(String instant) {
        try {
            return TIME.format(Instant.parse(instant));
        } catch (RuntimeException e) {
            return instant;
        }
    }

    private static void input(StringBuilder h, String name, String label, int max) {
        h.append("<label>").append(escape(label)).append(" <input type=\"text\" name=\"").append(name).append("\" maxlength=\"")
                .append(max).append("\" required></label>\n");
    }

    private static void textarea(StringBuilder h, String name, String label, int max, boolean lines) {
        h.append("<label>").append(escape(label)).append(" <textarea name=\"").append(name).append("\" rows=\"4\" maxlength=\"")
                .append(max).append('"').append(lines ? " data-lines" : " required").append("></textarea></label>\n");
    }

    private static void intro(StringBuilder h, JsonNode view) {
        h.append("<h1>").append(escape(view.path("title").asText())).append("</h1>\n");
        if (!view.path("description").asText("").isEmpty()) {
            h.append("<p class=\"description\">").append(escape(view.path("description").asText())).append("</p>\n");
        }
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
