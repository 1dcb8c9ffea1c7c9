package dev.tubebatch.export.render;

import dev.tubebatch.batch.Segment;
import dev.tubebatch.batch.Summary;
import dev.tubebatch.batch.Transcript;
import dev.tubebatch.batch.VideoItem;
import dev.tubebatch.format.Durations;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Renders a video's transcript (and summary, when there is one) as Markdown with timestamps. */
public final class TranscriptMarkdown {

    private static final java.util.regex.Pattern MARKDOWN = java.util.regex.Pattern.compile("([\\\\`*_\\[\\]<>#|])");

    private TranscriptMarkdown() {}

    public static String render(VideoItem item, Transcript transcript, @Nullable Summary summary) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(escape(item.displayTitle())).append("\n\n");
        if (item.channel() != null) {
            md.append("- Channel: ").append(escape(item.channel())).append('\n');
        }
        md.append("- Video: <").append(item.url()).append(">\n");
        if (item.durationSeconds() != null) {
            md.append("- Duration: ").append(Durations.timestamp(item.durationSeconds())).append('\n');
        }
        if (item.uploadDate() != null) {
            md.append("- Uploaded: ").append(item.uploadDate()).append('\n');
        }
        md.append("- Transcript: ").append(transcript.source().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        if (transcript.language() != null) {
            md.append(" (").append(transcript.language()).append(')');
        }
        md.append("\n\n");
        if (summary != null) {
            md.append("## Summary\n\n").append(summary.text().strip()).append("\n\n");
            if (!summary.keyPoints().isEmpty()) {
                summary.keyPoints().forEach(p -> md.append("- ").append(p.strip()).append('\n'));
                md.append('\n');
            }
        }
        md.append("## Transcript\n\n");
        for (Segment segment : transcript.segments()) {
            String text = segment.text().strip();
            if (!text.isEmpty()) {
                md.append("**[").append(Durations.timestamp(segment.start())).append("]** ").append(escape(text)).append("\n\n");
            }
        }
        return md.toString();
    }

    /** Keeps text from turning into Markdown structure (headings, links, HTML). */
    static String escape(String text) {
        return MARKDOWN.matcher(text).replaceAll("\\\\$1").replace("\n", " ");
    }
}
