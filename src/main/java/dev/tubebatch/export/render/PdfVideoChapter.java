package dev.tubebatch.export.render;

import dev.tubebatch.batch.ChapterSummary;
import dev.tubebatch.batch.ItemStatus;
import dev.tubebatch.batch.Segment;
import dev.tubebatch.batch.Step;
import dev.tubebatch.batch.Summary;
import dev.tubebatch.batch.VideoItem;
import dev.tubebatch.format.Durations;
import java.util.Locale;
import org.openpdf.text.Anchor;
import org.openpdf.text.Chapter;
import org.openpdf.text.Chunk;
import org.openpdf.text.Element;
import org.openpdf.text.ListItem;
import org.openpdf.text.Paragraph;

/**
 * One video's chapter of {@link CombinedPdf}: its numbered title (the target of its line in the contents and of its
 * bookmark), channel, link and details, its error if it failed, its summary with key points and chapters, and its
 * transcript with timestamps.
 */
final class PdfVideoChapter {

    /** Outline entries longer than this many characters are cut (a viewer's sidebar shows a line or two). */
    static final int BOOKMARK_LENGTH = 120;

    private PdfVideoChapter() {}

    /** The chapter of a video whose texts are loaded; a chapter adds its bookmark to the PDF outline. */
    static Chapter chapter(BatchSnapshot.Video video, PdfFonts fonts) {
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
            chapter.add(PdfBlocks.section("Error", fonts));
            chapter.add(PdfBlocks.block(PdfBlocks.clean(ReportFacts.error(item)), fonts.body, Element.ALIGN_LEFT));
        }

        chapter.add(PdfBlocks.section("Summary", fonts));
        if (video.summary() != null) {
            chapter.add(PdfBlocks.block(PdfBlocks.clean(video.summary().text().strip()), fonts.body, Element.ALIGN_LEFT));
            if (!video.summary().keyPoints().isEmpty()) {
                chapter.add(PdfBlocks.section("Key points", fonts));
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
            chapter.add(PdfBlocks.section("Transcript", fonts));
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

    /** Each chapter's summary under its start, which links to the video at that moment. */
    private static void chapterSummaries(Chapter chapter, BatchSnapshot.Video video, PdfFonts fonts) {
        Summary summary = java.util.Objects.requireNonNull(video.summary());
        if (summary.chapters().isEmpty()) {
            return;
        }
        chapter.add(PdfBlocks.section("Chapters", fonts));
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

    /** The named destination of a video's chapter, which its line in the contents links to. */
    static String destination(VideoItem item) {
        return "video-" + item.position();
    }
}
