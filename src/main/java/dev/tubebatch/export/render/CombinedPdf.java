package dev.tubebatch.export.render;

import dev.tubebatch.batch.ItemStatus;
import dev.tubebatch.batch.VideoItem;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfWriter;

/**
 * {@code combined.pdf}: a cover with the batch's name and figures (then its digest, if it has one), a table of
 * contents with page numbers and links, then one chapter per video (title, channel, link, summary, key points, the
 * transcript with timestamps), each with a bookmark in the PDF outline. Text is set in {@link PdfFonts};
 * right-to-left text is laid out with the Unicode bidi algorithm. This class assembles the document and draws the
 * contents; {@link PdfFrontPages} writes the cover and digest, {@link PdfVideoChapter} each video's chapter.
 *
 * <p>The contents are drawn at fixed line positions after the chapters (so their page count is known in advance)
 * and then moved behind the cover, which keeps the PDF a single pass.
 */
public final class CombinedPdf {
    // One instance writes one PDF: open (cover), add each video in order, finish (contents, close).

    private static final Rectangle PAGE = PageSize.A4;
    private static final float MARGIN = 50;
    private static final float TOC_LINE = 16;
    private static final int TOC_HEADER_LINES = 3;

    private final BatchSnapshot snapshot;
    private final PdfFonts fonts = PdfFonts.get();
    private final Document document = new Document(PAGE, MARGIN, MARGIN, MARGIN, MARGIN);
    private final PdfWriter writer;
    private final ChapterPages chapterPages = new ChapterPages();
    private int added;

    /** Starts the PDF of a snapshot (its videos' texts need not be loaded) and writes the cover and digest. */
    private CombinedPdf(BatchSnapshot snapshot, OutputStream out) throws DocumentException {
        this.snapshot = snapshot;
        writer = PdfWriter.getInstance(document, out);
        writer.setLinearPageMode();
        writer.setViewerPreferences(PdfWriter.PageModeUseOutlines);
        writer.setPageEvent(chapterPages);
        document.addTitle(PdfBlocks.clean(snapshot.batch().name()));
        document.addCreator("tubebatch");
        document.open();
        PdfFrontPages.cover(document, snapshot, fonts);
        if (snapshot.digest() != null) {
            document.newPage();
            PdfFrontPages.digest(document, snapshot.digest(), fonts);
        }
    }

    public static CombinedPdf open(BatchSnapshot snapshot, OutputStream out) {
        try {
            return new CombinedPdf(snapshot, out);
        } catch (DocumentException e) {
            throw new IllegalStateException("Could not start the combined PDF of " + snapshot.batch().id(), e);
        }
    }

    /** Adds the next video's chapter; videos come in the snapshot's order, with their texts. */
    public void add(BatchSnapshot.Video video) {
        if (added >= snapshot.videos().size()
                || !snapshot.videos().get(added).item().id().equals(video.item().id())) {
            throw new IllegalStateException("Videos must be added in the snapshot's order");
        }
        try {
            document.add(PdfVideoChapter.chapter(video, fonts));
        } catch (DocumentException e) {
            throw new IllegalStateException("Could not add video " + video.item().videoId() + " to the PDF", e);
        }
        added++;
    }

    /** Writes the contents, moves them behind the cover and closes the document. */
    public void finish() {
        if (added != snapshot.videos().size()) {
            throw new IllegalStateException("The PDF got " + added + " of " + snapshot.videos().size() + " videos");
        }
        try {
            document.newPage();
            int tocStart = writer.getPageNumber();
            int tocPages = tocPages(snapshot.videos().size());
            contents(writer, document, snapshot, chapterPages.pages, tocPages, fonts);
            document.newPage();
            int total = writer.reorderPages(null);
            int[] order = new int[total];
            int next = 0;
            order[next++] = 1;
            for (int p = tocStart; p <= total; p++) {
                order[next++] = p;
            }
            for (int p = 2; p < tocStart; p++) {
                order[next++] = p;
            }
            writer.reorderPages(order);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("Could not finish the combined PDF of " + snapshot.batch().id(), e);
        }
    }

    /** The whole PDF of a snapshot whose videos hold their texts. */
    public static void write(BatchSnapshot snapshot, OutputStream out) {
        CombinedPdf pdf = open(snapshot, out);
        snapshot.videos().forEach(pdf::add);
        pdf.finish();
    }

    /**
     * The contents: one line per video with its page number and a link, at fixed positions so the page count is
     * {@link #tocPages(int)}. Page numbers are those after the contents are moved behind the cover.
     */
    private static void contents(PdfWriter writer, Document document, BatchSnapshot snapshot, List<Integer> pages,
            int tocPages, PdfFonts fonts) {
        int perPage = linesPerPage();
        float left = PAGE.getLeft() + MARGIN;
        float right = PAGE.getRight() - MARGIN;
        float top = PAGE.getTop() - MARGIN;
        PdfContentByte canvas = writer.getDirectContent();
        ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase("Contents", fonts.title), left,
                top - 24, 0);
        if (snapshot.videos().isEmpty()) {
            ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase("This batch has no videos.",
                    fonts.body), left, top - TOC_HEADER_LINES * TOC_LINE - 12, 0);
            return;
        }
        int line = TOC_HEADER_LINES;
        for (int i = 0; i < snapshot.videos().size(); i++) {
            if (line == perPage) {
                document.newPage();
                canvas = writer.getDirectContent();
                line = 0;
            }
            VideoItem item = snapshot.videos().get(i).item();
            float y = top - (line + 1) * TOC_LINE;
            String page = Integer.toString(pages.get(i) + tocPages);
            float pageWidth = fonts.regular.getWidthPoint(page, 10);
            String prefix = item.position() + ". ";
            float prefixWidth = fonts.regular.getWidthPoint(prefix, 10);
            String title = fonts.fit(PdfBlocks.clean(item.displayTitle()), 10, right - left - prefixWidth - pageWidth - 16);
            Font font = item.status() == ItemStatus.COMPLETED ? fonts.toc : fonts.tocGrey;
            ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(prefix, font), left, y, 0);
            ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, fonts.phrase(title, font), left + prefixWidth, y, 0,
                    PdfBlocks.needsBidi(title) ? PdfWriter.RUN_DIRECTION_LTR : PdfWriter.RUN_DIRECTION_NO_BIDI, 0);
            ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT, new Phrase(page, font), right, y, 0);
            canvas.localGoto(PdfVideoChapter.destination(item), left, y - 4, right, y + 11);
            line++;
        }
    }

    static int linesPerPage() {
        return (int) ((PAGE.getHeight() - 2 * MARGIN) / TOC_LINE) - 1;
    }

    /** Pages the contents take for {@code videos} lines. */
    static int tocPages(int videos) {
        int perPage = linesPerPage();
        int first = perPage - TOC_HEADER_LINES;
        return videos <= first ? 1 : 1 + (videos - first + perPage - 1) / perPage;
    }

    /** Records the page on which each chapter starts, in order. */
    private static final class ChapterPages extends PdfPageEventHelper {
        final List<Integer> pages = new ArrayList<>();

        @Override
        public void onChapter(PdfWriter writer, Document document, float position, Paragraph title) {
            pages.add(writer.getPageNumber());
        }
    }
}
