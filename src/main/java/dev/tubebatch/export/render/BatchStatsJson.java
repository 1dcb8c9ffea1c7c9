package dev.tubebatch.export.render;

import dev.tubebatch.batch.Attempt;
import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.ItemStatus;
import dev.tubebatch.batch.Step;
import dev.tubebatch.batch.StepRecord;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code stats.json}: the figures of a batch's run, with the percentiles and overlaps they are made of. */
final class BatchStatsJson {

    private BatchStatsJson() {}

    /**
     * {@code stats.json}: totals, wall time, throughput, per-step median and p95, the workers and inference slots
     * that were busy at once at most, the LLM's calls, tokens and cost, and the machine that wrote the export.
     */
    static String stats(BatchSnapshot snapshot) {
        Batch batch = snapshot.batch();
        Instant start = batch.startedAt() != null ? batch.startedAt() : batch.createdAt();
        Instant end = batch.finishedAt() != null ? batch.finishedAt() : snapshot.takenAt();
        double wall = ReportFacts.secondsBetween(start, end);
        long completed = snapshot.count(ItemStatus.COMPLETED);
        long failed = snapshot.count(ItemStatus.FAILED);
        Map<String, Object> steps = new LinkedHashMap<>();
        List<Interval> inference = new ArrayList<>();
        for (Step step : Step.values()) {
            List<Double> durations = new ArrayList<>();
            for (BatchSnapshot.Video video : snapshot.videos()) {
                StepRecord record = video.steps().get(step);
                if (record != null && record.outcome() == dev.tubebatch.batch.StepOutcome.DONE) {
                    durations.add(ReportFacts.secondsBetween(record.startedAt(), record.finishedAt()));
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
}
