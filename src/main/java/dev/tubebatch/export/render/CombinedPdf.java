package dev.tubebatch.export.render;

import dev.tubebatch.format.Durations;
import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchDigest;
import dev.tubebatch.batch.ChapterSummary;
import dev.tubebatch.batch.Summary;
import dev.tubebatch.batch.ItemStatus;
import dev.tubebatch.batch.Segment;
import dev.tubebatch.batch.Step;
import dev.tubebatch.batch.VideoItem;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openpdf.text.Anchor;
import org.openpdf.text.Chapter;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.ListItem;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfWriter;

/**
 * {@code combined.pdf}: a cover with the batch's name and figures, a table of contents with page numbers and links,
 * then one chapter per video (title, channel, link, summary, key points, the transcript with timestamps), each with a
 * bookmark in the PDF outline. Text is set in {@link PdfFonts}; right-to-left text is laid out with the Unicode bidi
 * algorithm.
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
    /** Outline entries longer than this many characters are cut (a viewer's sidebar shows a line or two). */
    public static final int BOOKMARK_LENGTH = 120;

    private final BatchSnapshot snapshot;
    private final PdfFonts fonts = PdfFonts.get();
    private final Document document = new Document(PAGE, MARGIN, MARGIN, MARGIN, MARGIN);
    private final PdfWriter writer;
    private final ChapterPages chapterPages = new ChapterPages();
    private int added;

    /** Starts the PDF of a snapshot (its videos' texts need not be loaded) and writes the cover. */
    private CombinedPdf(BatchSnapshot snapshot, OutputStream out) throws DocumentException {
        this.snapshot = snapshot;
        writer = PdfWriter.getInstance(document, out);
        writer.setLinearPageMode();
        writer.setViewerPreferences(PdfWriter.PageModeUseOutlines);
        writer.setPageEvent(chapterPages);
        document.addTitle(PdfBlocks.clean(snapshot.batch().name()));
        document.addCreator("tubebatch");
        document.open();
        cover(document, snapshot, fonts);
        if (snapshot.digest() != null) {
            document.newPage();
            digest(document, snapshot.digest(), fonts);
        }
    }

    /** The digest in front of the videos: the common themes, then a line per video under its linked title. */
    private static void digest(Document document, BatchDigest digest, PdfFonts fonts) throws DocumentException {
        document.add(section("Digest", fonts));
        document.add(new Paragraph("Common themes", fonts.grey));
        org.openpdf.text.List themes = new org.openpdf.text.List(false, 12);
        themes.setListSymbol(new Chunk("\u2022", fonts.body));
        for (String theme : digest.themes()) {
            themes.add(new ListItem(fonts.phrase(PdfBlocks.clean(TranscriptFormats.oneLine(theme)), fonts.body)));
        }
        document.add(themes);
        document.add(new Paragraph("Videos", fonts.grey));
        for (BatchDigest.Line line : digest.lines()) {
            Paragraph p = new Paragraph();
            p.setLeading(14);
            Phrase title = fonts.phrase(PdfBlocks.clean(TranscriptFormats.oneLine(line.title())) + ": ", fonts.body);
            for (Element part : title) {
                if (part instanceof Chunk chunk) {
                    chunk.setAnchor(line.link());
                }
            }
            p.add(title);
            p.add(fonts.phrase(PdfBlocks.clean(TranscriptFormats.oneLine(line.line())), fonts.body));
            document.add(p);
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
            document.add(chapter(video, fonts));
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

    private static void cover(Document document, BatchSnapshot snapshot, PdfFonts fonts) throws DocumentException {
        Batch batch = snapshot.batch();
        document.add(new Paragraph(120, ""));
        document.add(PdfBlocks.block(PdfBlocks.clean(batch.name()), fonts.title, Element.ALIGN_CENTER));
        Paragraph subtitle = new Paragraph("Transcripts and summaries", fonts.grey);
        subtitle.setAlignment(Element.ALIGN_CENTER);
        subtitle.setSpacingAfter(40);
        document.add(subtitle);
        long completed = snapshot.count(ItemStatus.COMPLETED);
        long failed = snapshot.count(ItemStatus.FAILED);
        long cancelled = snapshot.count(ItemStatus.CANCELLED);
        List<String> lines = new ArrayList<>();
        lines.add("Videos: " + snapshot.videos().size() + "   completed: " + completed + "   failed: " + failed
                + (cancelled > 0 ? "   cancelled: " + cancelled : "")
                + "   not finished: " + (snapshot.videos().size() - completed - failed - cancelled));
        lines.add("Status: " + batch.status().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        lines.add("Created: " + Json.time(batch.createdAt()) + " by " + PdfBlocks.clean(batch.createdBy()));
        if (batch.finishedAt() != null) {
            double wall = ReportFacts.secondsBetween(batch.startedAt() != null ? batch.startedAt()
                    : batch.createdAt(), batch.finishedAt());
            lines.add("Finished: " + Json.time(batch.finishedAt()) + " (wall time "
                    + Durations.timestamp(wall) + ")");
            if (wall > 0) {
                lines.add(String.format(Locale.ROOT, "Throughput: %.1f videos per minute",
                        (completed + failed) * 60 / wall));
            }
        }
        double minutes = snapshot.videos().stream().map(BatchSnapshot.Video::item)
                .filter(i -> i.status() == ItemStatus.COMPLETED && i.durationSeconds() != null)
                .mapToInt(VideoItem::durationSeconds).sum() / 60.0;
        if (minutes > 0) {
            lines.add(String.format(Locale.ROOT, "Video time transcribed: %.0f minutes", minutes));
        }
        for (String line : lines) {
            Paragraph p = new Paragraph(line, fonts.body);
            p.setAlignment(Element.ALIGN_CENTER);
            p.setSpacingAfter(4);
            document.add(p);
        }
    }

    private static Chapter chapter(BatchSnapshot.Video video, PdfFonts fonts) {
        VideoItem item = video.item();
        String title = PdfBlocks.clean(item.displayTitle());
        boolean bidiTitle = PdfBlocks.needsBidi(title);
        Paragraph heading = new Paragraph();
        Chunk anchor = new Chunk(item.position() + ". ", fonts.heading);
        anchor.setLocalDestination(destination(item));
        heading.add(anchor);
        if (!bidiTitle) {
            heading.add(fonts.phrase(title, fonts.heading));
        }
        Chapter chapter = new Chapter(heading, item.position());
        chapter.setNumberDepth(0);
        chapter.setBookmarkTitle(item.position() + ". " + PdfBlocks.shorten(title, BOOKMARK_LENGTH));
        chapter.setBookmarkOpen(false);
        if (bidiTitle) {
            chapter.add(PdfBlocks.block(title, fonts.heading, Element.ALIGN_LEFT));
        }

        Paragraph facts = new Paragraph();
        facts.setSpacingBefore(4);
        facts.setLeading(14);
        if (item.channel() != null) {
            facts.add(new Chunk("Channel: ", fonts.grey));
            facts.add(fonts.phrase(PdfBlocks.clean(item.channel()) + "\n", fonts.body));
        }
        facts.add(new Chunk("Link: ", fonts.grey));
        Anchor link = new Anchor(item.url(), fonts.link);
        link.setReference(item.url());
        facts.add(link);
        facts.add(Chunk.NEWLINE);
        StringBuilder details = new StringBuilder();
        if (item.durationSeconds() != null) {
            details.append("Duration ").append(Durations.timestamp(item.durationSeconds())).append("   ");
        }
        if (item.uploadDate() != null) {
            details.append("Uploaded ").append(item.uploadDate()).append("   ");
        }
        details.append("Status ").append(item.status().name().toLowerCase(Locale.ROOT));
        if (video.source() != null) {
            details.append("   Transcript from ").append(video.source().name().toLowerCase(Locale.ROOT).replace('_', ' '));
            if (video.language() != null) {
                details.append(" (").append(PdfBlocks.clean(video.language())).append(')');
            }
        }
        facts.add(new Chunk(details.toString(), fonts.grey));
        chapter.add(facts);

        if (item.status() == ItemStatus.FAILED) {
            chapter.add(section("Error", fonts));
            chapter.add(PdfBlocks.block(PdfBlocks.clean(ReportFacts.error(item)), fonts.body, Element.ALIGN_LEFT));
        }

        chapter.add(section("Summary", fonts));
        if (video.summary() != null) {
            chapter.add(PdfBlocks.block(PdfBlocks.clean(video.summary().text().strip()), fonts.body, Element.ALIGN_LEFT));
            if (!video.summary().keyPoints().isEmpty()) {
                chapter.add(section("Key points", fonts));
                org.openpdf.text.List points = new org.openpdf.text.List(false, 12);
                points.setListSymbol(new Chunk("\u2022", fonts.body));
                for (String point : video.summary().keyPoints()) {
                    points.add(new ListItem(fonts.phrase(PdfBlocks.clean(TranscriptFormats.oneLine(point)), fonts.body)));
                }
                chapter.add(points);
            }
            chapterSummaries(chapter, video, fonts);
            chapter.add(new Paragraph("Method: " + PdfBlocks.clean(video.summary().method()), fonts.grey));
            if (video.summary().note() != null) {
                chapter.add(new Paragraph(PdfBlocks.clean(TranscriptFormats.oneLine(video.summary().note())), fonts.grey));
            }
        } else {
            var step = video.steps().get(Step.SUMMARIZE);
            String why = step != null && step.note() != null ? ": " + PdfBlocks.clean(step.note()) : ".";
            chapter.add(new Paragraph("No summary was made" + why, fonts.grey));
        }

        if (video.transcript() != null) {
            chapter.add(section("Transcript", fonts));
            for (Segment segment : video.transcript().segments()) {
                String text = PdfBlocks.clean(TranscriptFormats.oneLine(segment.text()));
                if (text.isEmpty()) {
                    continue;
                }
                String time = "[" + Durations.timestamp(segment.start()) + "] ";
                if (PdfBlocks.needsBidi(text)) {
                    chapter.add(PdfBlocks.block(time + text, fonts.body, Element.ALIGN_LEFT));
                } else {
                    Paragraph line = new Paragraph();
                    line.setLeading(13);
                    line.add(new Chunk(time, fonts.time));
                    line.add(fonts.phrase(text, fonts.body));
                    chapter.add(line);
                }
            }
        }
        return chapter;
    }

    private static Paragraph section(String name, PdfFonts fonts) {
        Paragraph p = new Paragraph(name, fonts.section);
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        return p;
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
            canvas.localGoto(destination(item), left, y - 4, right, y + 11);
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

    private static String destination(VideoItem item) {
        return "video-" + item.position();
    }

    /** Records the page on which each chapter starts, in order. */
    private static final class ChapterPages extends PdfPageEventHelper {
        final List<Integer> pages = new ArrayList<>();

        @Override
        public void onChapter(PdfWriter writer, Document document, float position, Paragraph title) {
            pages.add(writer.getPageNumber());
        }
    }

    /** Each chapter's summary under its start, which links to the video at that moment. */
    private static void chapterSummaries(Chapter chapter, BatchSnapshot.Video video, PdfFonts fonts) {
        Summary summary = java.util.Objects.requireNonNull(video.summary());
        if (summary.chapters().isEmpty()) {
            return;
        }
        chapter.add(section("Chapters", fonts));
        for (ChapterSummary part : summary.chapters()) {
            Paragraph heading = new Paragraph();
            heading.setLeading(14);
            Chunk time = new Chunk("[" + Durations.timestamp(part.start()) + "] ", fonts.time);
            time.setAnchor(part.link(video.item().videoId()));
            heading.add(time);
            heading.add(fonts.phrase(PdfBlocks.clean(TranscriptFormats.oneLine(part.title())), fonts.body));
            chapter.add(heading);
            chapter.add(PdfBlocks.block(PdfBlocks.clean(part.text().strip()), fonts.body, Element.ALIGN_LEFT));
        }
    }
}
