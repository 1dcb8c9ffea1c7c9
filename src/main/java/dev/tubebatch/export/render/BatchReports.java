package dev.tubebatch.export.render;

import dev.tubebatch.batch.Attempt;
import dev.tubebatch.batch.StepRecord;
import dev.tubebatch.export.OutputLayout;
import dev.tubebatch.export.BatchStateFile;
import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchDigest;
import dev.tubebatch.batch.ItemStatus;
import dev.tubebatch.batch.Step;
import dev.tubebatch.batch.VideoItem;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The batch-level files, as text: the state file, the manifest, the statistics, the error report (JSON and
 * Markdown) and the failed URLs. Pure functions of a {@link BatchSnapshot}.
 */
public final class BatchReports {

    private BatchReports() {}

    /**
     * {@code batch.json}: counts and one entry per video, completed ones with their output file and processing time,
     * failed ones with their error and retry count. A completed video whose stored data an administrator deleted
     * from the library (no transcript is stored, so it has no folder) has a null output file and
     * {@code "data_deleted": true}; its status stays completed. {@link BatchStateFile} reads it back.
     */
    public static String state(BatchSnapshot snapshot) {
        Batch batch = snapshot.batch();
        List<Map<String, @Nullable Object>> videos = new ArrayList<>();
        for (BatchSnapshot.Video video : snapshot.videos()) {
            VideoItem item = video.item();
            Map<String, @Nullable Object> entry = Json.object("url", item.url(), "video_id", item.videoId(),
                    "title", item.title(), "status", Json.lower(item.status()));
            if (item.status() == ItemStatus.COMPLETED) {
                if (video.hasFiles()) {
                    entry.put("output_file", OutputLayout.videoFile(item, "transcript.md"));
                } else {
                    // Its stored data was deleted from the library, and its folder with it.
                    entry.put("output_file", null);
                    entry.put("data_deleted", true);
                }
                entry.put("processing_time", processingSeconds(video.attempts()));
            } else if (item.status() == ItemStatus.FAILED) {
                entry.put("error", error(item));
                entry.put("retry_count", Math.max(0, video.attempts().size() - 1));
            }
            videos.add(entry);
        }
        long completed = snapshot.count(ItemStatus.COMPLETED);
        long failed = snapshot.count(ItemStatus.FAILED);
        long cancelled = snapshot.count(ItemStatus.CANCELLED);
        return Json.write(Json.object(
                "batch_id", batch.id().toString(),
                "name", batch.name(),
                "status", Json.lower(batch.status()),
                "created_at", Json.time(batch.createdAt()),
                "updated_at", Json.time(snapshot.takenAt()),
                "total", snapshot.videos().size(),
                "completed", completed,
                "failed", failed,
                "pending", snapshot.videos().size() - completed - failed - cancelled,
                "cancelled", cancelled,
                "eta_seconds", snapshot.eta() == null ? null : snapshot.eta().toSeconds(),
                "videos", videos));
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
                            "seconds", Json.seconds(secondsBetween(record.startedAt(), record.finishedAt())),
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
                    "processing_time", processingSeconds(video.attempts()),
                    "error", item.status() == ItemStatus.FAILED ? error(item) : null));
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

    /**
     * {@code stats.json}: totals, wall time, throughput, per-step median and p95, the workers and inference slots
     * that were busy at once at most, and the machine that wrote the export.
     */
    public static String stats(BatchSnapshot snapshot) {
        Batch batch = snapshot.batch();
        Instant start = batch.startedAt() != null ? batch.startedAt() : batch.createdAt();
        Instant end = batch.finishedAt() != null ? batch.finishedAt() : snapshot.takenAt();
        double wall = secondsBetween(start, end);
        long completed = snapshot.count(ItemStatus.COMPLETED);
        long failed = snapshot.count(ItemStatus.FAILED);
        Map<String, Object> steps = new LinkedHashMap<>();
        List<Interval> inference = new ArrayList<>();
        for (Step step : Step.values()) {
            List<Double> durations = new ArrayList<>();
            for (BatchSnapshot.Video video : snapshot.videos()) {
                StepRecord record = video.steps().get(step);
                if (record != null && record.outcome() == dev.tubebatch.batch.StepOutcome.DONE) {
                    durations.add(secondsBetween(record.startedAt(), record.finishedAt()));
                    if (step == Step.TRANSCRIBE || step == Step.SUMMARIZE) {
                        inference.add(new Interval(record.startedAt(), record.finishedAt()));
                    }
                }
            }
            if (!durations.isEmpty()) {
                durations.sort(Comparator.naturalOrder());
                steps.put(Json.lower(step), Json.object("count", durations.size(),
                        "median_seconds", Json.seconds(percentile(durations, 50)),
                        "p95_seconds", Json.seconds(percentile(durations, 95)),
                        "total_seconds", Json.seconds(durations.stream().mapToDouble(Double::doubleValue).sum())));
            }
        }
        List<Interval> tries = new ArrayList<>();
        int attempts = 0;
        for (BatchSnapshot.Video video : snapshot.videos()) {
            for (Attempt attempt : video.attempts()) {
                attempts++;
                if (attempt.finishedAt() != null) {
                    tries.add(new Interval(attempt.startedAt(), attempt.finishedAt()));
                }
            }
        }
        Runtime runtime = Runtime.getRuntime();
        Long memory = null;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            memory = os.getTotalMemorySize();
        }
        return Json.write(Json.object(
                "batch_id", batch.id().toString(),
                "name", batch.name(),
                "status", Json.lower(batch.status()),
                "totals", Json.object("videos", snapshot.videos().size(), "completed", completed, "failed", failed,
                        "cancelled", snapshot.count(ItemStatus.CANCELLED),
                        "pending", snapshot.videos().size() - completed - failed
                                - snapshot.count(ItemStatus.CANCELLED),
                        "attempts", attempts,
                        "retries", Math.max(0, attempts - snapshot.videos().stream()
                                .filter(v -> !v.attempts().isEmpty()).count())),
                "started_at", Json.time(start),
                "finished_at", Json.time(batch.finishedAt()),
                "wall_time_seconds", Json.seconds(wall),
                "throughput_videos_per_minute", wall > 0 ? Json.seconds((completed + failed) * 60 / wall) : null,
                "steps", steps,
                "workers", Json.object("limit", batch.maxWorkers(), "peak_concurrent", peakOverlap(tries)),
                "inference_slots", Json.object("peak_concurrent", peakOverlap(inference)),
                "llm", llm(snapshot),
                "machine", Json.object("note", "the machine that wrote this export",
                        "cpu_cores", runtime.availableProcessors(), "max_heap_bytes", runtime.maxMemory(),
                        "memory_bytes", memory, "os", System.getProperty("os.name") + " "
                                + System.getProperty("os.arch"), "java", System.getProperty("java.version"))));
    }

    /**
     * LLM calls, tokens in and out, time and cost, in all and per video that called one; null when none did.
     * Time is the calls' own (retries and waits included), which runs alongside other videos' work.
     */
    static @Nullable Map<String, @Nullable Object> llm(BatchSnapshot snapshot) {
        List<Map<String, @Nullable Object>> videos = new ArrayList<>();
        long calls = 0;
        long in = 0;
        long out = 0;
        long millis = 0;
        java.math.BigDecimal cost = null;
        for (BatchSnapshot.Video video : snapshot.videos()) {
            dev.tubebatch.batch.Summary.Usage usage = video.summaryUsage();
            if (usage == null) {
                continue;
            }
            calls += usage.calls();
            in += usage.tokensIn();
            out += usage.tokensOut();
            millis += usage.millis();
            if (usage.cost() != null) {
                cost = cost == null ? usage.cost() : cost.add(usage.cost());
            }
            videos.add(Json.object("video_id", video.item().videoId(), "method", video.summaryMethod(),
                    "calls", usage.calls(), "tokens_in", usage.tokensIn(), "tokens_out", usage.tokensOut(),
                    "seconds", Json.seconds(usage.millis() / 1000.0), "cost", usage.cost()));
        }
        if (videos.isEmpty()) {
            return null;
        }
        return Json.object("calls", calls, "tokens_in", in, "tokens_out", out,
                "seconds", Json.seconds(millis / 1000.0), "cost", cost,
                "calls_per_video", Json.seconds((double) calls / videos.size()),
                "tokens_per_video", Json.seconds((double) (in + out) / videos.size()), "videos", videos);
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
                    "title", item.title(), "error_kind", Json.lower(item.errorKind()), "error", error(item),
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
                    .append(cell(error(item))).append(item.errorKind() == null ? "" : " (" + item.errorKind() + ")")
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

    static String error(VideoItem item) {
        if (item.errorMessage() != null && !item.errorMessage().isBlank()) {
            return item.errorMessage();
        }
        return item.errorKind() == null ? "Failed" : item.errorKind().description();
    }

    /** The time a video's tries took, in seconds, or null if none has finished. */
    static @Nullable Double processingSeconds(List<Attempt> attempts) {
        double total = 0;
        boolean any = false;
        for (Attempt a : attempts) {
            if (a.finishedAt() != null) {
                total += secondsBetween(a.startedAt(), a.finishedAt());
                any = true;
            }
        }
        return any ? Json.seconds(total) : null;
    }

    static double secondsBetween(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(List<Double> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    record Interval(Instant start, Instant end) {}

    /** The most intervals that overlap at one instant. */
    static int peakOverlap(List<Interval> intervals) {
        List<long[]> edges = new ArrayList<>(intervals.size() * 2);
        for (Interval i : intervals) {
            edges.add(new long[] {i.start().toEpochMilli() * 1000 + i.start().getNano() / 1000 % 1000, 1});
            edges.add(new long[] {i.end().toEpochMilli() * 1000 + i.end().getNano() / 1000 % 1000, -1});
        }
        // Ends sort before starts at the same instant: back-to-back tries do not overlap.
        edges.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
        int now = 0;
        int peak = 0;
        for (long[] e : edges) {
            now += (int) e[1];
            peak = Math.max(peak, now);
        }
        return peak;
    }

    private static String cell(@Nullable String text) {
        return text == null ? "" : TranscriptMarkdown.escape(TranscriptFormats.oneLine(text));
    }
}
