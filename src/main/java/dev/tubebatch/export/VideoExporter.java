package dev.tubebatch.export;

import dev.tubebatch.export.render.Json;
import dev.tubebatch.export.render.TranscriptMarkdown;
import dev.tubebatch.export.render.TranscriptFormats;
import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.Summary;
import dev.tubebatch.batch.Transcript;
import dev.tubebatch.batch.VideoItem;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Writes one video's files into its folder: the transcript as Markdown, text, SRT, VTT and JSON, the summary and
 * the metadata. Files are replaced atomically, so a reader never sees half a file, and re-running gives the same
 * files in the same place.
 */
@Component
public class VideoExporter {

    private final OutputLayout layout;

    VideoExporter(OutputLayout layout) {
        this.layout = layout;
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
        removeLeftovers(folder);
        Path markdown = folder.resolve("transcript.md");
        writeAtomically(markdown, TranscriptMarkdown.render(item, transcript, summary));
        writeAtomically(folder.resolve("transcript.txt"), TranscriptFormats.text(transcript));
        writeAtomically(folder.resolve("transcript.srt"), TranscriptFormats.srt(transcript));
        writeAtomically(folder.resolve("transcript.vtt"), TranscriptFormats.vtt(transcript));
        writeAtomically(folder.resolve("transcript.json"), TranscriptFormats.json(item, transcript));
        writeAtomically(folder.resolve("summary.md"), TranscriptFormats.summaryMarkdown(item, summary, whyNoSummary));
        writeAtomically(folder.resolve("metadata.json"), metadata(item, transcript, summary));
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
                "language", transcript == null ? null : transcript.language(),
                "segments", transcript == null ? 0 : transcript.segments().size(),
                "summary_method", summary == null ? null : summary.method(),
                "files", OutputLayout.VIDEO_FILES));
    }

    private static final long PID = ProcessHandle.current().pid();
    private static final java.util.regex.Pattern TEMP = java.util.regex.Pattern.compile(
            "\\.tmp-.+-(\\d+)-\\d+-\\d+\\.part");

    /**
     * Deletes the temporary files a killed process left in {@code folder} (those of another process id, or older
     * than ten minutes), so a folder written again holds its files and nothing else.
     */
    static void removeLeftovers(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        java.time.Instant old = java.time.Instant.now().minus(java.time.Duration.ofMinutes(10));
        try (var files = Files.newDirectoryStream(folder, ".tmp-*.part")) {
            for (Path temp : files) {
                var match = TEMP.matcher(temp.getFileName().toString());
                try {
                    if (match.matches() && (Long.parseLong(match.group(1)) != PID
                            || Files.getLastModifiedTime(temp).toInstant().isBefore(old))) {
                        Files.deleteIfExists(temp);
                    }
                } catch (IOException | NumberFormatException e) {
                    // Another writer's file that just went away, or not one of ours: leave it.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + folder, e);
        }
    }

    static void writeAtomically(Path file, String content) {
        writeAtomically(file, out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
    }

    /** Something that writes a file's bytes. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes to a temporary file next to {@code file}, then moves it into place in one step. */
    static void writeAtomically(Path file, Content content) {
        try {
            Files.createDirectories(file.getParent());
            // A name no other writer uses at the same moment; cheaper than createTempFile's random names. The
            // process id tells a leftover of a killed process (see removeLeftovers) from a write in progress.
            Path temp = file.resolveSibling(".tmp-" + file.getFileName() + "-" + PID + "-"
                    + Thread.currentThread().threadId() + "-" + System.nanoTime() + ".part");
            try {
                try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(temp,
                        java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE), 1 << 16)) {
                    content.writeTo(out);
                }
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }
}
