package dev.tubebatch.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchQueries;
import dev.tubebatch.batch.BatchService;
import dev.tubebatch.batch.ItemHistory;
import dev.tubebatch.batch.ItemStatus;
import dev.tubebatch.batch.NewBatch;
import dev.tubebatch.batch.OnErrorPolicy;
import dev.tubebatch.batch.Step;
import dev.tubebatch.batch.StepOutcome;
import dev.tubebatch.batch.BatchOptions;
import dev.tubebatch.batch.StepRecord;
import dev.tubebatch.batch.Summary;
import dev.tubebatch.batch.Transcript;
import dev.tubebatch.batch.TranscriptSource;
import dev.tubebatch.batch.TranscriptStore;
import dev.tubebatch.batch.VideoItem;
import dev.tubebatch.inference.speech.Espeak;
import dev.tubebatch.inference.speech.MoonshineTranscriptionTest;
import dev.tubebatch.inference.speech.SpokenRecording;
import dev.tubebatch.inference.speech.WordErrorRate;
import dev.tubebatch.inference.summary.ExtractiveSummarizer;
import dev.tubebatch.support.Eventually;
import dev.tubebatch.youtube.FakeYtDlp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The engine with the real bundled models: a video without captions goes AUDIO (the fake yt-dlp hands over an
 * espeak-ng recording) → TRANSCRIBE (Moonshine) → SUMMARIZE (MiniLM) → EXPORT; a video with captions is summarized.
 */
@SpringBootTest(properties = {
        "tubebatch.database.embedded.clean=true",
        "tubebatch.database.embedded.data-directory=target/test-pg/inference",
        "jobrunr.dashboard.enabled=false",
        "jobrunr.background-job-server.worker-count=2",
        "tubebatch.engine.sweep-interval=PT2S",
        "tubebatch.output.root=target/test-output/inference",
        "tubebatch.pipeline.work-directory=target/test-work/inference",
        "tubebatch.inference.speech.engine=moonshine",
        "tubebatch.inference.summary.method=extractive",
        "tubebatch.inference.summary.sentences=2",
        "tubebatch.inference.summary.key-points=3"})
@DirtiesContext // its own context (models on): closed after this class rather than at JVM exit with the others
class InferencePipelineTest {

    static final Path FAKE = FakeYtDlp.install(Path.of("target", "test-bin", "inference-" + UUID.randomUUID()));
    static final List<String> SENTENCES = MoonshineTranscriptionTest.SENTENCES.subList(5, 10);

    @DynamicPropertySource
    static void ytDlp(DynamicPropertyRegistry registry) {
        registry.add("tubebatch.ytdlp.path", () -> FAKE.toAbsolutePath().toString());
    }

    @Autowired
    BatchService batches;

    @Autowired
    BatchQueries queries;

    @Autowired
    ItemHistory history;

    @Autowired
    TranscriptStore transcripts;

    @Autowired
    ModelRegistry registry;

    @Test
    void a_video_without_captions_is_transcribed_by_moonshine_and_summarized_by_minilm() throws Exception {
        assumeTrue(Espeak.installed(), "espeak-ng is not installed");
        Path folder = Files.createDirectories(FAKE.getParent().resolve("audio"));
        SpokenRecording recording = SpokenRecording.make(SENTENCES, new double[] {1.0}, folder.resolve("speech"));
        to16kMono(recording.wav(), folder.resolve("nocSPEECH01.wav"));

        Batch batch = batches.create(new NewBatch("Speech " + UUID.randomUUID(), List.of(
                new NewBatch.NewVideo("https://www.youtube.com/watch?v=nocSPEECH01", "nocSPEECH01"),
                new NewBatch.NewVideo("https://www.youtube.com/watch?v=capSUMMARY1", "capSUMMARY1")),
                null, 1, OnErrorPolicy.CONTINUE), "tester");
        Eventually.within(Duration.ofSeconds(120), "batch to finish",
                () -> queries.get(batch.id()).status().isFinished());

        VideoItem spoken = queries.items(batch.id()).stream().filter(i -> i.videoId().equals("nocSPEECH01"))
                .findFirst().orElseThrow();
        assertThat(spoken.status()).as(spoken.errorMessage()).isEqualTo(ItemStatus.COMPLETED);
        assertThat(spoken.transcriptSource()).isEqualTo(TranscriptSource.MOONSHINE);
        Transcript transcript = transcripts.find(spoken.id()).orElseThrow();
        double wer = WordErrorRate.of(String.join(" ", SENTENCES), transcript.plainText());
        System.out.printf("Moonshine through the engine: WER %.1f%% on %d sentences%n", wer * 100, SENTENCES.size());
        assertThat(wer).as(transcript.plainText()).isLessThanOrEqualTo(0.25);
        assertThat(transcript.segments()).hasSizeGreaterThanOrEqualTo(SENTENCES.size() - 1);

        Map<Step, StepRecord> steps = history.steps(spoken.id());
        assertThat(steps.get(Step.AUDIO).outcome()).isEqualTo(StepOutcome.DONE);
        assertThat(steps.get(Step.TRANSCRIBE).note()).startsWith("moonshine, ");
        assertThat(steps.get(Step.SUMMARIZE).outcome()).isEqualTo(StepOutcome.DONE);
        Summary summary = transcripts.findSummary(spoken.id()).orElseThrow();
        assertThat(summary.method()).isEqualTo(ExtractiveSummarizer.METHOD);
        assertThat(summary.keyPoints()).hasSize(3).allMatch(p -> p.matches("\\[\\d\\d:\\d\\d] .+"));

        VideoItem captioned = queries.items(batch.id()).stream().filter(i -> i.videoId().equals("capSUMMARY1"))
                .findFirst().orElseThrow();
        assertThat(captioned.status()).isEqualTo(ItemStatus.COMPLETED);
        assertThat(transcripts.findSummary(captioned.id()).orElseThrow().text()).isNotBlank();

        assertThat(registry.models()).extracting(ModelRegistry.ModelInfo::name)
                .containsExactly("all-minilm-l6-v2-q", "moonshine-tiny");
        assertThat(registry.models()).allMatch(ModelRegistry.ModelInfo::loaded);
        assertThat(registry.loadedBytes()).isGreaterThan(40L << 20);
    }

    @Test
    void a_batch_chooses_its_summary_length_or_no_summaries() {
        List<NewBatch.NewVideo> two = List.of(new NewBatch.NewVideo("https://www.youtube.com/watch?v=capLENGTH01",
                "capLENGTH01"));
        Batch longer = batches.create(new NewBatch("Longer", two, null, 1, OnErrorPolicy.CONTINUE,
                new BatchOptions(true, 4)), "tester");
        Batch none = batches.create(new NewBatch("None", List.of(new NewBatch.NewVideo(
                "https://www.youtube.com/watch?v=capLENGTH02", "capLENGTH02")), null, 1, OnErrorPolicy.CONTINUE,
                new BatchOptions(false, null)), "tester");
        Eventually.within(Duration.ofSeconds(120), "both batches to finish",
                () -> queries.get(longer.id()).status().isFinished() && queries.get(none.id()).status().isFinished());

        VideoItem summarized = queries.items(longer.id()).getFirst();
        assertThat(summarized.status()).isEqualTo(ItemStatus.COMPLETED);
        String text = transcripts.findSummary(summarized.id()).orElseThrow().text();
        assertThat(text.split("(?<=[.!?])\\s+")).as(text).hasSize(4); // the node's setting is 2 sentences

        VideoItem unsummarized = queries.items(none.id()).getFirst();
        assertThat(unsummarized.status()).isEqualTo(ItemStatus.COMPLETED);
        assertThat(transcripts.findSummary(unsummarized.id())).isEmpty();
        assertThat(history.steps(unsummarized.id()).get(Step.SUMMARIZE).note()).contains("off for this batch");
    }

    private static void to16kMono(Path in, Path out) throws IOException, InterruptedException {
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-v", "error", "-y", "-i", in.toString(), "-ar", "16000", "-ac",
                "1", "-c:a", "pcm_s16le", out.toString()).redirectErrorStream(true).start();
        String output = new String(ffmpeg.getInputStream().readAllBytes());
        assertThat(ffmpeg.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(ffmpeg.exitValue()).as(output).isZero();
    }
}
