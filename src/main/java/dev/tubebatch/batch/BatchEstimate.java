package dev.tubebatch.batch;

import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How fast a batch goes and when it should end, from the times its steps actually took.
 *
 * @param total videos in the batch
 * @param finished videos that reached an end state
 * @param elapsed since the batch started, up to its end or now
 * @param videosPerMinute finished videos per minute of elapsed time; 0 before the first ends
 * @param meanStepTimes the mean measured time of each step that has run in this batch
 * @param parallelism how many videos ran at once on average (measured step time / time since the first step)
 * @param eta the time still needed: for each unfinished video, the mean times of the steps it has not recorded,
 *     summed and divided by the parallelism; null until every step has been measured at least once (or the
 *     batch ended: then zero)
 */
public record BatchEstimate(int total, int finished, Duration elapsed, double videosPerMinute,
        Map<Step, Duration> meanStepTimes, double parallelism, @Nullable Duration eta) {

    /** "12 of 40", for people. */
    public String xOfY() {
        return finished + " of " + total;
    }
}
