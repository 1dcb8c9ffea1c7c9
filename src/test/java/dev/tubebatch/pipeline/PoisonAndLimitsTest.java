package dev.tubebatch.pipeline;

import static dev.tubebatch.support.EngineHarness.FAKE;
import static dev.tubebatch.support.EngineHarness.LIMIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tubebatch.batch.Attempt;
import dev.tubebatch.batch.AttemptOutcome;
import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchOptions;
import dev.tubebatch.batch.BatchStatus;
import dev.tubebatch.batch.ErrorKind;
import dev.tubebatch.batch.ItemStatus;
import dev.tubebatch.batch.VideoItem;
import dev.tubebatch.support.EngineHarness;
import dev.tubebatch.support.EngineTest;
import dev.tubebatch.support.Eventually;
import dev.tubebatch.youtube.FakeYtDlp;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Videos that must not poison the engine: errors thrown by a try, videos longer than allowed, a disk that fills
 * up. (A video that kills its worker's process is {@link KilledWorkerTest}.)
 */
@EngineTest
class PoisonAndLimitsTest {

    @Autowired
    EngineHarness engine;

    @Test
    void an_error_thrown_by_a_try_is_recorded_as_a_crashed_try_and_the_video_is_retried() {
        engine.outOfMemoryAfterAStep("capOOMONCE1", 1);
        Batch batch = engine.create("Out of memory once", 1, "capOOMONCE1");

        engine.awaitFinished(batch);

        assertThat(engine.item(batch, "capOOMONCE1").status()).isEqualTo(ItemStatus.COMPLETED);
        List<Attempt> attempts = engine.history().attempts(engine.item(batch, "capOOMONCE1").id());
        assertThat(attempts).extracting(Attempt::outcome)
                .containsExactly(AttemptOutcome.RETRY, AttemptOutcome.SUCCEEDED);
        assertThat(attempts.getFirst().errorKind()).isEqualTo(ErrorKind.CRASHED);
        assertThat(attempts.getFirst().errorMessage()).contains("OutOfMemoryError: Java heap space");
    }

    @Test
    void a_video_whose_every_try_throws_an_error_fails_as_crashed_and_its_batch_goes_on() {
        engine.outOfMemoryAfterAStep("capOOMALWAY", 100);
        Batch batch = engine.create("Out of memory always", 1, "capOOMALWAY", "capOOMOTHER");

        engine.awaitFinished(batch);

        VideoItem poisoned = engine.item(batch, "capOOMALWAY");
        assertThat(poisoned.status()).isEqualTo(ItemStatus.FAILED);
        assertThat(poisoned.errorKind()).isEqualTo(ErrorKind.CRASHED);
        assertThat(engine.history().attempts(poisoned.id())).hasSize(2);
        assertThat(engine.item(batch, "capOOMOTHER").status()).isEqualTo(ItemStatus.COMPLETED);
        assertThat(engine.queries().get(batch.id()).status()).isEqualTo(BatchStatus.COMPLETED_WITH_FAILURES);
    }

    @Test
    void a_video_longer_than_the_node_allows_fails_at_resolve_before_any_download() {
        Batch batch = engine.create("Too long", 3, "lngTOOLONG1", "capNOTLONG1");

        engine.awaitFinished(batch);

        VideoItem longOne = engine.item(batch, "lngTOOLONG1");
        assertThat(longOne.status()).isEqualTo(ItemStatus.FAILED);
        assertThat(longOne.errorKind()).isEqualTo(ErrorKind.TOO_LONG);
        assertThat(longOne.errorMessage()).isEqualTo("The video is 5:00:12 long; the longest allowed is 4:00:00"
                + " (tubebatch.pipeline.max-video-duration)");
        // Permanent: one try, and neither captions nor audio were fetched.
        assertThat(engine.history().attempts(longOne.id())).hasSize(1);
        assertThat(FakeYtDlp.argvs(FAKE)).filteredOn(argv -> argv.getLast().contains("lngTOOLONG1"))
                .allSatisfy(argv -> assertThat(argv).contains("-J"));
        assertThat(engine.item(batch, "capNOTLONG1").status()).isEqualTo(ItemStatus.COMPLETED);
    }

    @Test
    void a_batch_can_lower_the_limit_on_video_length() {
        // The fake's cap videos last 60 s plus (the sum of the id's character codes mod 600) seconds.
        String longer = "capLIMITS01";
        int seconds = 60 + longer.chars().sum() % 600;
        assertThat(seconds).as("this id's length").isGreaterThan(60);
        Batch batch = engine.create("Lower limit", new BatchOptions(true, null, null, null, 1), longer);

        engine.awaitFinished(batch);

        VideoItem item = engine.item(batch, longer);
        assertThat(item.errorKind()).isEqualTo(ErrorKind.TOO_LONG);
        assertThat(item.errorMessage()).endsWith("the longest allowed is 1:00 (the batch's max video minutes)");
    }

    @Test
    void a_full_disk_pauses_the_batch_with_the_folder_and_fails_no_video() {
        Batch batch = engine.create("Disk full", new BatchOptions(true, null), "fulDISKFUL1");

        engine.awaitStatus(batch, BatchStatus.PAUSED);
        Eventually.within(LIMIT, "the video to wait again",
                () -> engine.item(batch, "fulDISKFUL1").status() == ItemStatus.PENDING);

        Batch paused = engine.queries().get(batch.id());
        assertThat(paused.stopReason()).startsWith("Disk full in /").contains("free some space there");
        VideoItem waiting = engine.item(batch, "fulDISKFUL1");
        assertThat(waiting.attempts()).as("the held try is not counted").isZero();
        assertThat(engine.history().attempts(waiting.id())).extracting(Attempt::outcome)
                .containsExactly(AttemptOutcome.HELD);

        assertThat(engine.batches().resume(batch.id())).isTrue();
        engine.awaitFinished(batch);

        assertThat(engine.item(batch, "fulDISKFUL1").status()).isEqualTo(ItemStatus.COMPLETED);
        assertThat(engine.queries().get(batch.id()).stopReason()).isNull();
    }
}
