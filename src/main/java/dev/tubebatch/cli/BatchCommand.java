package dev.tubebatch.cli;

import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchOptions;
import dev.tubebatch.batch.BatchQueries;
import dev.tubebatch.batch.BatchService;
import dev.tubebatch.batch.NewBatch;
import dev.tubebatch.export.ExportService;
import dev.tubebatch.export.OutputLayout;
import dev.tubebatch.youtube.budget.BreakerState;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs one parsed command line against the services: creates, resumes or retries a batch and hands it to
 * {@link BatchFollower} to follow to its end, or prints a preview, or a status through {@link BatchReport}; and on
 * Ctrl-C pauses the batch it follows. Returns the exit code, one of those below. The engine does the work in this
 * process's job workers, or in the running app's whose database this run joined; this command only starts things and
 * watches the database.
 */
final class BatchCommand {

    static final int OK = 0;
    static final int FAILURES = 1;
    static final int USAGE = 2;
    static final int STOPPED = 3;

    private final BatchService batches;
    private final BatchQueries queries;
    private final CliInputs inputs;
    private final PrintStream out;
    private final PrintStream err;
    private final ConsoleProgress progress;
    private final Clock clock;
    private final BatchReport report;
    private final BatchFollower follower;

    private boolean manifestWanted;

    BatchCommand(BatchService batches, BatchQueries queries, CliInputs inputs, OutputLayout layout,
            ExportService exports, PrintStream out, PrintStream err, boolean terminal, Duration pollInterval,
            Clock clock, Supplier<BreakerState> youTube) {
        this.batches = batches;
        this.queries = queries;
        this.inputs = inputs;
        this.out = out;
        this.err = err;
        this.progress = new ConsoleProgress(out, terminal);
        this.clock = clock;
        this.report = new BatchReport(queries, layout, exports, out, err, youTube);
        this.follower = new BatchFollower(queries, report, progress, out, pollInterval, clock, youTube);
    }

    int execute(CliOptions options) throws InterruptedException {
        manifestWanted = options.outputManifest();
        return switch (options.mode()) {
            case DRY_RUN -> dryRun(options);
            case RUN -> run(options);
            case RESUME -> resume(options);
            // CliArguments sets the batch id with these modes, and the resume target with RESUME.
            case RETRY_FAILED -> retryFailed(Objects.requireNonNull(options.batchId()));
            case STATUS -> report.status(Objects.requireNonNull(options.batchId()));
            case HELP -> {
                out.print(CliArguments.usage());
                yield OK;
            }
        };
    }

    /** The batch this command is following and has not seen finish; null otherwise. For the Ctrl-C handler. */
    @Nullable UUID unfinishedBatch() {
        return follower.unfinishedBatch();
    }

    /** Whether Ctrl-C (or a termination signal) has stopped this command. */
    boolean isInterrupted() {
        return follower.isStopped();
    }

    /**
     * Ctrl-C: holds the batch so nothing new starts, and says how to go on. On a terminal, Ctrl-C also reaches the
     * embedded PostgreSQL, which may already be stopping: then the batch stays as it was, and {@code --resume}
     * goes on from each video's last finished step all the same.
     */
    void interrupted() {
        follower.stop();
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
        return follower.follow(batch.id(), batch.createdAt(), manifestWanted);
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
            return report.ended(queries.get(id));
        }
        if (batch.status().isHeld()) {
            batches.resume(id);
            out.println("Resumed batch " + id + ".");
        } else {
            out.println("Batch " + id + " is running; following it (unfinished videos go on from their last step).");
        }
        return follower.follow(id, clock.instant(), manifestWanted);
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
            return BatchReport.exitCode(queries.get(id));
        }
        return follower.follow(id, clock.instant(), manifestWanted);
    }
}
