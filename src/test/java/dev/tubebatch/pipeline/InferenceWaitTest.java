package dev.tubebatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tubebatch.batch.Attempt;
import dev.tubebatch.batch.AttemptOutcome;
import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchQueries;
import dev.tubebatch.batch.BatchService;
import dev.tubebatch.batch.ItemHistory;
import dev.tubebatch.batch.ItemStatus;
import dev.tubebatch.batch.NewBatch;
import dev.tubebatch.batch.OnErrorPolicy;
import dev.tubebatch.batch.TranscriptSource;
import dev.tubebatch.batch.VideoItem;
import dev.tubebatch.inference.InferenceSlots;
import dev.tubebatch.inference.SpeechToText;
import dev.tubebatch.inference.TimedText;
import dev.tubebatch.support.EngineHarness;
import dev.tubebatch.support.Eventually;
import dev.tubebatch.youtube.FakeYtDlp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Inference does not hold workers: with the one inference slot busy, videos that need none (captions) complete while
 * videos that need speech to text wait for the slot without a worker and without using a try, and all complete once
 * the slot is free. The speech engine is a stand-in that hears one sentence per file (the models have their own
 * tests); everything else is the real engine with the fake yt-dlp.
 */
@SpringBootTest(properties = {
        "tubebatch.database.embedded.clean=true",
        "tubebatch.database.embedded.data-directory=target/test-pg/inference-wait",
        "jobrunr.dashboard.enabled=false",
        "jobrunr.background-job-server.worker-count=4",
        "tubebatch.engine.sweep-interval=PT2S",
        "tubebatch.engine.job-grace=PT10S",
        "tubebatch.output.root=target/test-output/inference-wait",
        "tubebatch.pipeline.work-directory=target/test-work/inference-wait",
        "tubebatch.inference.slots=1",
        "tubebatch.inference.speech.engine=none",
        "tubebatch.inference.summary.method=none"})
@DirtiesContext
class InferenceWaitTest {

    static final Path FAKE = FakeYtDlp.install(Path.of("target", "test-bin", "inference-wait-" + UUID.randomUUID()));

    @DynamicPropertySource
    static void ytDlp(DynamicPropertyRegistry registry) {
        registry.add("tubebatch.ytdlp.path", () -> FAKE.toAbsolutePath().toString());
    }

    /** Speech to text that hears one sentence in any WAV file it can read. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Speech {

        @Bean
        SpeechToText oneSentenceSpeech() {
            return new SpeechToText() {
                @Override
                public String engine() {
                    return "moonshine";
                }

                @Override
                public Result transcribe(Path wav) {
                    if (!Files.isRegularFile(wav)) {
                        throw new IllegalArgumentException("no audio at " + wav);
                    }
                    return new Result("en", List.of(new TimedText(0, 2, "Hello from the recording.")));
                }
            };
        }
    }

    @Autowired
    BatchService batches;

    @Autowired
    BatchQueries queries;

    @Autowired
    ItemHistory history;

    @Autowired
    InferenceSlots slots;

    @Test
    void captioned_videos_complete_while_videos_needing_speech_to_text_wait_for_the_busy_slot_without_using_tries()
            throws Exception {
        String[] spoken = EngineHarness.ids("nocWAIT", 3);
        String[] captioned = EngineHarness.ids("capWAIT", 12);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = holdTheSlot(release);
        Batch batch;
        try {
            // Retry limit 0: a wait that counted as a try would fail the video.
            batch = create(Stream.concat(Arrays.stream(spoken), Arrays.stream(captioned)).toArray(String[]::new));

            Eventually.within(EngineHarness.LIMIT, "captioned videos to complete while the spoken ones wait",
                    () -> {
                        List<VideoItem> items = queries.items(batch.id());
                        return items.stream().filter(i -> i.videoId().startsWith("cap"))
                                .allMatch(i -> i.status() == ItemStatus.COMPLETED)
                                && items.stream().filter(i -> i.videoId().startsWith("noc"))
                                .allMatch(i -> i.status() == ItemStatus.PENDING
                                        && InferenceTurns.NOTE.equals(i.waitingFor()));
                    });
            for (String videoId : spoken) {
                VideoItem waiting = item(batch, videoId);
                assertThat(waiting.attempts()).as("tries used by %s while it waits", videoId).isZero();
                List<Attempt> attempts = history.attempts(waiting.id());
                assertThat(attempts).isNotEmpty().allSatisfy(a -> {
                    assertThat(a.outcome()).isEqualTo(AttemptOutcome.HELD);
                    assertThat(a.errorMessage()).isEqualTo(InferenceTurns.NOTE);
                });
            }
        } finally {
            release.countDown();
            holder.join(30_000);
        }

        Eventually.within(EngineHarness.LIMIT, "the batch to finish once the slot is free",
                () -> queries.get(batch.id()).status().isFinished());
        for (VideoItem item : queries.items(batch.id())) {
            assertThat(item.status()).as(item.videoId() + " " + item.errorMessage()).isEqualTo(ItemStatus.COMPLETED);
            assertThat(item.waitingFor()).isNull();
        }
        for (String videoId : spoken) {
            VideoItem done = item(batch, videoId);
            assertThat(done.transcriptSource()).isEqualTo(TranscriptSource.MOONSHINE);
            assertThat(done.attempts()).as("the one try that ran, not the waits").isEqualTo(1);
            assertThat(audioDownloads(videoId)).as("the audio is kept while the video waits").isEqualTo(1);
        }
    }

    /** Takes the one slot on another thread until {@code release} counts down. */
    private Thread holdTheSlot(CountDownLatch release) throws InterruptedException {
        CountDownLatch held = new CountDownLatch(1);
        Thread holder = Thread.ofVirtual().start(() -> slots.run("a long inference", () -> {
            held.countDown();
            try {
                return release.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }));
        assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
        return holder;
    }

    private Batch create(String... videoIds) {
        List<NewBatch.NewVideo> videos = Arrays.stream(videoIds)
                .map(id -> new NewBatch.NewVideo("https://www.youtube.com/watch?v=" + id, id)).toList();
        return batches.create(new NewBatch("Inference wait " + UUID.randomUUID(), videos, null, 0,
                OnErrorPolicy.CONTINUE), "tester");
    }

    private VideoItem item(Batch batch, String videoId) {
        return queries.items(batch.id()).stream().filter(i -> i.videoId().equals(videoId)).findFirst().orElseThrow();
    }

    private static long audioDownloads(String videoId) {
        return FakeYtDlp.argvs(FAKE).stream()
                .filter(argv -> argv.contains("-x") && argv.getLast().contains("v=" + videoId)).count();
    }
}
