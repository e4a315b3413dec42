package eu.interlink.contributions.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.text.Normalizer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.font.encoding.GlyphList;

import eu.interlink.contributions.Certificate;
import eu.interlink.contributions.Claim;
import eu.interlink.contributions.ContributionKind;

/**
 * The certificate as an A4 PDF, laid out by hand with PDFBox. The fonts are PDF's standard Helvetica, so nothing is
 * embedded or shipped: with Windows-1252 for English, Spanish and Italian, and for Latvian an encoding whose upper
 * half is Windows-1257's (ā, ē, ī, ū, ģ, ķ, ļ, ņ, č…), whose glyphs Helvetica has. A character the font cannot show
 * in what users wrote loses its accent, or becomes "?"; the HTML page shows every character.
 */
final class PdfCertificate {
    private static final float MARGIN = 56;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final float[] COLUMNS = {0.24f, 0.40f, 0.14f, 0.08f, 0.14f};

    private PdfCertificate() {
    }

    static byte[] render(Certificate c, String lang) {
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag(lang));
        // The table's narrow column takes the short form.
        DateTimeFormatter days = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.forLanguageTag(lang));
        try (PDDocument doc = new PDDocument()) {
            Page out = new Page(doc, font(lang, false), font(lang, true));
            out.line(Labels.word(lang, "title"), out.bold, 22, 10);
            String intro = Labels.word(lang, "intro").replace("{user}", c.user()).replace("{process}", c.processName());
            out.line(intro, out.regular, 11, 8);
            out.line(Labels.word(lang, "period") + ": " + CertificateComponent.range(c.processStart(), c.processEnd(), dates), out.regular, 10.5f, 2);
            out.line(Labels.word(lang, "contributed") + ": " + CertificateComponent.range(c.from(), c.to(), dates), out.regular, 10.5f, 14);

            out.line(Labels.word(lang, "points"), out.bold, 13, 4);
            for (ContributionKind k : ContributionKind.values()) {
                out.row(new String[] {Labels.word(lang, k.label()), String.valueOf(c.points().getOrDefault(k, 0))}, new float[] {0.4f, 0.1f}, false);
            }
            out.row(new String[] {Labels.word(lang, "total"), String.valueOf(c.total())}, new float[] {0.4f, 0.1f}, true);
            out.space(14);

            out.line(Labels.word(lang, "contributed"), out.bold, 13, 4);
            if (c.items().isEmpty()) {
                out.line(Labels.word(lang, "none"), out.regular, 10.5f, 0);
            } else {
                out.row(new String[] {Labels.word(lang, "task"), Labels.word(lang, "what"), Labels.word(lang, "kind"),
                    Labels.word(lang, "points").split(" ")[0], Labels.word(lang, "approved")}, COLUMNS, true);
                for (Certificate.Item item : c.items()) {
                    Claim claim = item.claim();
                    out.row(new String[] {CertificateComponent.name(item.taskName(), lang), claim.description(), Labels.word(lang, claim.kind().label()),
                        String.valueOf(claim.points()), claim.decidedAt().map(t -> days.format(t.atZone(ZoneOffset.UTC).toLocalDate())).orElse("")},
                            COLUMNS, false);
                }
            }
            out.space(24);
            out.line(Labels.word(lang, "issued") + " " + dates.format(c.issuedAt().atZone(ZoneOffset.UTC).toLocalDate()) + " - "
                    + Labels.word(lang, "process") + " " + c.processId(), out.regular, 8.5f, 0);
            out.close();

            doc.getDocumentInformation().setTitle(Labels.word(lang, "title") + " - " + c.user() + " - " + c.processName());
            doc.getDocumentInformation().setCreator("Interlink");
            Calendar issued = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            issued.setTimeInMillis(c.issuedAt().toEpochMilli());
            doc.getDocumentInformation().setCreationDate(issued);
            doc.getDocumentCatalog().setLanguage(lang);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(8 * 1024);
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Helvetica (bold or not) in the encoding of the language (see the class comment). */
    static PDFont font(String lang, boolean bold) throws IOException {
        Standard14Fonts.FontName name = bold ? Standard14Fonts.FontName.HELVETICA_BOLD : Standard14Fonts.FontName.HELVETICA;
        if (!lang.equals("lv")) return new PDType1Font(name);
        Charset baltic = Charset.forName("windows-1257");
        Charset western = Charset.forName("windows-1252");
        COSArray differences = new COSArray();
        for (int code = 128; code < 256; code++) {
            String b = baltic.decode(ByteBuffer.wrap(new byte[] {(byte) code})).toString();
            String w = western.decode(ByteBuffer.wrap(new byte[] {(byte) code})).toString();
            if (b.equals(w) || b.charAt(0) == '\uFFFD') continue;
            String glyph = GlyphList.getAdobeGlyphList().codePointToName(b.codePointAt(0));
            if (glyph == null || glyph.equals(".notdef")) continue;
            differences.add(COSInteger.get(code));
            differences.add(COSName.getPDFName(glyph));
        }
        COSDictionary encoding = new COSDictionary();
        encoding.setItem(COSName.TYPE, COSName.ENCODING);
        encoding.setItem(COSName.BASE_ENCODING, COSName.WIN_ANSI_ENCODING);
        encoding.setItem(COSName.DIFFERENCES, differences);
        COSDictionary font = new COSDictionary();
        font.setItem(COSName.TYPE, COSName.FONT);
        font.setItem(COSName.SUBTYPE, COSName.TYPE1);
        font.setName(COSName.BASE_FONT, name.getName());
        font.setItem(COSName.ENCODING, encoding);
        return new PDType1Font(font);
    }

    /** What the font can show of {@code text}: accents dropped where needed, "?" for the rest, no control characters. */
    static String printable(PDFont font, String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String ch = Character.isISOControl(cp) || Character.isWhitespace(cp) ? " " : new String(Character.toChars(cp));
            if (!encodable(font, ch)) {
                String bare = Normalizer.normalize(ch, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
                ch = !bare.isEmpty() && encodable(font, bare) ? bare : "?";
            }
            out.append(ch);
        });
        return out.toString();
    }

    private static boolean encodable(PDFont font, String s) {
        try {
            font.encode(s);
            return true;
        } catch (IOException | IllegalArgumentException no) {
            return false;
        }
    }

    /** Writes top-down, starting a new page when the next line does not fit. */
    private static final class Page {
        final PDDocument doc;
        final PDFont regular;
        final PDFont bold;
        PDPageContentStream stream;
        float y;

        Page(PDDocument doc, PDFont regular, PDFont bold) throws IOException {
            this.doc = doc;
            this.regular = regular;
            this.bold = bold;
            next();
        }

        private void next() throws IOException {
            if (stream != null) stream.close();
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            stream = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void space(float points) {
            y -= points;
        }

        /** A paragraph across the page, wrapped, then {@code after} points of space. */
        void line(String text, PDFont font, float size, float after) throws IOException {
            for (String l : wrap(printable(font, text), font, size, WIDTH)) {
                fit(size * 1.35f);
                show(l, font, size, MARGIN);
                y -= size * 1.35f;
            }
            y -= after;
        }

        /** One table row: cells wrapped in their column (fractions of the width), a rule below; numbers right-aligned. */
        void row(String[] cells, float[] columns, boolean strong) throws IOException {
            PDFont font = strong ? bold : regular;
            float size = 10;
            float leading = size * 1.3f;
            List<List<String>> wrapped = new ArrayList<>();
            int lines = 1;
            for (int i = 0; i < cells.length; i++) {
                List<String> w = wrap(printable(font, cells[i] == null ? "" : cells[i]), font, size, columns[i] * WIDTH - 8);
                wrapped.add(w);
                lines = Math.max(lines, w.size());
            }
            fit(lines * leading + 8);
            float top = y;
            float x = MARGIN;
            float total = 0;
            for (int i = 0; i < cells.length; i++) {
                y = top;
                boolean number = cells[i] != null && cells[i].matches("\\d+");
                for (String l : wrapped.get(i)) {
                    float at = number ? x + columns[i] * WIDTH - 8 - font.getStringWidth(l) / 1000 * size : x;
                    show(l, font, size, at);
                    y -= leading;
                }
                x += columns[i] * WIDTH;
                total += columns[i];
            }
            y = top - lines * leading;
            stream.setStrokingColor(0.78f, 0.78f, 0.8f);
            stream.setLineWidth(0.5f);
            stream.moveTo(MARGIN, y - 2);
            stream.lineTo(MARGIN + total * WIDTH, y - 2);
            stream.stroke();
            y -= 5;
        }

        private void show(String text, PDFont font, float size, float x) throws IOException {
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(x, y - size);
            stream.showText(text);
            stream.endText();
        }

        private void fit(float height) throws IOException {
            if (y - height < MARGIN) next();
        }

        void close() throws IOException {
            stream.close();
        }

        private static List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (font.getStringWidth(candidate) / 1000 * size <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (line.length() > 0) lines.add(line.toString());
                line.setLength(0);
                // A word longer than the column is cut where it overflows.
                String rest = word;
                while (font.getStringWidth(rest) / 1000 * size > width && rest.length() > 1) {
                    int n = rest.length() - 1;
                    while (n > 1 && font.getStringWidth(rest.substring(0, n)) / 1000 * size > width) n--;
                    lines.add(rest.substring(0, n));
                    rest = rest.substring(n);
                }
                line.append(rest);
            }
            if (line.length() > 0 || lines.isEmpty()) lines.add(line.toString());
            return lines;
        }
    }
}
