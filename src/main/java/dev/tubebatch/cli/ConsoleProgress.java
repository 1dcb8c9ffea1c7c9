package dev.tubebatch.cli;

import dev.tubebatch.batch.BatchEstimate;
import dev.tubebatch.batch.BatchProgress;
import dev.tubebatch.batch.ItemStatus;
import dev.tubebatch.batch.VideoItem;
import dev.tubebatch.format.Durations;
import java.io.PrintStream;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What the CLI prints while a batch runs: a line per finished video, and an overall bar (X of Y, failed, elapsed,
 * ETA). On a terminal the bar is redrawn in place; otherwise (a CI log, a pipe) a plain progress line is printed
 * when a tenth of the batch more is done or half a minute passed, so logs stay short and readable.
 */
final class ConsoleProgress {

    static final int BAR_WIDTH = 24;
    private static final Duration PLAIN_INTERVAL = Duration.ofSeconds(30);

    private final PrintStream out;
    private final boolean terminal;
    private int lastPlainFinished = -1;
    private long lastPlainAtMillis;
    private boolean barShown;

    ConsoleProgress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** One line for a video that reached an end state. */
    void finished(VideoItem item, int total) {
        clearBar();
        String mark = switch (item.status()) {
            case COMPLETED -> "done";
            case FAILED -> "FAIL";
            default -> item.status().name().toLowerCase(java.util.Locale.ROOT);
        };
        StringBuilder line = new StringBuilder();
        line.append(String.format("%-4s %" + digits(total) + "d/%d  %s  %s", mark, item.position(), total,
                item.videoId(), oneLine(item.displayTitle(), 60)));
        if (item.status() == ItemStatus.COMPLETED && item.transcriptSource() != null) {
            line.append("  [").append(item.transcriptSource().name().toLowerCase(java.util.Locale.ROOT)).append(']');
        }
        if (item.startedAt() != null && item.finishedAt() != null) {
            line.append(String.format("  %.1f s", Duration.between(item.startedAt(), item.finishedAt()).toMillis()
                    / 1000.0));
        }
        if (item.status() == ItemStatus.FAILED) {
            line.append("  ").append(item.errorKind() == null ? "" : item.errorKind().name() + ": ")
                    .append(oneLine(item.errorMessage() == null ? "" : item.errorMessage(), 120));
        }
        out.println(line);
    }

    /** The overall state; redrawn on a terminal, printed now and then otherwise. */
    void overall(BatchProgress progress, BatchEstimate estimate) {
        String text = summaryLine(progress, estimate);
        if (terminal) {
            out.print("\r\u001b[2K" + bar(progress.fraction()) + " " + text);
            out.flush();
            barShown = true;
            return;
        }
        long now = System.currentTimeMillis();
        int finished = progress.finished();
        int step = Math.max(1, progress.total() / 10);
        if (lastPlainFinished < 0 || finished - lastPlainFinished >= step || now - lastPlainAtMillis
                >= PLAIN_INTERVAL.toMillis() || finished == progress.total()) {
            if (finished != lastPlainFinished || now - lastPlainAtMillis >= PLAIN_INTERVAL.toMillis()) {
                out.println("progress " + text);
                lastPlainFinished = finished;
                lastPlainAtMillis = now;
            }
        }
    }

    /** Ends the bar's line so the next output starts on its own. */
    void close() {
        clearBar();
    }

    /** The counts, the batch's elapsed time and its ETA from the one estimator ({@link BatchEstimate}). */
    static String summaryLine(BatchProgress p, BatchEstimate estimate) {
        StringBuilder text = new StringBuilder();
        text.append(p.finished()).append('/').append(p.total());
        text.append("  completed ").append(p.completed()).append("  failed ").append(p.failed());
        if (p.running() > 0) {
            text.append("  running ").append(p.running());
        }
        text.append("  elapsed ").append(Durations.elapsed(estimate.elapsed()));
        Duration eta = estimate.eta();
        text.append("  ETA ").append(eta == null ? "--:--" : Durations.elapsed(eta));
        return text.toString();
    }

    static String bar(double fraction) {
        int filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * BAR_WIDTH);
        return "[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "] "
                + String.format("%3d%%", (int) Math.floor(fraction * 100));
    }

    private void clearBar() {
        if (terminal && barShown) {
            out.print("\r\u001b[2K");
            barShown = false;
        }
    }

    private static int digits(int n) {
        return Integer.toString(Math.max(1, n)).length();
    }

    /** Text on one line (titles and tool messages may hold line breaks or terminal control codes), capped. */
    static String oneLine(String text, int max) {
        StringBuilder clean = new StringBuilder(Math.min(text.length(), max));
        text.codePoints().forEach(cp -> {
            if (!Character.isISOControl(cp)) {
                clean.appendCodePoint(cp);
            } else if (cp == '\n' || cp == '\t' || cp == '\r') {
                clean.append(' ');
            }
        });
        String one = clean.toString().strip();
        return one.length() <= max ? one : one.substring(0, max - 1) + "…";
    }
}
