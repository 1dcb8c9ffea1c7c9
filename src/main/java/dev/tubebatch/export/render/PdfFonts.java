package dev.tubebatch.export.render;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Font;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.FontSelector;

/**
 * The fonts of {@link CombinedPdf}: the bundled DejaVu Sans (Latin, Greek, Cyrillic, Arabic, Hebrew and more) in the
 * sizes and colours the layout uses, loaded once (a BaseFont is shared; each PDF embeds the subset it uses). Text
 * with characters DejaVu lacks (Chinese, Japanese, Korean) falls back to the standard CJK fonts PDF viewers supply
 * (STSong-Light, HeiseiKakuGo-W5, HYGoThic-Medium: referenced, not embedded, so nothing more is bundled).
 */
final class PdfFonts {

    private static final Color GREY = new Color(0x66, 0x66, 0x66);
    private static final Color LINK = new Color(0x1a, 0x55, 0xb0);

    private static volatile @Nullable PdfFonts instance;

    final BaseFont regular;
    final BaseFont bold;
    final Font title;
    final Font heading;
    final Font section;
    final Font body;
    final Font grey;
    final Font time;
    final Font link;
    final Font toc;
    final Font tocGrey;

    private final List<BaseFont> fallbacks = new ArrayList<>();

    private PdfFonts() {
        for (String[] cjk : new String[][] {{"STSong-Light", "UniGB-UCS2-H"}, {"HeiseiKakuGo-W5", "UniJIS-UCS2-H"},
                {"HYGoThic-Medium", "UniKS-UCS2-H"}}) {
            try {
                fallbacks.add(BaseFont.createFont(cjk[0], cjk[1], BaseFont.NOT_EMBEDDED));
            } catch (IOException | RuntimeException e) {
                // Without the CJK tables in the OpenPDF jar those characters are left out, as before.
            }
        }
        regular = load("DejaVuSans.ttf");
        bold = load("DejaVuSans-Bold.ttf");
        title = new Font(bold, 22);
        heading = new Font(bold, 15);
        section = new Font(bold, 11.5f);
        body = new Font(regular, 10);
        grey = new Font(regular, 9.5f, Font.NORMAL, GREY);
        time = new Font(regular, 8.5f, Font.NORMAL, GREY);
        link = new Font(regular, 10, Font.UNDERLINE, LINK);
        toc = new Font(regular, 10);
        tocGrey = new Font(regular, 10, Font.NORMAL, GREY);
    }

    static PdfFonts get() {
        PdfFonts fonts = instance;
        if (fonts == null) {
            synchronized (PdfFonts.class) {
                if (instance == null) {
                    instance = new PdfFonts();
                }
                fonts = instance;
            }
        }
        return fonts;
    }

    /** The text in {@code font}, with characters the font lacks set in a fallback that has them. */
    Phrase phrase(String text, Font font) {
        BaseFont base = font.getBaseFont();
        if (fallbacks.isEmpty() || covers(base, text)) {
            return new Phrase(text, font);
        }
        FontSelector selector = new FontSelector();
        selector.addFont(font);
        for (BaseFont fallback : fallbacks) {
            selector.addFont(new Font(fallback, font.getSize(), font.getStyle() & ~Font.BOLD, font.getColor()));
        }
        return selector.process(text);
    }

    /** The width of a line of text in points, each character in the font that will set it. */
    float width(String text, float size) {
        float width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            BaseFont font = regular;
            if (!regular.charExists(cp)) {
                for (BaseFont fallback : fallbacks) {
                    if (fallback.charExists(cp)) {
                        font = fallback;
                        break;
                    }
                }
            }
            width += font.getWidthPoint(cp, size);
        }
        return width;
    }

    /** The longest prefix of {@code text} that fits {@code width} points, with an ellipsis if cut. */
    String fit(String text, float size, float width) {
        if (width(text, size) <= width) {
            return text;
        }
        float ellipsis = width("\u2026", size);
        int end = text.length();
        while (end > 0 && width(text.substring(0, end), size) + ellipsis > width) {
            end = Character.isLowSurrogate(text.charAt(end - 1)) && end > 1 ? end - 2 : end - 1;
        }
        return text.substring(0, end).stripTrailing() + "\u2026";
    }

    private static boolean covers(BaseFont font, String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp >= 0x1100 && !Character.isWhitespace(cp) && !font.charExists(cp)) {
                return false;
            }
        }
        return true;
    }

    private static BaseFont load(String name) {
        try (InputStream in = PdfFonts.class.getResourceAsStream("/fonts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("The bundled font /fonts/" + name + " is missing from the build");
            }
            return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the bundled font " + name, e);
        } catch (DocumentException e) {
            throw new IllegalStateException("Could not load the bundled font " + name, e);
        }
    }
}
