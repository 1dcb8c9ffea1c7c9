package dev.tubebatch.export.render;

import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchDigest;
import dev.tubebatch.batch.ItemStatus;
import dev.tubebatch.batch.VideoItem;
import dev.tubebatch.format.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.ListItem;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;

/** The pages of {@link CombinedPdf} in front of the contents: the cover, then the batch's digest if it has one. */
final class PdfFrontPages {

    private PdfFrontPages() {}

    /** The batch's name and figures: counts, status, who made it and when, wall time and throughput. */
    static void cover(Document document, BatchSnapshot snapshot, PdfFonts fonts) throws DocumentException {
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

    /** The digest in front of the videos: the common themes, then a line per video under its linked title. */
    static void digest(Document document, BatchDigest digest, PdfFonts fonts) throws DocumentException {
        document.add(PdfBlocks.section("Digest", fonts));
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
}
