package dev.tubebatch.cli;

import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchOptions;
import dev.tubebatch.batch.BatchProgress;
import dev.tubebatch.batch.BatchQueries;
import dev.tubebatch.batch.BatchService;
import dev.tubebatch.batch.BatchStatus;
import dev.tubebatch.batch.ItemStatus;
import dev.tubebatch.batch.NewBatch;
import dev.tubebatch.batch.VideoItem;
import dev.tubebatch.export.ExportService;
import dev.tubebatch.export.OutputLayout;
import dev.tubebatch.format.Durations;
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
 * Runs one parsed command line against the services: creates, resumes or retries a batch and follows it to its
 * end, or prints a preview or a status. Returns the exit code. The engine does the work in this process's job
 * workers, or in the running app's whose database this run joined; this class only starts things and watches the
 * database.
 */
final class BatchCommand {

    static final int OK = 0;
    static final int FAILURES = 1;
    static final int USAGE = 2;
    static final int STOPPED = 3;
    private static final int PAGE = 500;

    private final BatchService batches;
    private final BatchQueries queries;
    private final CliInputs inputs;
    private final OutputLayout layout;
    private final ExportService exports;
    private final PrintStream out;
    private final PrintStream err;
    private final ConsoleProgress progress;
    private final Duration pollInterval;
    private final Clock clock;
    private final Supplier<BreakerState> youTube;

    private boolean manifestWanted;
    private volatile @Nullable UUID followed;
    private volatile boolean done;
    private volatile boolean interrupted;

    BatchCommand(BatchService batches, BatchQueries queries, CliInputs inputs, OutputLayout layout,
            ExportService exports, PrintStream out, PrintStream err, boolean terminal, Duration pollInterval,
            Clock clock, Supplier<BreakerState> youTube) {
        this.batches = batches;
        this.queries = queries;
        this.inputs = inputs;
        this.layout = layout;
        this.exports = exports;
        this.out = out;
        this.err = err;
        this.progress = new ConsoleProgress(out, terminal);
        this.pollInterval = pollInterval;
        this.clock = clock;
        this.youTube = youTube;
    }

    int execute(CliOptions options) throws InterruptedException {
        manifestWanted = options.outputManifest();
        return switch (options.mode()) {
            case DRY_RUN -> dryRun(options);
            case RUN -> run(options);
            case RESUME -> resume(options);
            // CliArguments sets the batch id with these modes, and the resume target with RESUME.
            case RETRY_FAILED -> retryFailed(Objects.requireNonNull(options.batchId()));
            case STATUS -> status(Objects.requireNonNull(options.batchId()));
            case HELP -> {
                out.print(CliArguments.usage());
                yield OK;
            }
        };
    }

    /** The batch this command is following and has not seen finish; null otherwise. For the Ctrl-C handler. */
    @Nullable UUID unfinishedBatch() {
        return done ? null : followed;
    }

    /** Whether Ctrl-C (or a termination signal) has stopped this command. */
    boolean isInterrupted() {
        return interrupted;
    }

    /**
     * Ctrl-C: holds the batch so nothing new starts, and says how to go on. On a terminal, Ctrl-C also reaches the
     * embedded PostgreSQL, which may already be stopping: then the batch stays as it was, and {@code --resume}
     * goes on from each video's last finished step all the same.
     */
    void interrupted() {
        interrupted = true;
        UUID id = unfinishedBatch();
        if (id == null) {
            return;
        }
        progress.close();
        err.println();
        try {
            boolean paused = batches.pause(id);
            err.println((paused ? "Paused batch " : "Left batch ") + id + ". Videos that were running go on from"
                    + " their last finished step when it resumes.");
        } catch (RuntimeException e) {
            err.println("Stopped batch " + id + " (the database was already shutting down, so it is not marked"
                    + " paused). Videos that were running go on from their last finished step.");
        }
        err.println("Resume with: tubebatch batch --resume " + id);
    }

    private int dryRun(CliOptions options) {
        CliInputs.Resolved resolved = inputs.resolve(options);
        resolved.printJsonLines(out);
        return OK;
    }

    private int run(CliOptions options) throws InterruptedException {
        CliInputs.Resolved resolved = inputs.resolve(options);
        for (String rejection : resolved.rejectionLines()) {
            err.println("skipped " + rejection);
        }
        if (resolved.videos().isEmpty()) {
            err.println("tubebatch: URL: none of the inputs is a YouTube video; nothing to do");
            return USAGE;
        }
        String name = options.batchName() == null ? "" : options.batchName(); // NewBatch names a batch that has none
        Batch batch = batches.create(new NewBatch(name, resolved.videos(), options.maxWorkers(),
                options.retryLimit(), options.onError(),
                new BatchOptions(options.summaries(), options.summarySentences(),
                        options.summaryPreset(), options.summaryInstruction(), options.maxVideoMinutes(),
                        options.captionLanguages(), options.translatedCaptions())),
                System.getProperty("user.name", "cli"));
        out.println("Batch " + batch.id() + " \"" + ConsoleProgress.oneLine(batch.name(), 80) + "\": "
                + resolved.videos().size() + " videos, " + options.onError().name().toLowerCase(java.util.Locale.ROOT)
                + " on error, up to " + options.retryLimit() + " retries");
        out.println("If interrupted, go on with: tubebatch batch --resume " + batch.id());
        return follow(batch.id(), batch.createdAt());
    }

    private int resume(CliOptions options) throws InterruptedException {
        UUID id;
        try {
            id = ResumeTarget.batchId(Objects.requireNonNull(options.resume()));
        } catch (IllegalArgumentException e) {
            err.println("tubebatch: --resume: " + e.getMessage());
            return USAGE;
        }
        Batch batch = queries.find(id).orElse(null);
        if (batch == null) {
            err.println("tubebatch: --resume: no batch " + id + " in this database");
            return USAGE;
        }
        if (batch.status().isFinished()) {
            out.println("Batch " + id + " has already finished (" + batch.status() + ").");
            return finalSummary(queries.get(id), Duration.ZERO, false);
        }
        if (batch.status().isHeld()) {
            batches.resume(id);
            out.println("Resumed batch " + id + ".");
        } else {
            out.println("Batch " + id + " is running; following it (unfinished videos go on from their last step).");
        }
        return follow(id, clock.instant());
    }

    private int retryFailed(UUID id) throws InterruptedException {
        if (queries.find(id).isEmpty()) {
            err.println("tubebatch: --retry-failed: no batch " + id + " in this database");
            return USAGE;
        }
        int requeued = batches.retryFailed(id);
        out.println(requeued == 0 ? "Batch " + id + " has no failed videos to retry."
                : "Retrying " + requeued + " failed videos of batch " + id + ".");
        if (requeued == 0) {
            return exitCode(queries.get(id));
        }
        return follow(id, clock.instant());
    }

    private int status(UUID id) {
        Batch batch = queries.find(id).orElse(null);
        if (batch == null) {
            err.println("tubebatch: --status: no batch " + id + " in this database");
            return USAGE;
        }
        BatchProgress p = queries.progress(id);
        out.println("Batch " + id + " \"" + ConsoleProgress.oneLine(batch.name(), 80) + "\": " + batch.status()
                + (batch.stopReason() == null ? "" : " (" + ConsoleProgress.oneLine(batch.stopReason(), 200) + ")"));
        out.println("  " + p.total() + " videos: " + p.completed() + " completed, " + p.failed() + " failed, "
                + (p.pending() + p.queued() + p.retrying()) + " waiting, " + p.running() + " running, "
                + p.cancelled() + " cancelled");
        for (VideoItem failed : queries.items(id, ItemStatus.FAILED, 0, 20)) {
            out.println("  FAIL " + failed.position() + " " + failed.videoId() + "  "
                    + (failed.errorKind() == null ? "" : failed.errorKind() + ": ")
                    + ConsoleProgress.oneLine(failed.errorMessage() == null ? "" : failed.errorMessage(), 120));
        }
        out.println("  output: " + layout.batchFolder(batch).toAbsolutePath());
        BreakerState breaker = youTube.get();
        if (breaker.open()) {
            out.println("  " + breaker.notice(ZoneId.systemDefault()));
        }
        return OK;
    }

    /** Prints videos as they finish and the overall bar until the batch ends or is held. */
    private int follow(UUID id, Instant since) throws InterruptedException {
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
                return finalSummary(batch, elapsed, true);
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
            if (interrupted) {
                return FAILURES;
            }
        }
    }

    /** Prints how the batch ended; with {@code export}, first writes its folder (state file, manifest, PDF...). */
    private int finalSummary(Batch batch, Duration elapsed, boolean export) {
        BatchProgress p = queries.progress(batch.id());
        out.println("Batch " + batch.id() + " " + batch.status() + ": " + p.completed() + " completed, " + p.failed()
                + " failed, " + p.cancelled() + " cancelled of " + p.total()
                + (elapsed.isZero() ? "" : " in " + Durations.elapsed(elapsed)));
        if (batch.status() == BatchStatus.STOPPED) {
            out.println("Stopped by the on-error policy: " + batch.stopReason());
        }
        if (p.failed() > 0) {
            out.println("Retry the failed videos with: tubebatch batch --retry-failed " + batch.id());
        }
        if (export) {
            java.nio.file.Path folder = exports.ensureExported(batch.id()).toAbsolutePath();
            out.println("Output: " + folder);
            if (manifestWanted) {
                out.println("Manifest: " + folder.resolve(OutputLayout.MANIFEST));
            }
        } else {
            out.println("Output: " + layout.batchFolder(batch).toAbsolutePath());
        }
        return exitCode(batch);
    }

    static int exitCode(Batch batch) {
        return switch (batch.status()) {
            case COMPLETED -> OK;
            case STOPPED -> STOPPED;
            default -> FAILURES;
        };
    }
}
