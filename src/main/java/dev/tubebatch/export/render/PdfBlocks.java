package dev.tubebatch.export.render;

import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import java.text.Bidi;
import org.jspecify.annotations.Nullable;

/**
 * Text made fit for the combined PDF: shortened for bookmarks, cleaned of control characters and direction
 * overrides, and laid out as a block that OpenPDF shapes right to left where the text needs it; and the heading
 * that opens each section.
 */
final class PdfBlocks {

    private PdfBlocks() {}

    static String shorten(String text, int codePoints) {
        if (text.codePointCount(0, text.length()) <= codePoints) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, codePoints)).stripTrailing() + "\u2026";
    }

    /** A paragraph; text with right-to-left parts goes in a borderless cell, where OpenPDF applies bidi. */
    static Element block(String text, Font font, int alignment) {
        if (!needsBidi(text)) {
            Paragraph p = new Paragraph(PdfFonts.get().phrase(text, font));
            p.setAlignment(alignment);
            return p;
        }
        PdfPTable table = new PdfPTable(1);
        table.setWidthPercentage(100);
        PdfPCell cell = new PdfPCell(PdfFonts.get().phrase(text, font));
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(0);
        cell.setPaddingBottom(3);
        cell.setHorizontalAlignment(alignment);
        cell.setRunDirection(startsRightToLeft(text) ? PdfWriter.RUN_DIRECTION_RTL : PdfWriter.RUN_DIRECTION_LTR);
        table.addCell(cell);
        return table;
    }

    /** A section's heading inside a chapter or the digest: "Summary", "Transcript" and the like. */
    static Paragraph section(String name, PdfFonts fonts) {
        Paragraph p = new Paragraph(name, fonts.section);
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        return p;
    }

    static boolean needsBidi(String text) {
        char[] chars = text.toCharArray();
        return Bidi.requiresBidi(chars, 0, chars.length);
    }

    private static boolean startsRightToLeft(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            byte direction = Character.getDirectionality(cp);
            if (direction == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
                return false;
            }
            if (direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                    || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                return true;
            }
        }
        return false;
    }

    /** Control characters and bidi overrides out; the layout decides direction, not the title. */
    static String clean(@Nullable String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\n' || !Character.isISOControl(cp) && !(cp >= 0x202A && cp <= 0x202E)
                    && !(cp >= 0x2066 && cp <= 0x2069)) {
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }
}
