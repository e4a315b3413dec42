package eu.interlink.interlinker.survey;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import eu.interlink.api.AssetExport;
import eu.interlink.api.DocumentStore;

/**
 * A survey's answers as CSV (RFC 4180): a header row (response, respondent, submitted, then each question's
 * text), then one row per answer, in the order of the answers' ids. Choices are written as their labels, several
 * joined by "; ". Rows are read from the store one at a time as they are written, so a large survey is streamed,
 * never held whole; the kernel keeps the asset's context open while the export is written.
 */
final class CsvExport implements AssetExport {
    static final String CONTENT_TYPE = "text/csv; charset=utf-8; header=present";
    private static final int MAX_SLUG = 60;
    /** What a spreadsheet would take for a formula, or for the start of one (OWASP's list). */
    private static final Pattern FORMULA = Pattern.compile("^[=+\\-@\\t\\r].*", Pattern.DOTALL);
    /** A plain number is data, not a formula, even when negative: it keeps its value in a spreadsheet. */
    private static final Pattern NUMBER = Pattern.compile("-?\\d+");

    private final Survey survey;
    private final DocumentStore store;
    private final List<String> keys;

    /** @param keys the documents of the answers to write, in order */
    CsvExport(Survey survey, DocumentStore store, List<String> keys) {
        this.survey = survey;
        this.store = store;
        this.keys = List.copyOf(keys);
    }

    @Override
    public String fileName() {
        return slug(survey.title()) + ".csv";
    }

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        List<String> header = new ArrayList<>(List.of("response", "respondent", "submitted"));
        survey.questions().forEach(q -> header.add(q.text()));
        row(w, header);
        for (String key : keys) {
            // An answer deleted since the keys were listed (only with its asset) is simply not written.
            var document = store.get(key);
            if (document.isPresent()) {
                row(w, cells(SurveyResponse.fromJson(document.get().json())));
            }
        }
        w.flush();
    }

    List<String> cells(SurveyResponse response) {
        List<String> cells = new ArrayList<>();
        cells.add(response.id());
        cells.add(response.respondent() == null ? "" : response.respondent());
        cells.add(response.submittedAt());
        for (Question q : survey.questions()) {
            JsonNode value = response.answers().get(q.id());
            if (value == null || value.isNull()) {
                cells.add("");
            } else if (q.kind().hasOptions()) {
                cells.add(SurveyResponse.chosen(value).stream().map(q::label).collect(Collectors.joining("; ")));
            } else {
                cells.add(value.asText());
            }
        }
        return cells;
    }

    static void row(Writer w, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(cell(cells.get(i)));
        }
        w.write("\r\n");
    }

    /**
     * One field: a text a spreadsheet would run as a formula gets a leading apostrophe (CSV injection); a field
     * with a comma, a quote or a line break is quoted, its quotes doubled.
     */
    static String cell(String value) {
        String v = value;
        if (FORMULA.matcher(v).matches() && !NUMBER.matcher(v).matches()) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    /** A file name that survives every OS and browser: ASCII letters, digits and hyphens. */
    static String slug(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_SLUG) {
            slug = slug.substring(0, MAX_SLUG).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "survey" : slug;
    }
}
