package eu.interlink.interlinker.survey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The survey's HTML: the page that takes answers, the builder, and a small read-only preview. Self-contained (no
 * file, font or script from elsewhere) so that it works inside any shell the platform embeds it in. Every user
 * text goes through {@link #escape}; the builder's script builds its form with {@code textContent} and
 * {@code value}, never markup.
 */
final class SurveyPages {
    /** How many questions a preview lists. */
    static final int PREVIEW_QUESTIONS = 5;

    static final String STYLE = """
            body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1b1b1b;background:#fff}
            main{max-width:44rem;margin:0 auto;padding:1rem}
            h1{font-size:1.6rem;margin:.2rem 0}
            .description{white-space:pre-line}
            fieldset{border:1px solid #bbb;margin:1rem 0;padding:.5rem 1rem}
            legend{font-weight:600;padding:0 .3rem}
            .required{color:#8a1c1c;font-weight:400;font-size:.9em}
            .choice{display:block;padding:.15rem 0}
            .scale{display:flex;flex-wrap:wrap;gap:.6rem;align-items:center}
            .scale-label{color:#555;font-size:.9em}
            textarea,input[type=text],input[type=number],select{font:inherit;padding:.3rem;width:100%;box-sizing:border-box;border:1px solid #767676}
            input[type=number]{width:6rem}
            form div{margin:.5rem 0}
            button{font:inherit;padding:.3rem .8rem;cursor:pointer;margin:.2rem .4rem .2rem 0}
            :focus-visible{outline:3px solid #005fcc;outline-offset:2px}
            #status:empty{display:none}
            #status{padding:.5rem;border-left:4px solid #005fcc;background:#eef4fb}
            .meta{color:#555}
            """;

    /** Sends the answer form as JSON; reads what it needs from data- attributes, so it is one constant text. */
    static final String ANSWER_SCRIPT = """
            (function () {
              var root = document.getElementById('survey'), d = root.dataset;
              var form = document.getElementById('answers'), status = document.getElementById('status');
              if (!form) return;
              form.addEventListener('submit', function (e) {
                e.preventDefault();
                var answers = {};
                form.querySelectorAll('fieldset[data-question]').forEach(function (f) {
                  var id = f.dataset.question, kind = f.dataset.kind;
                  if (kind === 'text') {
                    var text = f.querySelector('textarea').value;
                    if (text.trim()) answers[id] = text;
                  } else if (kind === 'multiple') {
                    var chosen = [];
                    f.querySelectorAll('input:checked').forEach(function (i) { chosen.push(i.value); });
                    if (chosen.length) answers[id] = chosen;
                  } else {
                    var picked = f.querySelector('input:checked');
                    if (picked) answers[id] = kind === 'scale' ? parseInt(picked.value, 10) : picked.value;
                  }
                });
                var body = { answers: answers }, anonymous = document.getElementById('anonymous');
                if (anonymous) body.anonymous = anonymous.checked;
                fetch(d.responsesUrl, { method: 'POST', credentials: 'same-origin',
                    headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
                    body: JSON.stringify(body) }).then(function (r) {
                  if (r.ok) {
                    status.textContent = r.status === 201 ? d.msgThanks : d.msgReplaced;
                    form.hidden = true;
                    return;
                  }
                  return r.json().catch(function () { return {}; }).then(function (p) {
                    status.textContent = d.msgFailed + ' ' + (p.detail || r.status);
                    var field = p.field || '', q = field.indexOf('answers.') === 0
                        ? document.getElementById('question-' + field.substring(8)) : null;
                    var first = q && q.querySelector('input, textarea');
                    if (first) first.focus();
                  });
                }, function () { status.textContent = d.msgFailed; });
              });
            })();
            """;

    /** The builder: renders the survey from the page's JSON data block and saves it whole with If-Match. */
    static final String BUILDER_SCRIPT = """
            (function () {
              var data = JSON.parse(document.getElementById('survey-data').textContent);
              var t = data.texts, s = data.survey, version = data.version, seq = 0;
              var root = document.getElementById('builder'), status = document.getElementById('status');
              var note = sessionStorage.getItem('survey-note');
              if (note) { sessionStorage.removeItem('survey-note'); status.textContent = note; }
              function el(tag, attrs, text) {
                var e = document.createElement(tag);
                for (var k in attrs) e.setAttribute(k, attrs[k]);
                if (text != null) e.textContent = text;
                return e;
              }
              function n(text, i) { return text.replace('{n}', i); }
              function field(parent, label, input) {
                var div = el('div');
                input.id = 'f' + (++seq);
                div.appendChild(el('label', { 'for': input.id }, label));
                div.appendChild(input);
                parent.appendChild(div);
                return input;
              }
              function check(parent, label, input) {
                var l = el('label', { 'class': 'choice' });
                l.appendChild(input);
                l.appendChild(document.createTextNode(' ' + label));
                parent.appendChild(l);
                return input;
              }
              function send(method, url, body) {
                var headers = { 'Accept': 'application/json', 'If-Match': '"' + version + '"' };
                if (body) headers['Content-Type'] = 'application/json';
                return fetch(url, { method: method, headers: headers, credentials: 'same-origin',
                    body: body ? JSON.stringify(body) : undefined }).then(function (r) {
                  return r.json().catch(function () { return {}; }).then(function (j) {
                    if (r.ok) { version = j.version; return j; }
                    j.status = r.status;
                    throw j;
                  });
                });
              }
              function reload(message) { sessionStorage.setItem('survey-note', message); location.reload(); }
              function fail(p) {
                // Someone else saved, published or closed in between: show what is there now.
                if (p && (p.status === 412 || p.status === 409)) { reload(t.stale); return; }
                status.textContent = t.saveFailed + ' ' + ((p && p.detail) || '');
              }
              if (s.status !== 'draft') {
                root.appendChild(el('p', {}, t.frozen));
                var frozen = el('ol');
                s.questions.forEach(function (q) { frozen.appendChild(el('li', {}, q.text)); });
                root.appendChild(frozen);
                if (s.status === 'published') {
                  var close = el('button', { type: 'button' }, t.close);
                  close.addEventListener('click', function () {
                    send('POST', data.closeUrl).then(function () { reload(t.closedMsg); }, fail);
                  });
                  root.appendChild(close);
                }
                return;
              }
              var questions = s.questions.map(function (q) {
                return { id: q.id, kind: q.kind, text: q.text, required: q.required,
                  options: (q.options || []).map(function (o) { return o.label; }),
                  min: q.min, max: q.max, minLabel: q.minLabel || '', maxLabel: q.maxLabel || '' };
              });
              var form = el('form');
              root.appendChild(form);
              var title = field(form, t.titleLabel, el('input', { type: 'text', maxlength: '200', required: '' }));
              title.value = s.title;
              var description = field(form, t.descriptionLabel, el('textarea', { rows: '3', maxlength: '2000' }));
              description.value = s.description;
              var anonymous = check(form, t.anonymousLabel, el('input', { type: 'checkbox' }));
              anonymous.checked = s.anonymous;
              var list = el('div');
              form.appendChild(list);
              function render(focusIndex) {
                list.textContent = '';
                if (!questions.length) list.appendChild(el('p', {}, t.noQuestions));
                questions.forEach(function (q, i) {
                  var fs = el('fieldset');
                  fs.appendChild(el('legend', {}, n(t.questionLabel, i + 1)));
                  var text = field(fs, t.questionText, el('input', { type: 'text', maxlength: '500' }));
                  text.value = q.text || '';
                  text.addEventListener('input', function () { q.text = text.value; });
                  var kind = field(fs, t.kindLabel, el('select'));
                  ['text', 'single', 'multiple', 'scale'].forEach(function (k) {
                    kind.appendChild(el('option', { value: k }, t['kind.' + k]));
                  });
                  kind.value = q.kind;
                  kind.addEventListener('change', function () {
                    q.kind = kind.value;
                    if (q.kind === 'scale' && q.min == null) { q.min = 1; q.max = 5; }
                    render(i);
                  });
                  var required = check(fs, t.requiredLabel, el('input', { type: 'checkbox' }));
                  required.checked = !!q.required;
                  required.addEventListener('change', function () { q.required = required.checked; });
                  if (q.kind === 'single' || q.kind === 'multiple') {
                    var options = field(fs, t.optionsLabel, el('textarea', { rows: '4' }));
                    options.value = q.options.join('\\n');
                    options.addEventListener('input', function () { q.options = options.value.split('\\n'); });
                  } else if (q.kind === 'scale') {
                    [['min', t.minLabel, 'number'], ['max', t.maxLabel, 'number'],
                     ['minLabel', t.minText, 'text'], ['maxLabel', t.maxText, 'text']].forEach(function (f) {
                      var input = field(fs, f[1], el('input', { type: f[2] }));
                      input.value = q[f[0]] == null ? '' : q[f[0]];
                      input.addEventListener('input', function () { q[f[0]] = input.value; });
                    });
                  }
                  [['up', -1], ['down', 1]].forEach(function (m) {
                    var j = i + m[1];
                    if (j < 0 || j >= questions.length) return;
                    var b = el('button', { type: 'button', 'aria-label': n(t[m[0]], i + 1) }, m[1] < 0 ? '↑' : '↓');
                    b.addEventListener('click', function () {
                      var moved = questions.splice(i, 1)[0];
                      questions.splice(j, 0, moved);
                      render(j);
                    });
                    fs.appendChild(b);
                  });
                  var remove = el('button', { type: 'button' }, n(t.remove, i + 1));
                  remove.addEventListener('click', function () { questions.splice(i, 1); render(); });
                  fs.appendChild(remove);
                  list.appendChild(fs);
                  if (i === focusIndex) text.focus();
                });
              }
              render();
              var add = el('button', { type: 'button' }, t.addQuestion);
              add.addEventListener('click', function () {
                questions.push({ kind: 'text', text: '', required: false, options: [] });
                render(questions.length - 1);
              });
              form.appendChild(add);
              function body() {
                return { title: title.value, description: description.value, anonymous: anonymous.checked,
                  questions: questions.map(function (q) {
                    var out = { kind: q.kind, text: q.text, required: !!q.required };
                    if (q.id) out.id = q.id;
                    if (q.kind === 'single' || q.kind === 'multiple') {
                      out.options = q.options.map(function (o) { return o.trim(); }).filter(function (o) { return o; });
                    } else if (q.kind === 'scale') {
                      out.min = parseInt(q.min, 10);
                      out.max = parseInt(q.max, 10);
                      if (String(q.minLabel || '').trim()) out.minLabel = q.minLabel;
                      if (String(q.maxLabel || '').trim()) out.maxLabel = q.maxLabel;
                    }
                    return out;
                  }) };
              }
              var actions = el('div');
              var save = el('button', { type: 'submit' }, t.save);
              var publish = el('button', { type: 'button' }, t.publish);
              actions.appendChild(save);
              actions.appendChild(publish);
              form.appendChild(actions);
              form.addEventListener('submit', function (e) {
                e.preventDefault();
                send('PUT', data.surveyUrl, body()).then(function () { reload(t.saved); }, fail);
              });
              publish.addEventListener('click', function () {
                send('PUT', data.surveyUrl, body()).then(function () { return send('POST', data.publishUrl); })
                    .then(function () { reload(t.publishedMsg); }, fail);
              });
            })();
            """;

    static final String ANSWER_POLICY = policy(ANSWER_SCRIPT);
    static final String BUILDER_POLICY = policy(BUILDER_SCRIPT);
    /** The preview's: no script at all. */
    static final String PREVIEW_POLICY = "default-src 'none'; style-src '" + sha256(STYLE) + "'; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'self'";

    private SurveyPages() {
    }

    /** Only the page's own script and style run; requests go only to us; the platform may embed the page. */
    private static String policy(String script) {
        return "default-src 'none'; script-src '" + sha256(script) + "'; style-src '" + sha256(STYLE)
                + "'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'self'";
    }

    /**
     * The page that takes answers, when the survey is published; otherwise it says why it does not.
     *
     * @param respondent who is answering, or {@code null} when nobody signed in
     */
    static String answerPage(Survey survey, String respondent, Urls urls, PageTexts t) {
        StringBuilder h = new StringBuilder(8192);
        head(h, t, survey.title() + " – " + t.get("survey"));
        h.append("<main id=\"survey\" data-responses-url=\"").append(escape(urls.responses()))
                .append("\" data-msg-thanks=\"").append(escape(t.get("thanks")))
                .append("\" data-msg-replaced=\"").append(escape(t.get("replaced")))
                .append("\" data-msg-failed=\"").append(escape(t.get("failed"))).append("\">\n");
        intro(h, survey);
        h.append("<p id=\"status\" role=\"status\" aria-live=\"polite\" tabindex=\"-1\"></p>\n");
        switch (survey.status()) {
            case DRAFT -> h.append("<p>").append(escape(t.get("notOpen"))).append(" <a href=\"").append(escape(urls.builder()))
                    .append("\">").append(escape(t.get("edit"))).append("</a></p>\n");
            case CLOSED -> h.append("<p>").append(escape(t.get("closed"))).append("</p>\n");
            case PUBLISHED -> {
                if (respondent == null && !survey.anonymousAllowed()) {
                    h.append("<p>").append(escape(t.get("signedOnly"))).append("</p>\n");
                } else {
                    answerForm(h, survey, respondent, t);
                }
            }
            default -> throw new IllegalStateException("unknown status " + survey.status());
        }
        h.append("</main>\n<script>").append(ANSWER_SCRIPT).append("</script>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void answerForm(StringBuilder h, Survey survey, String respondent, PageTexts t) {
        h.append("<form id=\"answers\" novalidate>\n");
        if (respondent != null) {
            h.append("<p>").append(escape(t.format("signedAs", Map.of("name", respondent)))).append("</p>\n");
            if (survey.anonymousAllowed()) {
                h.append("<label class=\"choice\"><input type=\"checkbox\" id=\"anonymous\"> ")
                        .append(escape(t.get("answerAnonymously"))).append("</label>\n");
            }
        }
        List<Question> questions = survey.questions();
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            String base = "a-" + q.id();
            h.append("<fieldset id=\"question-").append(escape(q.id())).append("\" data-question=\"").append(escape(q.id()))
                    .append("\" data-kind=\"").append(q.kind().json).append("\"><legend id=\"").append(escape(base))
                    .append("-legend\">").append(i + 1).append(". ").append(escape(q.text()));
            if (q.required()) {
                h.append(" <span class=\"required\">(").append(escape(t.get("required"))).append(")</span>");
            }
            h.append("</legend>\n");
            switch (q.kind()) {
                case TEXT -> h.append("<textarea id=\"").append(escape(base)).append("\" rows=\"4\" maxlength=\"")
                        .append(SurveyResponse.MAX_TEXT_ANSWER).append("\" aria-labelledby=\"").append(escape(base))
                        .append("-legend\"").append(q.required() ? " required" : "").append("></textarea>\n");
                case SINGLE, MULTIPLE -> {
                    String type = q.kind() == QuestionKind.SINGLE ? "radio" : "checkbox";
                    for (Question.Option o : q.options()) {
                        h.append("<label class=\"choice\"><input type=\"").append(type).append("\" name=\"").append(escape(base))
                                .append("\" value=\"").append(escape(o.id())).append("\"> ").append(escape(o.label()))
                                .append("</label>\n");
                    }
                }
                case SCALE -> {
                    h.append("<div class=\"scale\">");
                    if (q.minLabel() != null) {
                        h.append("<span class=\"scale-label\">").append(escape(q.minLabel())).append("</span>");
                    }
                    for (int v = q.min(); v <= q.max(); v++) {
                        h.append("<label><input type=\"radio\" name=\"").append(escape(base)).append("\" value=\"").append(v)
                                .append("\"> ").append(v).append("</label>");
                    }
                    if (q.maxLabel() != null) {
                        h.append("<span class=\"scale-label\">").append(escape(q.maxLabel())).append("</span>");
                    }
                    h.append("</div>\n");
                }
                default -> throw new IllegalStateException("unknown kind " + q.kind());
            }
            h.append("</fieldset>\n");
        }
        h.append("<button type=\"submit\">").append(escape(t.get("send"))).append("</button>\n</form>\n");
        h.append("<noscript><p>").append(escape(t.get("needsScript"))).append("</p></noscript>\n");
    }

    /**
     * The builder. The survey travels to the script as a JSON data block (never run, so outside the CSP's
     * script rule); {@code <} is escaped in it so that no text can close the block.
     */
    static String builderPage(Survey survey, long version, Urls urls, PageTexts t) {
        ObjectNode data = Survey.JSON.createObjectNode();
        data.set("survey", survey.view());
        data.put("version", version);
        data.put("surveyUrl", urls.survey());
        data.put("publishUrl", urls.publish());
        data.put("closeUrl", urls.close());
        ObjectNode texts = data.putObject("texts");
        t.all().forEach(texts::put);
        String json = data.toString().replace("<", "\\u003c");

        StringBuilder h = new StringBuilder(8192);
        head(h, t, survey.title() + " – " + t.get("builder"));
        h.append("<main>\n<h1>").append(escape(t.get("builder"))).append(": ").append(escape(survey.title())).append("</h1>\n");
        h.append("<p class=\"meta\">").append(escape(t.get("status." + survey.status().json()))).append(" · <a href=\"")
                .append(escape(urls.page())).append("\">").append(escape(t.get("answerPage"))).append("</a></p>\n");
        h.append("<p id=\"status\" role=\"status\" aria-live=\"polite\"></p>\n");
        h.append("<div id=\"builder\"></div>\n");
        h.append("<noscript><p>").append(escape(t.get("editNeedsScript"))).append("</p></noscript>\n");
        h.append("</main>\n<script type=\"application/json\" id=\"survey-data\">").append(json).append("</script>\n");
        h.append("<script>").append(BUILDER_SCRIPT).append("</script>\n</body>\n</html>\n");
        return h.toString();
    }

    /** A read-only glance: title, status, counts and the first few questions. */
    static String preview(Survey survey, int responses, PageTexts t) {
        StringBuilder h = new StringBuilder(2048);
        head(h, t, survey.title() + " – " + t.get("survey"));
        h.append("<main>\n");
        intro(h, survey);
        h.append("<p class=\"meta\" id=\"summary\">").append(escape(t.get("status." + survey.status().json()))).append(" · ")
                .append(escape(t.format("questions", Map.of("n", survey.questions().size())))).append(" · ")
                .append(escape(t.format("responses", Map.of("n", responses)))).append("</p>\n");
        List<Question> questions = survey.questions();
        if (questions.isEmpty()) {
            h.append("<p>").append(escape(t.get("noQuestions"))).append("</p>\n");
        } else {
            h.append("<ol>\n");
            for (Question q : questions.subList(0, Math.min(PREVIEW_QUESTIONS, questions.size()))) {
                h.append("<li>").append(escape(q.text())).append(" <span class=\"meta\">(")
                        .append(escape(t.get("kind." + q.kind().json))).append(")</span></li>\n");
            }
            h.append("</ol>\n");
        }
        h.append("</main>\n</body>\n</html>\n");
        return h.toString();
    }

    /** Where a survey's pages and endpoints are, as absolute paths. */
    record Urls(String page, String builder, String survey, String publish, String close, String responses) {
        static Urls of(String base) {
            return new Urls(base, base + "/builder", base + "/survey", base + "/publish", base + "/close", base + "/responses");
        }
    }

    private static void intro(StringBuilder h, Survey survey) {
        h.append("<h1>").append(escape(survey.title())).append("</h1>\n");
        if (!survey.description().isEmpty()) {
            h.append("<p class=\"description\">").append(escape(survey.description())).append("</p>\n");
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
