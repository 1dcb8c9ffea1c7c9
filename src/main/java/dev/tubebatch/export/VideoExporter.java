package dev.tubebatch.export;

import dev.tubebatch.export.render.Json;
import dev.tubebatch.export.render.TranscriptMarkdown;
import dev.tubebatch.export.render.TranscriptFormats;
import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.Summary;
import dev.tubebatch.batch.Transcript;
import dev.tubebatch.batch.VideoItem;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Writes one video's files into its folder: the transcript as Markdown, text, SRT, VTT and JSON, the summary and
 * the metadata. Files are replaced atomically ({@link AtomicFiles}), so a reader never sees half a file, and
 * re-running gives the same files in the same place.
 */
@Component
public class VideoExporter {

    private final OutputLayout layout;
    private final AtomicFiles files;

    VideoExporter(OutputLayout layout, AtomicFiles files) {
        this.layout = layout;
        this.files = files;
    }

    /** Writes every file of the video; returns the path of {@code transcript.md}. */
    public Path export(Batch batch, VideoItem item, Transcript transcript, @Nullable Summary summary) {
        return export(batch, item, transcript, summary, null);
    }

    /**
     * As {@link #export(Batch, VideoItem, Transcript, Summary)}; {@code whyNoSummary} is said in {@code summary.md}
     * when there is no summary.
     */
    Path export(Batch batch, VideoItem item, Transcript transcript, @Nullable Summary summary,
            @Nullable String whyNoSummary) {
        Path folder = layout.videoFolder(batch, item);
        files.removeLeftovers(folder);
        Path markdown = folder.resolve("transcript.md");
        files.write(markdown, TranscriptMarkdown.render(item, transcript, summary));
        files.write(folder.resolve("transcript.txt"), TranscriptFormats.text(transcript));
        files.write(folder.resolve("transcript.srt"), TranscriptFormats.srt(transcript));
        files.write(folder.resolve("transcript.vtt"), TranscriptFormats.vtt(transcript));
        files.write(folder.resolve("transcript.json"), TranscriptFormats.json(item, transcript));
        files.write(folder.resolve("summary.md"), TranscriptFormats.summaryMarkdown(item, summary, whyNoSummary));
        files.write(folder.resolve("metadata.json"), metadata(item, transcript, summary));
        return markdown;
    }

    /** What is known of the video itself; its processing (status, times, attempts) is in the manifest. */
    static String metadata(VideoItem item, @Nullable Transcript transcript, @Nullable Summary summary) {
        return Json.write(Json.object(
                "video_id", item.videoId(),
                "url", item.url(),
                "position", item.position(),
                "title", item.title(),
                "channel", item.channel(),
                "duration_seconds", item.durationSeconds(),
                "upload_date", item.uploadDate() == null ? null : item.uploadDate().toString(),
                "transcript_source", transcript == null ? null : TranscriptFormats.source(transcript),
                "transcript_kind", transcript == null ? null : transcript.source().kind(),
                "language", transcript == null ? null : transcript.language(),
                "segments", transcript == null ? 0 : transcript.segments().size(),
                "summary_method", summary == null ? null : summary.method(),
                "summary_note", summary == null ? null : summary.note(),
                "summary", summary == null ? null : summary.text(),
                "key_points", summary == null ? List.of() : summary.keyPoints(),
                "chapters", summary == null ? List.of() : TranscriptFormats.chapters(item, summary),
                "llm", summary == null || summary.usage() == null ? null : usage(summary.usage()),
                "files", OutputLayout.VIDEO_FILES));
    }

    private static Map<String, @Nullable Object> usage(Summary.Usage usage) {
        return Json.object("calls", usage.calls(), "tokens_in", usage.tokensIn(), "tokens_out", usage.tokensOut(),
                "seconds", usage.millis() / 1000.0, "cost", usage.cost());
    }

    /**
     * Whether a temporary file ({@code .tmp-*.part}) in a video folder may be a write in progress, on this node or
     * another: the export step, once the video's files are written, deletes the others as a dead try's.
     */
    public boolean mayBeWriting(Path temp) {
        return files.mayBeWriting(temp);
    }

    AtomicFiles files() {
        return files;
    }
}
