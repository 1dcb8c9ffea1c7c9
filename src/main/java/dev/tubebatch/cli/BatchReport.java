package dev.tubebatch.cli;

import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchProgress;
import dev.tubebatch.batch.BatchQueries;
import dev.tubebatch.batch.BatchStatus;
import dev.tubebatch.batch.ItemStatus;
import dev.tubebatch.batch.VideoItem;
import dev.tubebatch.export.ExportService;
import dev.tubebatch.export.OutputLayout;
import dev.tubebatch.format.Durations;
import dev.tubebatch.youtube.budget.BreakerState;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What {@code tubebatch batch} prints about one batch as a whole: its progress for {@code --status}, and how it ended
 * (first writing its folder where this run followed it to its end), with the exit code that goes with that end.
 */
final class BatchReport {

    private final BatchQueries queries;
    private final OutputLayout layout;
    private final ExportService exports;
    private final PrintStream out;
    private final PrintStream err;
    private final Supplier<BreakerState> youTube;

    BatchReport(BatchQueries queries, OutputLayout layout, ExportService exports, PrintStream out, PrintStream err,
            Supplier<BreakerState> youTube) {
        this.queries = queries;
        this.layout = layout;
        this.exports = exports;
        this.out = out;
        this.err = err;
        this.youTube = youTube;
    }

    /** {@code --status}: the batch's state, its counts, its first failures, its folder and a YouTube pause. */
    int status(UUID id) {
        Batch batch = queries.find(id).orElse(null);
        if (batch == null) {
            err.println("tubebatch: --status: no batch " + id + " in this database");
            return BatchCommand.USAGE;
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
        return BatchCommand.OK;
    }

    /** How a batch that had ended before this run ended, and where its folder is. */
    int ended(Batch batch) {
        summary(batch, Duration.ZERO);
        out.println("Output: " + layout.batchFolder(batch).toAbsolutePath());
        return exitCode(batch);
    }

    /**
     * How the batch this run followed ended, after {@code elapsed}; writes its folder (state file, manifest, PDF...)
     * and prints it, and with {@code manifest} the manifest's path too.
     */
    int endedWhileFollowed(Batch batch, Duration elapsed, boolean manifest) {
        summary(batch, elapsed);
        Path folder = exports.ensureExported(batch.id()).toAbsolutePath();
        out.println("Output: " + folder);
        if (manifest) {
            out.println("Manifest: " + folder.resolve(OutputLayout.MANIFEST));
        }
        return exitCode(batch);
    }

    private void summary(Batch batch, Duration elapsed) {
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
    }

    /** The exit code for a batch in this state: 0 when all videos are done, 3 when the on-error policy stopped it. */
    static int exitCode(Batch batch) {
        return switch (batch.status()) {
            case COMPLETED -> BatchCommand.OK;
            case STOPPED -> BatchCommand.STOPPED;
            default -> BatchCommand.FAILURES;
        };
    }
}
