package dev.tubebatch.pipeline;

import static dev.tubebatch.support.EngineHarness.FAKE;
import static dev.tubebatch.support.EngineHarness.LIMIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tubebatch.batch.Attempt;
import dev.tubebatch.batch.AttemptOutcome;
import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchStatus;
import dev.tubebatch.batch.ErrorKind;
import dev.tubebatch.batch.ItemStatus;
import dev.tubebatch.batch.Step;
import dev.tubebatch.batch.StepOutcome;
import dev.tubebatch.batch.StepRecord;
import dev.tubebatch.batch.TranscriptSource;
import dev.tubebatch.batch.TranscriptStore;
import dev.tubebatch.batch.VideoItem;
import dev.tubebatch.support.EngineHarness;
import dev.tubebatch.support.EngineTest;
import dev.tubebatch.support.Eventually;
import dev.tubebatch.youtube.FakeYtDlp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The per-video job: steps, checkpoints, failures and cancel, end to end. */
@EngineTest
class PipelineIntegrationTest {

    @Autowired
    EngineHarness engine;

    @Autowired
    TranscriptStore transcripts;

    @Test
    void videos_with_captions_complete_and_their_transcripts_are_exported() throws Exception {
        Batch batch = engine.create("Captions", 2, "capAAAAAAA1", "autBBBBBBB2");

        engine.awaitFinished(batch);

        assertThat(engine.queries().get(batch.id()).status()).isEqualTo(BatchStatus.COMPLETED);
        List<VideoItem> items = engine.queries().items(batch.id());
        assertThat(items).extracting(VideoItem::status).containsOnly(ItemStatus.COMPLETED);
        VideoItem manual = items.get(0);
        assertThat(manual.title()).isEqualTo("Fake video capAAAAAAA1");
        assertThat(manual.transcriptSource()).isEqualTo(TranscriptSource.CAPTIONS);
        assertThat(items.get(1).transcriptSource()).isEqualTo(TranscriptSource.AUTO_CAPTIONS);
        assertThat(transcripts.find(manual.id()).orElseThrow().segments()).isNotEmpty();

        Map<Step, StepRecord> steps = engine.history().steps(manual.id());
        assertThat(steps).containsOnlyKeys(Step.values());
        assertThat(steps.get(Step.CAPTIONS).outcome()).isEqualTo(StepOutcome.DONE);
        assertThat(steps.get(Step.AUDIO).outcome()).isEqualTo(StepOutcome.SKIPPED);
        assertThat(steps.get(Step.SUMMARIZE).outcome()).isEqualTo(StepOutcome.SKIPPED);
        assertThat(steps.get(Step.SUMMARIZE).note()).isEqualTo(SummarizeStep.NO_SUMMARIZER);

        Path markdown = Path.of(manual.outputPath());
        assertThat(markdown).exists().hasFileName("transcript.md");
        assertThat(markdown.getParent().getFileName().toString()).startsWith("001-capAAAAAAA1-fake-video-capaaaaaaa1");
        String text = Files.readString(markdown);
        assertThat(text).startsWith("# Fake video capAAAAAAA1").contains("## Transcript").contains("**[00:");
    }

    @Test
    void a_try_that_dies_after_captions_is_retried_without_fetching_captions_again() {
        engine.crashOnceAfterCaptions("capCRASHED1");
        Batch batch = engine.create("Crash", 2, "capCRASHED1", "capSTEADY02");

        engine.awaitFinished(batch);

        VideoItem crashed = engine.item(batch, "capCRASHED1");
        assertThat(crashed.status()).isEqualTo(ItemStatus.COMPLETED);
        assertThat(crashed.attempts()).isEqualTo(2);
        assertThat(FakeYtDlp.argvs(FAKE)).as("caption downloads")
                .filteredOn(argv -> argv.contains("--write-subs") && argv.getLast().endsWith("capCRASHED1"))
                .hasSize(1);
        assertThat(engine.history().attempts(crashed.id())).extracting(Attempt::outcome)
                .containsExactly(AttemptOutcome.RETRY, AttemptOutcome.SUCCEEDED);
        assertThat(engine.history().attempts(crashed.id()).getFirst().errorMessage()).contains("simulated crash");
        assertThat(engine.queries().progress(batch.id())).satisfies(p -> {
            assertThat(p.total()).isEqualTo(2);
            assertThat(p.completed()).isEqualTo(2);
            assertThat(p.failed()).isZero();
        });
        assertThat(engine.queries().get(batch.id()).status()).isEqualTo(BatchStatus.COMPLETED);
    }

    @Test
    void a_private_video_fails_at_once_and_the_rest_of_the_batch_completes() {
        Batch batch = engine.create("Private", 3, "prvPRIVATE1", "capOKVIDEO1");

        engine.awaitFinished(batch);

        VideoItem failed = engine.item(batch, "prvPRIVATE1");
        assertThat(failed.status()).isEqualTo(ItemStatus.FAILED);
        assertThat(failed.errorKind()).isEqualTo(ErrorKind.PRIVATE);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(engine.history().attempts(failed.id()).getFirst().stderrTail()).contains("Private video");
        assertThat(engine.item(batch, "capOKVIDEO1").status()).isEqualTo(ItemStatus.COMPLETED);
        assertThat(engine.queries().get(batch.id()).status()).isEqualTo(BatchStatus.COMPLETED_WITH_FAILURES);
    }

    @Test
    void a_rate_limited_video_is_retried_up_to_the_retry_limit_then_fails() {
        Batch batch = engine.create("Rate limited", 1, "429LIMITED1");

        engine.awaitFinished(batch);

        VideoItem item = engine.item(batch, "429LIMITED1");
        assertThat(item.status()).isEqualTo(ItemStatus.FAILED);
        assertThat(item.errorKind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(item.attempts()).isEqualTo(2);
        assertThat(engine.history().attempts(item.id())).extracting(Attempt::outcome)
                .containsExactly(AttemptOutcome.RETRY, AttemptOutcome.FAILED);
    }

    @Test
    void a_flaky_video_succeeds_after_transient_failures() {
        Batch batch = engine.create("Flaky", 3, "flkFLAKY001");

        engine.awaitFinished(batch);

        VideoItem item = engine.item(batch, "flkFLAKY001");
        assertThat(item.status()).isEqualTo(ItemStatus.COMPLETED);
        assertThat(item.attempts()).isEqualTo(3);
    }

    @Test
    void a_video_without_captions_fails_saying_speech_to_text_is_not_installed() {
        Batch batch = engine.create("No captions", 2, "nocNOCAPS01");

        engine.awaitFinished(batch);

        VideoItem item = engine.item(batch, "nocNOCAPS01");
        assertThat(item.status()).isEqualTo(ItemStatus.FAILED);
        assertThat(item.errorKind()).isEqualTo(ErrorKind.UNSUPPORTED);
        assertThat(item.errorMessage()).isEqualTo(AudioStep.NO_SPEECH_TO_TEXT);
        assertThat(item.attempts()).isEqualTo(1);
        assertThat(engine.history().steps(item.id())).containsOnlyKeys(Step.RESOLVE, Step.CAPTIONS);
    }

    @Test
    void a_cancelled_batch_starts_nothing_more_and_ends_with_every_video_accounted_for() {
        Batch batch = engine.create("Cancelled", 0, "slpSLEEPY01", "capLATER001", "capLATER002", "capLATER003",
                "capLATER004", "capLATER005", "capLATER006");
        Eventually.within(LIMIT, "the sleeping video to start",
                () -> engine.item(batch, "slpSLEEPY01").status() == ItemStatus.RUNNING);

        assertThat(engine.batches().cancel(batch.id())).isTrue();
        Instant cancelledAt = Instant.now();

        Eventually.within(LIMIT, "every video to reach an end state",
                () -> engine.queries().items(batch.id()).stream().allMatch(i -> i.status().isFinal()));
        assertThat(engine.queries().get(batch.id()).status()).isEqualTo(BatchStatus.CANCELLED);
        assertThat(engine.item(batch, "slpSLEEPY01").status()).isEqualTo(ItemStatus.CANCELLED);
        for (VideoItem item : engine.queries().items(batch.id())) {
            assertThat(item.status()).isIn(ItemStatus.CANCELLED, ItemStatus.COMPLETED);
            assertThat(engine.history().steps(item.id()).values()).allSatisfy(
                    s -> assertThat(s.startedAt()).as("no step starts after the cancel").isBeforeOrEqualTo(cancelledAt));
        }
    }
}
