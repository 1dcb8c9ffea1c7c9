package dev.tubebatch.ui;

import dev.tubebatch.batch.BatchQueries;
import dev.tubebatch.format.Durations;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What a preview says about running its videos on this machine: the resource advisor's batch size, and an estimate
 * of the time they take. Pure: it renders the figures it was given, taken when the preview ran.
 *
 * @param batchSize the advisor's batch size (about an hour of work for this machine)
 * @param workers the job workers that would run the batch at once (the node's workers, or the batch's max workers)
 * @param inferenceSlots the advisor's inference slots, for the estimate without measurements
 * @param videosPerSlotHour the advisor's figure for what one slot finishes in an hour
 * @param measured how long recently completed videos took; null when none completed recently
 */
record PreviewPlan(int batchSize, int workers, int inferenceSlots, int videosPerSlotHour,
        BatchQueries.@Nullable VideoTimes measured) {

    PreviewPlan {
        workers = Math.max(1, workers);
        inferenceSlots = Math.max(1, inferenceSlots);
    }

    /** "Recommended batch size on this machine: 120 videos (about an hour of work)." */
    String recommendation() {
        return "Recommended batch size on this machine: " + batchSize + " videos (about an hour of work; see the "
                + "resource advisor in System).";
    }

    /**
     * The time {@code count} videos should take: count × measured seconds per video ÷ workers, or without
     * measurements the advisor's rough figure, saying so.
     */
    String estimate(int count) {
        if (measured != null) {
            long seconds = Math.round(count * measured.meanSeconds() / workers);
            return "Estimated time: about " + Durations.elapsed(seconds) + " (" + count + " × "
                    + Durations.elapsed(Math.round(measured.meanSeconds())) + " per video, the average of "
                    + measured.videos() + " recently completed " + (measured.videos() == 1 ? "video" : "videos")
                    + ", ÷ " + workers + (workers == 1 ? " worker)." : " workers).");
        }
        long seconds = Math.round(count * 3600.0 / ((double) inferenceSlots * videosPerSlotHour));
        return "Estimated time: no measurements yet (no video completed recently). The advisor's rough figure: "
                + "about " + Durations.elapsed(seconds) + String.format(Locale.ROOT, " at %d videos per hour.",
                        inferenceSlots * videosPerSlotHour);
    }

    /** Null when {@code count} is within the recommended size; else what to do about it, concretely. */
    @Nullable String sizeWarning(int count) {
        if (count <= batchSize) {
            return null;
        }
        int parts = (count + batchSize - 1) / batchSize;
        return "This batch has " + count + " videos, more than the " + batchSize + " recommended: results come "
                + "later and a restart loses more. Split it into " + parts + " batches of at most " + batchSize
                + " (fewer recent videos per channel, or narrower upload dates), or raise workers: set a higher "
                + "jobrunr.background-job-server.worker-count where the System view shows room to spare, or add a "
                + "worker node.";
    }
}
