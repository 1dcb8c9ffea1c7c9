package dev.tubebatch.cli;

import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchProgress;
import dev.tubebatch.batch.BatchQueries;
import dev.tubebatch.batch.BatchStatus;
import dev.tubebatch.batch.VideoItem;
import dev.tubebatch.youtube.budget.BreakerState;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Follows one batch on the console until it ends: polls the database, prints each video as it finishes, the overall
 * bar, and notices while the batch is paused or YouTube holds requests back, then how the batch ended (see
 * {@link BatchReport}). Ctrl-C ends the loop at its next turn.
 */
final class BatchFollower {

    private static final int PAGE = 500;

    private final BatchQueries queries;
    private final BatchReport report;
    private final ConsoleProgress progress;
    private final PrintStream out;
    private final Duration pollInterval;
    private final Clock clock;
    private final Supplier<BreakerState> youTube;

    private volatile @Nullable UUID followed;
    private volatile boolean done;
    private volatile boolean stopped;

    BatchFollower(BatchQueries queries, BatchReport report, ConsoleProgress progress, PrintStream out,
            Duration pollInterval, Clock clock, Supplier<BreakerState> youTube) {
        this.queries = queries;
        this.report = report;
        this.progress = progress;
        this.out = out;
        this.pollInterval = pollInterval;
        this.clock = clock;
        this.youTube = youTube;
    }

    /** The batch being followed that has not been seen to finish; null otherwise. */
    @Nullable UUID unfinishedBatch() {
        return done ? null : followed;
    }

    /** Ctrl-C: the loop returns at its next turn. */
    void stop() {
        stopped = true;
    }

    boolean isStopped() {
        return stopped;
    }

    /**
     * Prints videos finished since {@code since} and the overall bar until the batch ends (then its end, with the
     * manifest's path where {@code manifest}) or Ctrl-C stops this loop. Returns the exit code.
     */
    int follow(UUID id, Instant since, boolean manifest) throws InterruptedException {
        followed = id;
        Instant start = clock.instant();
        int total = queries.progress(id).total();
        Set<String> printed = new HashSet<>();
        Instant cursor = since;
        boolean pausedNoticeShown = false;
        @Nullable Instant youTubePauseShown = null;
        while (true) {
            List<VideoItem> page;
            do {
                page = queries.finishedSince(id, cursor, PAGE);
                for (VideoItem item : page) {
                    if (printed.add(item.id() + "@" + item.finishedAt())) {
                        progress.finished(item, total);
                    }
                    cursor = Objects.requireNonNull(item.finishedAt()); // finished items only
                }
            } while (page.size() == PAGE && page.stream().anyMatch(i -> !printed.contains(i.id() + "@" + i.finishedAt())));
            Batch batch = queries.get(id);
            BatchProgress p = queries.progress(id);
            if (batch.status().isFinished() || batch.status() == BatchStatus.STOPPED) {
                Duration elapsed = Duration.between(start, clock.instant());
                progress.close();
                done = true;
                return report.endedWhileFollowed(batch, elapsed, manifest);
            }
            if (batch.status() == BatchStatus.PAUSED && !pausedNoticeShown) {
                progress.close();
                out.println("Batch " + id + " is paused" + (batch.stopReason() == null
                        ? " (from the web app or the API)" : ": " + ConsoleProgress.oneLine(batch.stopReason(), 200))
                        + "; waiting for it to resume. Ctrl-C leaves it paused.");
                pausedNoticeShown = true;
            } else if (batch.status() == BatchStatus.RUNNING) {
                pausedNoticeShown = false;
            }
            BreakerState breaker = youTube.get();
            if (breaker.open() && !Objects.equals(breaker.trippedAt(), youTubePauseShown)) {
                progress.close();
                out.println(breaker.notice(ZoneId.systemDefault()));
                youTubePauseShown = breaker.trippedAt();
            }
            progress.overall(p, queries.estimate(id));
            Thread.sleep(pollInterval.toMillis());
            if (stopped) {
                return BatchCommand.FAILURES;
            }
        }
    }
}
