package dev.tubebatch.export.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.SimpleBookmark;

/** Reads a PDF back: poppler's pdftotext for the text of a page, OpenPDF's reader for the outline. */
public final class PdfText {

    private PdfText() {}

    /** The text of one page (1-based), as pdftotext lays it out. */
    public static String page(Path pdf, int page) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("pdftotext", "-enc", "UTF-8", "-f", Integer.toString(page), "-l",
                Integer.toString(page), pdf.toString(), "-").redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("pdftotext failed: " + text);
        }
        return text;
    }

    /** A bookmark of the outline: its title and the page it opens. */
    public record Bookmark(String title, int page) {}

    public static List<Bookmark> outline(Path pdf) throws IOException {
        try (PdfReader reader = new PdfReader(pdf.toString())) {
            List<Map<String, Object>> list = SimpleBookmark.getBookmarkList(reader);
            List<Bookmark> out = new ArrayList<>();
            if (list != null) {
                for (Map<String, Object> entry : list) {
                    String target = String.valueOf(entry.get("Page"));
                    out.add(new Bookmark((String) entry.get("Title"), Integer.parseInt(target.split(" ")[0])));
                }
            }
            return out;
        }
    }

    public static int pages(Path pdf) throws IOException {
        try (PdfReader reader = new PdfReader(pdf.toString())) {
            return reader.getNumberOfPages();
        }
    }
}
