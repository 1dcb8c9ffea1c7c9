package dev.tubebatch.batch;

import static dev.tubebatch.support.EngineHarness.LIMIT;
import static dev.tubebatch.support.EngineHarness.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tubebatch.support.EngineHarness;
import dev.tubebatch.support.EngineTest;
import dev.tubebatch.support.Eventually;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Progress and ETA: X of Y, elapsed, throughput, and the time left from the measured step times. */
@EngineTest
class BatchEstimateTest {

    @Autowired
    EngineHarness engine;

    @Test
    void the_time_left_comes_from_the_measured_step_times_of_the_steps_still_to_run() {
        Batch batch = engine.create("Estimate", 1, 0, OnErrorPolicy.CONTINUE, ids("capESTIM", 12));
        Eventually.within(LIMIT, "3 videos to complete", () -> engine.queries().progress(batch.id()).completed() >= 3);
        engine.batches().pause(batch.id());
        Eventually.within(LIMIT, "the running video to stop", () -> {
            BatchProgress p = engine.queries().progress(batch.id());
            return p.running() + p.queued() == 0;
        });

        BatchEstimate estimate = engine.queries().estimate(batch.id());

        BatchProgress progress = engine.queries().progress(batch.id());
        assertThat(estimate.total()).isEqualTo(12);
        assertThat(estimate.finished()).isEqualTo(progress.finished());
        assertThat(estimate.xOfY()).isEqualTo(progress.finished() + " of 12");
        assertThat(estimate.meanStepTimes()).containsOnlyKeys(Step.values());
        assertThat(estimate.parallelism()).isGreaterThanOrEqualTo(1);
        assertThat(estimate.videosPerMinute())
                .isCloseTo(progress.finished() / (estimate.elapsed().toMillis() / 60_000.0), within(0.5));
        // Expected: for every unfinished video, the mean times of the steps it has not recorded yet.
        double remaining = 0;
        for (VideoItem item : engine.queries().items(batch.id())) {
            if (item.status().isFinal()) {
                continue;
            }
            Map<Step, ?> recorded = engine.history().steps(item.id());
            for (Map.Entry<Step, Duration> mean : estimate.meanStepTimes().entrySet()) {
                if (!recorded.containsKey(mean.getKey())) {
                    remaining += mean.getValue().toMillis();
                }
            }
        }
        assertThat(estimate.eta()).isNotNull();
        assertThat((double) estimate.eta().toMillis()).isCloseTo(remaining / estimate.parallelism(), within(2.0));
        assertThat(estimate.eta()).isPositive();

        engine.batches().resume(batch.id());
        engine.awaitFinished(batch);
        BatchEstimate done = engine.queries().estimate(batch.id());
        assertThat(done.finished()).isEqualTo(12);
        assertThat(done.eta()).isEqualTo(Duration.ZERO);
        assertThat(done.videosPerMinute()).isPositive();
        // What a preview's estimate starts from: completed videos' step times, summed per video.
        BatchQueries.VideoTimes recent = engine.queries().recentVideoTimes(Duration.ofHours(1));
        assertThat(recent).isNotNull();
        assertThat(recent.videos()).isGreaterThanOrEqualTo(12);
        assertThat(recent.meanSeconds()).isGreaterThan(0);
    }

    @Test
    void no_time_left_is_claimed_before_every_step_has_been_measured() {
        Batch batch = engine.create("Estimate early", 1, 0, OnErrorPolicy.CONTINUE, "slpESTIM001", "capESTIM101");
        Eventually.within(LIMIT, "the first video to start", () -> engine.queries().progress(batch.id()).running() == 1);

        BatchEstimate estimate = engine.queries().estimate(batch.id());

        assertThat(estimate.finished()).isZero();
        assertThat(estimate.eta()).isNull();
        assertThat(estimate.videosPerMinute()).isZero();
        engine.batches().cancel(batch.id());
        engine.awaitFinished(batch);
    }
}
