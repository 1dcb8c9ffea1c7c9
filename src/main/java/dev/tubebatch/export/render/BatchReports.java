package dev.tubebatch.export.render;

import dev.tubebatch.batch.Attempt;
import dev.tubebatch.batch.StepRecord;
import dev.tubebatch.export.OutputLayout;
import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchDigest;
import dev.tubebatch.batch.ItemStatus;
import dev.tubebatch.batch.Step;
import dev.tubebatch.batch.VideoItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The batch-level files, as text: the state file, the manifest, the statistics, the error report (JSON and
 * Markdown), the failed URLs and the digest. Pure functions of a {@link BatchSnapshot}; the state file is made by
 * {@link BatchStateJson}, the statistics by {@link BatchStatsJson}.
 */
public final class BatchReports {

    private BatchReports() {}

    /** {@code batch.json}, the state file; {@link BatchStateJson} says what it holds. */
    public static String state(BatchSnapshot snapshot) {
        return BatchStateJson.state(snapshot);
    }

    /** {@code manifest.json}: every video with its metadata, status, transcript, files, step times and attempts. */
    public static String manifest(BatchSnapshot snapshot) {
        Batch batch = snapshot.batch();
        List<Map<String, Object>> videos = new ArrayList<>();
        for (BatchSnapshot.Video video : snapshot.videos()) {
            VideoItem item = video.item();
            Map<String, Object> stepTimes = new LinkedHashMap<>();
            for (Step step : Step.values()) {
                StepRecord record = video.steps().get(step);
                if (record != null) {
                    stepTimes.put(Json.lower(step), Json.object(
                            "outcome", Json.lower(record.outcome()),
                            "seconds", Json.seconds(ReportFacts.secondsBetween(record.startedAt(),
                                    record.finishedAt())),
                            "note", record.note()));
                }
            }
            List<String> files = video.hasFiles()
                    ? OutputLayout.VIDEO_FILES.stream().map(f -> OutputLayout.videoFile(item, f)).toList()
                    : List.of();
            videos.add(Json.object(
                    "position", item.position(),
                    "video_id", item.videoId(),
                    "url", item.url(),
                    "title", item.title(),
                    "channel", item.channel(),
                    "duration_seconds", item.durationSeconds(),
                    "upload_date", item.uploadDate() == null ? null : item.uploadDate().toString(),
                    "status", Json.lower(item.status()),
                    "transcript_source", Json.lower(video.source() != null ? video.source()
                            : item.transcriptSource()),
                    "transcript_kind", kind(video.source() != null ? video.source() : item.transcriptSource()),
                    "language", video.language(),
                    "segments", video.texts() == null ? 0 : video.texts().segments(),
                    "summary", video.summaryMethod(),
                    "files", files,
                    "step_times", stepTimes,
                    "attempts", video.attempts().size(),
                    "processing_time", ReportFacts.processingSeconds(video.attempts()),
                    "error", item.status() == ItemStatus.FAILED ? ReportFacts.error(item) : null));
        }
        return Json.write(Json.object(
                "batch_id", batch.id().toString(),
                "name", batch.name(),
                "folder", OutputLayout.batchFolderName(batch),
                "status", Json.lower(batch.status()),
                "created_by", batch.createdBy(),
                "created_at", Json.time(batch.createdAt()),
                "finished_at", Json.time(batch.finishedAt()),
                "exported_at", Json.time(snapshot.takenAt()),
                "files", OutputLayout.BATCH_FILES,
                "videos", videos));
    }

    /** manual, automatic, translated or speech-to-text; null without a transcript. */
    private static @Nullable String kind(dev.tubebatch.batch.@Nullable TranscriptSource source) {
        return source == null ? null : source.kind();
    }

    /** {@code stats.json}, the figures of the run; {@link BatchStatsJson} says which. */
    public static String stats(BatchSnapshot snapshot) {
        return BatchStatsJson.stats(snapshot);
    }

    /** {@code digest.md}: the batch's common themes, then a line per video with its link. */
    public static String digestMarkdown(Batch batch, BatchDigest digest) {
        StringBuilder md = new StringBuilder("# Digest: ").append(TranscriptMarkdown.escape(batch.name()))
                .append("\n\n## Common themes\n\n");
        digest.themes().forEach(t -> md.append("- ").append(TranscriptFormats.oneLine(t)).append('\n'));
        md.append("\n## Videos\n\n");
        for (BatchDigest.Line line : digest.lines()) {
            md.append("- [").append(TranscriptMarkdown.escape(TranscriptFormats.oneLine(line.title()))).append("](")
                    .append(line.link()).append("): ").append(TranscriptFormats.oneLine(line.line())).append('\n');
        }
        md.append("\n_Method: ").append(TranscriptMarkdown.escape(digest.method())).append("_\n");
        return md.toString();
    }

    /** {@code errors.json}: per failed video, every attempt with its step, time, class and message. */
    public static String errorsJson(BatchSnapshot snapshot) {
        List<Map<String, Object>> videos = new ArrayList<>();
        for (BatchSnapshot.Video video : snapshot.failed()) {
            VideoItem item = video.item();
            List<Map<String, Object>> attempts = new ArrayList<>();
            for (Attempt a : video.attempts()) {
                attempts.add(Json.object("attempt", a.attempt(), "step", Json.lower(a.step()),
                        "started_at", Json.time(a.startedAt()), "finished_at", Json.time(a.finishedAt()),
                        "outcome", Json.lower(a.outcome()),
                        "error_kind", Json.lower(a.errorKind()), "message", a.errorMessage(),
                        "retry_at", Json.time(a.retryAt()), "stderr_tail", a.stderrTail()));
            }
            videos.add(Json.object("position", item.position(), "video_id", item.videoId(), "url", item.url(),
                    "title", item.title(), "error_kind", Json.lower(item.errorKind()),
                    "error", ReportFacts.error(item),
                    "step", Json.lower(item.currentStep()), "attempts", attempts));
        }
        return Json.write(Json.object("batch_id", snapshot.batch().id().toString(), "name", snapshot.batch().name(),
                "failed", videos.size(), "videos", videos));
    }

    /** {@code errors.md}: the same for people. */
    public static String errorsMarkdown(BatchSnapshot snapshot) {
        StringBuilder md = new StringBuilder("# Errors: ").append(TranscriptMarkdown.escape(snapshot.batch().name()))
                .append("\n\n");
        List<BatchSnapshot.Video> failed = snapshot.failed();
        if (failed.isEmpty()) {
            return md.append("No video failed.\n").toString();
        }
        md.append(failed.size()).append(failed.size() == 1 ? " video" : " videos").append(" failed.\n\n");
        for (BatchSnapshot.Video video : failed) {
            VideoItem item = video.item();
            md.append("## ").append(item.position()).append(". ").append(TranscriptMarkdown.escape(item.displayTitle()))
                    .append("\n\n- Video: <").append(item.url()).append(">\n- Error: ")
                    .append(cell(ReportFacts.error(item)))
                    .append(item.errorKind() == null ? "" : " (" + item.errorKind() + ")")
                    .append("\n\n| Try | Step | Started | Class | Message |\n|---|---|---|---|---|\n");
            for (Attempt a : video.attempts()) {
                md.append("| ").append(a.attempt()).append(" | ").append(a.step() == null ? "" : a.step().label())
                        .append(" | ").append(Json.time(a.startedAt())).append(" | ")
                        .append(a.errorKind() == null ? "" : a.errorKind()).append(" | ")
                        .append(cell(a.errorMessage())).append(" |\n");
            }
            md.append('\n');
        }
        return md.toString();
    }

    /** {@code failed-urls.txt}: a URL file (one URL a line, {@code #} comments) to feed back as a new batch. */
    public static String failedUrls(BatchSnapshot snapshot) {
        StringBuilder out = new StringBuilder("# Failed videos of batch \"")
                .append(TranscriptFormats.oneLine(snapshot.batch().name()).replaceAll("\\p{Cntrl}", ""))
                .append("\" (").append(snapshot.batch().id()).append(")\n")
                .append("# Give this file to a new batch to try them again.\n");
        snapshot.failed().forEach(v -> out.append(v.item().url()).append('\n'));
        return out.toString();
    }

    private static String cell(@Nullable String text) {
        return text == null ? "" : TranscriptMarkdown.escape(TranscriptFormats.oneLine(text));
    }
}
