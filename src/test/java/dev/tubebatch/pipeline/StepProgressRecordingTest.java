package dev.tubebatch.pipeline;

import static dev.tubebatch.support.EngineHarness.LIMIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchEvents;
import dev.tubebatch.batch.ItemStatus;
import dev.tubebatch.batch.ItemTracker;
import dev.tubebatch.batch.VideoItem;
import dev.tubebatch.support.EngineHarness;
import dev.tubebatch.support.EngineTest;
import dev.tubebatch.support.Eventually;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A running video's progress inside its step reaches the database and the views, throttled: a step that reports a
 * thousand times within a second is written about twenty times.
 */
@EngineTest
class StepProgressRecordingTest {

    @Autowired
    EngineHarness engine;

    @Autowired
    ItemTracker tracker;

    @Autowired
    BatchEvents events;

    @Test
    void a_running_videos_progress_is_stored_and_announced_at_most_every_five_points_within_a_second() {
        Batch batch = engine.create("Progress", 0, "slpPROGRES1"); // its metadata call sleeps: it stays running
        Eventually.within(LIMIT, "the video to start its first step", () -> {
            VideoItem item = engine.item(batch, "slpPROGRES1");
            return item.status() == ItemStatus.RUNNING && item.currentStep() != null;
        });
        VideoItem running = engine.item(batch, "slpPROGRES1");
        AtomicInteger announced = new AtomicInteger();
        AtomicLong now = new AtomicLong();
        StepProgress progress = new StepProgress(tracker, running, now::get);
        try (BatchEvents.Subscription subscription = events.subscribe(change -> {
            if (running.id().equals(change.itemId())) {
                announced.incrementAndGet();
            }
        })) {
            for (int i = 1; i <= 500; i++) { // half the step, within one second
                progress.accept(i / 1000.0);
            }
            assertThat(engine.item(batch, "slpPROGRES1").stepProgress()).isEqualTo(0.5f);
            now.addAndGet(1_000_000_000L);
            progress.accept(0.501);
            assertThat(engine.item(batch, "slpPROGRES1").stepProgress()).isEqualTo(0.501f);
            // Listeners hear of changes on their own thread: ten writes to 50%, and the one after the second passed.
            Eventually.within(LIMIT, "the writes to be announced", () -> announced.get() >= 11);
            assertThat(announced.get()).as("writes announced").isEqualTo(11);
        } finally {
            engine.batches().cancel(batch.id());
        }
        Eventually.within(LIMIT, "the cancelled video to end",
                () -> engine.item(batch, "slpPROGRES1").status().isFinal());
    }
}
