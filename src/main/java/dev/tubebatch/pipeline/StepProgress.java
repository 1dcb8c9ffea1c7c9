package dev.tubebatch.pipeline;

import dev.tubebatch.batch.ItemTracker;
import dev.tubebatch.batch.VideoItem;
import java.time.Duration;
import java.util.function.DoubleConsumer;
import java.util.function.LongSupplier;

/**
 * Progress inside one step of one video, written through to the item at a rate the database and the views can
 * take: a new value is written when it is at least {@link #MIN_GAIN} above the last one written, when
 * {@link #MIN_INTERVAL} has passed since that write, or when it is the end (1); smaller, sooner moves are dropped.
 * A step that sees 10,000 updates (yt-dlp's lines, speech pieces) so writes at most about 20 plus one a second.
 * Progress only goes forward. One per step and try: the step's start has set the stored progress to 0. Safe to call
 * from any thread.
 */
final class StepProgress implements DoubleConsumer {

    static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    static final double MIN_GAIN = 0.05;

    private final DoubleConsumer sink;
    private final LongSupplier nanoTime;
    private double written;
    private long writtenAt;

    /** Writes to {@code item}'s stored progress through {@code tracker}. */
    StepProgress(ItemTracker tracker, VideoItem item) {
        this(tracker, item, System::nanoTime);
    }

    StepProgress(ItemTracker tracker, VideoItem item, LongSupplier nanoTime) {
        this(fraction -> tracker.stepProgress(item, (float) fraction), nanoTime);
    }

    /** @param nanoTime the monotonic clock, {@link System#nanoTime} outside tests */
    StepProgress(DoubleConsumer sink, LongSupplier nanoTime) {
        this.sink = sink;
        this.nanoTime = nanoTime;
        this.writtenAt = nanoTime.getAsLong();
    }

    /** Reports {@code fraction} done, 0 to 1 (clamped); written only as the rate allows. */
    @Override
    public synchronized void accept(double fraction) {
        double value = Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
        if (value <= written) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (value == 1 || value - written >= MIN_GAIN - 1e-9 || now - writtenAt >= MIN_INTERVAL.toNanos()) {
            written = value;
            writtenAt = now;
            sink.accept(value);
        }
    }
}
