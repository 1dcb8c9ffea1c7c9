package dev.tubebatch.export.render;

import dev.tubebatch.batch.ChapterSummary;
import dev.tubebatch.batch.Segment;
import dev.tubebatch.batch.Summary;
import dev.tubebatch.batch.Transcript;
import dev.tubebatch.batch.VideoItem;
import dev.tubebatch.format.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** A transcript as plain text, SubRip, WebVTT and JSON; a summary as Markdown. */
public final class TranscriptFormats {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern BLANK_LINES = Pattern.compile("\\R\\s*\\R+");
    private static final Pattern BLANKS = Pattern.compile("[ \\t]+");

    private TranscriptFormats() {}

    /** One line per segment, without times: the text to read or search. */
    public static String text(Transcript transcript) {
        StringBuilder out = new StringBuilder();
        for (Segment segment : transcript.segments()) {
            String line = oneLine(segment.text());
            if (!line.isEmpty()) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    public static String srt(Transcript transcript) {
        StringBuilder out = new StringBuilder();
        int index = 1;
        for (Segment segment : transcript.segments()) {
            String text = cueText(segment.text());
            if (text.isEmpty()) {
                continue;
            }
            out.append(index++).append('\n')
                    .append(clock(segment.start(), ',')).append(" --> ").append(clock(segment.end(), ',')).append('\n')
                    .append(text).append("\n\n");
        }
        return out.toString();
    }

    public static String vtt(Transcript transcript) {
        StringBuilder out = new StringBuilder("WEBVTT\n");
        if (transcript.language() != null && transcript.language().matches("[A-Za-z0-9-]{1,20}")) {
            out.append("Language: ").append(transcript.language()).append('\n');
        }
        out.append('\n');
        for (Segment segment : transcript.segments()) {
            String text = cueText(segment.text());
            if (text.isEmpty()) {
                continue;
            }
            // In a cue, "&" and "<" start entities and tags, and "-->" would end the timing line.
            String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
            out.append(clock(segment.start(), '.')).append(" --> ").append(clock(segment.end(), '.')).append('\n')
                    .append(escaped).append("\n\n");
        }
        return out.toString();
    }

    /** The segments as stored, with where they came from. */
    public static String json(VideoItem item, Transcript transcript) {
        List<Map<String, Object>> segments = new ArrayList<>(transcript.segments().size());
        for (Segment s : transcript.segments()) {
            segments.add(Json.object("start", s.start(), "end", s.end(), "text", s.text()));
        }
        return Json.write(Json.object("video_id", item.videoId(), "language", transcript.language(),
                "source", source(transcript), "kind", transcript.source().kind(), "segments", segments));
    }

    public static String summaryMarkdown(VideoItem item, @Nullable Summary summary, @Nullable String whyNone) {
        StringBuilder md = new StringBuilder("# Summary: ").append(TranscriptMarkdown.escape(item.displayTitle()))
                .append("\n\n");
        if (summary == null) {
            md.append("_No summary was made")
                    .append(whyNone == null ? "" : ": " + TranscriptMarkdown.escape(whyNone.strip()))
                    .append("._\n");
            return md.toString();
        }
        md.append(summary.text().strip()).append("\n\n");
        if (!summary.keyPoints().isEmpty()) {
            md.append("## Key points\n\n");
            summary.keyPoints().forEach(p -> md.append("- ").append(oneLine(p)).append('\n'));
            md.append('\n');
        }
        if (!summary.chapters().isEmpty()) {
            md.append("## Chapters\n\n");
            for (ChapterSummary chapter : summary.chapters()) {
                md.append("### [").append(Durations.timestamp(chapter.start())).append("](")
                        .append(chapter.link(item.videoId())).append(") ")
                        .append(TranscriptMarkdown.escape(oneLine(chapter.title()))).append("\n\n")
                        .append(chapter.text().strip()).append("\n\n");
            }
        }
        md.append("_Method: ").append(TranscriptMarkdown.escape(summary.method())).append("_\n");
        if (summary.note() != null) {
            md.append("\n_").append(TranscriptMarkdown.escape(oneLine(summary.note()))).append("_\n");
        }
        return md.toString();
    }

    /** A summary's chapters as metadata.json writes them: start, title, deep link and summary. */
    public static List<Map<String, @Nullable Object>> chapters(VideoItem item, Summary summary) {
        List<Map<String, @Nullable Object>> chapters = new ArrayList<>(summary.chapters().size());
        for (ChapterSummary chapter : summary.chapters()) {
            chapters.add(Json.object("start_seconds", chapter.start(), "title", chapter.title(),
                    "link", chapter.link(item.videoId()), "summary", chapter.text()));
        }
        return chapters;
    }

    public static String source(Transcript transcript) {
        return transcript.source().name().toLowerCase(Locale.ROOT);
    }

    /** {@code HH:MM:SS,mmm} (SRT) or {@code HH:MM:SS.mmm} (VTT). */
    static String clock(double seconds, char separator) {
        long millis = Math.round(seconds * 1000);
        return String.format(Locale.ROOT, "%02d:%02d:%02d%c%03d", millis / 3_600_000, millis / 60_000 % 60,
                millis / 1000 % 60, separator, millis % 1000);
    }

    static String oneLine(String text) {
        return SPACES.matcher(text).replaceAll(" ").strip();
    }

    /** A cue's text: lines kept, blank lines (which end a cue) and "-->" removed. */
    private static String cueText(String text) {
        String cue = text.strip().replace("-->", "->");
        return BLANKS.matcher(BLANK_LINES.matcher(cue).replaceAll("\n")).replaceAll(" ");
    }
}
