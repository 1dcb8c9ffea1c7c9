package dev.tubebatch.api;

import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchEstimate;
import dev.tubebatch.batch.BatchProgress;
import dev.tubebatch.batch.VideoItem;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Response bodies of the batch endpoints. */
final class BatchJson {

    private BatchJson() {}

    record Progress(int total, int pending, int queued, int running, int retrying, int completed, int failed,
            int cancelled, double fraction) {
        static Progress of(BatchProgress p) {
            return new Progress(p.total(), p.pending(), p.queued(), p.running(), p.retrying(), p.completed(),
                    p.failed(), p.cancelled(), p.fraction());
        }
    }

    /**
     * A batch and its counts. {@code etaSeconds}: the time still needed, from {@link BatchEstimate} (the same
     * estimate the web app, the command line and {@code batch.json} show); null until every step has been measured.
     */
    record BatchSummary(UUID id, String name, String status, String createdBy, Instant createdAt,
            @Nullable Instant startedAt, @Nullable Instant finishedAt, @Nullable Integer maxWorkers, int retryLimit,
            String onError, @Nullable String stopReason,
            Progress progress, @Nullable Long etaSeconds) {
        static BatchSummary of(Batch b, BatchProgress progress, BatchEstimate estimate) {
            return new BatchSummary(b.id(), b.name(), b.status().name(), b.createdBy(), b.createdAt(), b.startedAt(),
                    b.finishedAt(), b.maxWorkers(), b.retryLimit(), b.onError().name().toLowerCase(java.util.Locale.ROOT),
                    b.stopReason(), Progress.of(progress), seconds(estimate.eta()));
        }
    }

    static @Nullable Long seconds(@Nullable Duration duration) {
        return duration == null ? null : duration.toSeconds();
    }

    record Item(int position, String videoId, String url, @Nullable String title, @Nullable String channel,
            @Nullable Integer durationSeconds, @Nullable LocalDate uploadDate, String status,
            @Nullable String currentStep, @Nullable Float stepProgress, int attempts, @Nullable Instant startedAt,
            @Nullable Instant finishedAt, @Nullable String errorKind, @Nullable String errorMessage,
            @Nullable String transcriptSource, @Nullable String waitingFor) {
        static Item of(VideoItem i) {
            return new Item(i.position(), i.videoId(), i.url(), i.title(), i.channel(), i.durationSeconds(),
                    i.uploadDate(), i.status().name(), name(i.currentStep()), i.stepProgress(), i.attempts(),
                    i.startedAt(), i.finishedAt(), name(i.errorKind()), i.errorMessage(), name(i.transcriptSource()),
                    i.waitingFor());
        }

        private static @Nullable String name(@Nullable Enum<?> value) {
            return value == null ? null : value.name();
        }
    }

    /** A batch with one page of its items. */
    record BatchDetail(BatchSummary batch, long itemCount, long offset, int limit, List<Item> items) {}

    /** A video the input resolves to; title, duration and date where the listing or a look-up told them. */
    record PreviewVideo(int position, String videoId, String url, @Nullable String title,
            @Nullable Integer durationSeconds, @Nullable LocalDate uploadDate, String source) {}

    /** A line or listed video left out (or kept with a warning), where it came from, and why. */
    record Rejection(String source, String text, String reason) {}

    record Preview(int count, long totalSeconds, int unknownDurations, List<PreviewVideo> videos,
            List<Rejection> rejected, List<Rejection> warnings) {}

    /** What {@code POST /api/batches} answers: the new batch and the input lines it left out. */
    record Created(BatchSummary batch, List<Rejection> rejected) {}

    /** What a control endpoint answers: whether it changed anything, and the batch as it is now. */
    record Control(String action, boolean changed, int requeued, BatchSummary batch) {}
}
