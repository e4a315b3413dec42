package eu.interlink.contributions.internal;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import eu.interlink.contributions.Certificate;
import eu.interlink.contributions.Claim;
import eu.interlink.contributions.ContributionKind;

/**
 * The certificate as an A4 PDF with OpenPDF. The fonts are PDF's standard Helvetica (nothing to embed or ship) in
 * an 8-bit encoding per language: Windows-1257 for Latvian (ā, ē, ī, ū, ģ, ķ, ļ, ņ…), Windows-1252 for the others.
 * A character outside the language's encoding in what users wrote is left out; the HTML page has every one.
 */
final class PdfCertificate {
    private PdfCertificate() {
    }

    static byte[] render(Certificate c, String lang) {
        Locale locale = Locale.forLanguageTag(lang);
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        String encoding = lang.equals("lv") ? "Cp1257" : BaseFont.CP1252;
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        Document doc = new Document(PageSize.A4, 56, 56, 56, 56);
        try {
            BaseFont regular = BaseFont.createFont(BaseFont.HELVETICA, encoding, BaseFont.NOT_EMBEDDED);
            BaseFont bold = BaseFont.createFont(BaseFont.HELVETICA_BOLD, encoding, BaseFont.NOT_EMBEDDED);
            Font title = new Font(bold, 22);
            Font heading = new Font(bold, 13);
            Font text = new Font(regular, 10.5f);
            Font strong = new Font(bold, 10.5f);
            Font small = new Font(regular, 8.5f, Font.NORMAL, new Color(0x55, 0x55, 0x55));
            PdfWriter.getInstance(doc, out);
            doc.addTitle(Labels.word(lang, "title") + " - " + c.user() + " - " + c.processName());
            doc.addCreator("Interlink");
            doc.open();

            Paragraph head = new Paragraph(Labels.word(lang, "title"), title);
            head.setSpacingAfter(10);
            doc.add(head);
            String[] intro = Labels.word(lang, "intro").split("\\{user\\}|\\{process\\}", -1);
            Paragraph p = new Paragraph();
            p.add(new Phrase(intro[0], text));
            p.add(new Phrase(c.user(), strong));
            p.add(new Phrase(intro.length > 1 ? intro[1] : " ", text));
            p.add(new Phrase(c.processName(), strong));
            if (intro.length > 2) p.add(new Phrase(intro[2], text));
            p.setSpacingAfter(8);
            doc.add(p);
            doc.add(new Paragraph(Labels.word(lang, "period") + ": " + CertificateComponent.range(c.processStart(), c.processEnd(), dates), text));
            doc.add(new Paragraph(Labels.word(lang, "contributed") + ": " + CertificateComponent.range(c.from(), c.to(), dates), text));

            section(doc, Labels.word(lang, "points"), heading);
            PdfPTable points = new PdfPTable(new float[] {4, 1});
            points.setWidthPercentage(60);
            points.setHorizontalAlignment(Element.ALIGN_LEFT);
            for (ContributionKind k : ContributionKind.values()) {
                points.addCell(cell(Labels.word(lang, k.label()), text, false));
                points.addCell(cell(String.valueOf(c.points().getOrDefault(k, 0)), text, true));
            }
            points.addCell(cell(Labels.word(lang, "total"), strong, false));
            points.addCell(cell(String.valueOf(c.total()), strong, true));
            doc.add(points);

            section(doc, Labels.word(lang, "contributed"), heading);
            if (c.items().isEmpty()) {
                doc.add(new Paragraph(Labels.word(lang, "none"), text));
            } else {
                PdfPTable items = new PdfPTable(new float[] {3, 5, 2, 1, 2});
                items.setWidthPercentage(100);
                items.setHeaderRows(1);
                for (String key : new String[] {"task", "what", "kind", "points", "approved"}) {
                    items.addCell(cell(key.equals("points") ? Labels.word(lang, key).split(" ")[0] : Labels.word(lang, key), strong, key.equals("points")));
                }
                for (Certificate.Item item : c.items()) {
                    Claim claim = item.claim();
                    items.addCell(cell(CertificateComponent.name(item.taskName(), lang), text, false));
                    items.addCell(cell(claim.description(), text, false));
                    items.addCell(cell(Labels.word(lang, claim.kind().label()), text, false));
                    items.addCell(cell(String.valueOf(claim.points()), text, true));
                    items.addCell(cell(claim.decidedAt().map(t -> dates.format(t.atZone(ZoneOffset.UTC).toLocalDate())).orElse(""), text, false));
                }
                doc.add(items);
            }
            Paragraph foot = new Paragraph(Labels.word(lang, "issued") + " " + dates.format(c.issuedAt().atZone(ZoneOffset.UTC).toLocalDate()) + " - "
                    + Labels.word(lang, "process") + " " + c.processId(), small);
            foot.setSpacingBefore(24);
            doc.add(foot);
            doc.addCreationDate();
            doc.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (doc.isOpen()) doc.close();
        }
        return out.toByteArray();
    }

    private static void section(Document doc, String title, Font font) {
        Paragraph p = new Paragraph(title, font);
        p.setSpacingBefore(16);
        p.setSpacingAfter(6);
        doc.add(p);
    }

    private static PdfPCell cell(String value, Font font, boolean number) {
        PdfPCell cell = new PdfPCell(new Phrase(value == null ? "" : value, font));
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(new Color(0xc7, 0xc7, 0xcc));
        cell.setPadding(4);
        if (number) cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return cell;
    }

}
