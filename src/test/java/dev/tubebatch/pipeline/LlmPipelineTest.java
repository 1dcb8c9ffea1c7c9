package dev.tubebatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tubebatch.batch.Attempt;
import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchDigest;
import dev.tubebatch.batch.DigestStore;
import dev.tubebatch.batch.BatchQueries;
import dev.tubebatch.batch.BatchService;
import dev.tubebatch.batch.ErrorKind;
import dev.tubebatch.batch.ItemHistory;
import dev.tubebatch.batch.ItemStatus;
import dev.tubebatch.batch.NewBatch;
import dev.tubebatch.batch.OnErrorPolicy;
import dev.tubebatch.batch.Step;
import dev.tubebatch.batch.Summary;
import dev.tubebatch.batch.TranscriptStore;
import dev.tubebatch.batch.VideoItem;
import dev.tubebatch.export.ExportService;
import dev.tubebatch.export.render.PdfText;
import dev.tubebatch.support.Eventually;
import dev.tubebatch.support.FakeOpenAi;
import dev.tubebatch.support.FakeOpenAi.Fault;
import dev.tubebatch.youtube.FakeYtDlp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The engine with {@code summary.method=llm} against the fake OpenAI-compatible server: chapters from yt-dlp become
 * chapter summaries with deep links in every output, a finished batch gets its digest, and a failing LLM sends only
 * the SUMMARIZE step back.
 */
@SpringBootTest(properties = {
        "tubebatch.database.embedded.clean=true",
        "tubebatch.database.embedded.data-directory=target/test-pg/llm",
        "jobrunr.dashboard.enabled=false",
        "jobrunr.background-job-server.worker-count=2",
        "tubebatch.engine.retry-base=PT0.2S",
        "tubebatch.engine.retry-cap=PT1S",
        "tubebatch.engine.sweep-interval=PT2S",
        "tubebatch.output.root=target/test-output/llm",
        "tubebatch.pipeline.work-directory=target/test-work/llm",
        "tubebatch.inference.speech.engine=none",
        "tubebatch.inference.summary.method=llm",
        "tubebatch.llm.model=fake-model",
        "tubebatch.llm.context-tokens=2048",
        "tubebatch.llm.max-output-tokens=256",
        "tubebatch.llm.max-attempts=2",
        "tubebatch.llm.backoff=PT0.01S",
        "tubebatch.llm.fallback=none",
        "tubebatch.llm.price-per-1k-input-tokens=0.5",
        "tubebatch.llm.price-per-1k-output-tokens=1.5"})
@DirtiesContext
class LlmPipelineTest {

    static final Path FAKE = FakeYtDlp.install(Path.of("target", "test-bin", "llm-" + UUID.randomUUID()));
    static final String KEY = "sk-pipeline-" + UUID.randomUUID();
    static final FakeOpenAi LLM = new FakeOpenAi("fake-model", KEY, 2048);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("tubebatch.ytdlp.path", () -> FAKE.toAbsolutePath().toString());
        registry.add("tubebatch.llm.base-url", LLM::baseUrl);
        registry.add("tubebatch.llm.api-key", () -> KEY);
    }

    @AfterAll
    static void stop() {
        LLM.close();
    }

    @Autowired
    BatchService batches;

    @Autowired
    BatchQueries queries;

    @Autowired
    TranscriptStore texts;

    @Autowired
    ItemHistory history;

    @Autowired
    ExportService exports;

    @Autowired
    DigestStore digests;

    @BeforeEach
    void reset() {
        LLM.reset();
    }

    @Test
    void a_video_with_chapters_gets_a_summary_per_chapter_with_its_link_in_every_output() throws Exception {
        Batch batch = run("chpLLMPIPE1");
        VideoItem item = queries.items(batch.id()).getFirst();
        assertThat(item.status()).as(item.errorMessage()).isEqualTo(ItemStatus.COMPLETED);

        Summary summary = texts.findSummary(item.id()).orElseThrow();
        assertThat(summary.method()).isEqualTo("llm:fake-model");
        assertThat(summary.chapters()).extracting(c -> c.title())
                .containsExactly("Welcome", "The middle part", "Closing words");
        assertThat(summary.chapters().getFirst().link("chpLLMPIPE1")).isEqualTo("https://youtu.be/chpLLMPIPE1?t=0");
        assertThat(summary.keyPoints()).hasSize(3);
        assertThat(summary.usage().calls()).isEqualTo(4);
        assertThat(summary.usage().cost()).isPositive();
        assertThat(LLM.refusals()).isEmpty();

        // The digest is written after the batch closes, then the folder again.
        Eventually.within(Duration.ofSeconds(30), "the digest", () -> digests.find(batch.id()).isPresent());
        BatchDigest digest = digests.find(batch.id()).orElseThrow();
        assertThat(digest.themes()).isNotEmpty();
        assertThat(digest.lines()).singleElement().satisfies(line -> {
            assertThat(line.videoId()).isEqualTo("chpLLMPIPE1");
            assertThat(line.line()).isEqualTo("About Fake video chpLLMPIPE1.");
        });
        Path folder = exports.ensureExported(batch.id());
        assertThat(Files.readString(folder.resolve("digest.md"))).contains("## Common themes")
                .contains("[Fake video chpLLMPIPE1](https://youtu.be/chpLLMPIPE1): About Fake video chpLLMPIPE1.");
        Path video = Files.list(folder.resolve("videos")).findFirst().orElseThrow();
        String secondStart = "?t=" + (long) Math.floor(summary.chapters().get(1).start());
        assertThat(Files.readString(video.resolve("summary.md"))).contains("## Chapters")
                .contains("(https://youtu.be/chpLLMPIPE1" + secondStart + ") The middle part")
                .contains("_Method: llm:fake-model_");
        JsonNode metadata = JSON.readTree(video.resolve("metadata.json").toFile());
        assertThat(metadata.get("chapters")).hasSize(3);
        assertThat(metadata.get("chapters").get(1).get("link").asString())
                .isEqualTo("https://youtu.be/chpLLMPIPE1" + secondStart);
        assertThat(metadata.get("llm").get("calls").asInt()).isEqualTo(4);
        JsonNode llm = JSON.readTree(folder.resolve("stats.json").toFile()).get("llm");
        assertThat(llm.get("calls").asInt()).isEqualTo(4);
        assertThat(llm.get("tokens_in").asLong()).isEqualTo(summary.usage().tokensIn());
        assertThat(llm.get("videos").get(0).get("video_id").asString()).isEqualTo("chpLLMPIPE1");
        String digestPage = PdfText.page(folder.resolve("combined.pdf"), 3); // after the cover and the contents
        assertThat(digestPage).contains("Digest").contains("Common themes").contains("About Fake video chpLLMPIPE1.");
        String videoPage = PdfText.page(folder.resolve("combined.pdf"), 4);
        assertThat(videoPage).contains("Chapters").contains("The middle part").contains("Method: llm:fake-model");
        String pdf = new String(Files.readAllBytes(folder.resolve("combined.pdf")), StandardCharsets.ISO_8859_1);
        assertThat(pdf).contains("https://youtu.be/chpLLMPIPE1" + secondStart).contains("(https://youtu.be/chpLLMPIPE1)");
    }

    @Test
    void a_failing_llm_sends_only_the_summarize_step_back_and_captions_are_not_fetched_again() {
        LLM.fail(Fault.SERVER_ERROR, Fault.SERVER_ERROR); // both tries of the first attempt's one call

        Batch batch = run("capLLMRETRY");
        VideoItem item = queries.items(batch.id()).getFirst();

        assertThat(item.status()).as(item.errorMessage()).isEqualTo(ItemStatus.COMPLETED);
        List<Attempt> attempts = history.attempts(item.id());
        assertThat(attempts).hasSize(2);
        assertThat(attempts.getFirst().step()).isEqualTo(Step.SUMMARIZE);
        assertThat(attempts.getFirst().errorKind()).isEqualTo(ErrorKind.LLM_UNAVAILABLE);
        assertThat(attempts.getFirst().errorMessage()).contains("HTTP 500").doesNotContain(KEY);
        List<List<String>> calls = FakeYtDlp.argvs(FAKE).stream()
                .filter(argv -> argv.getLast().contains("capLLMRETRY")).toList();
        assertThat(calls).filteredOn(argv -> argv.contains("--write-subs") || argv.contains("--write-auto-subs"))
                .hasSize(1);
        assertThat(texts.findSummary(item.id()).orElseThrow().method()).isEqualTo("llm:fake-model");
    }

    private Batch run(String videoId) {
        Batch batch = batches.create(new NewBatch("LLM " + UUID.randomUUID(), List.of(
                new NewBatch.NewVideo("https://www.youtube.com/watch?v=" + videoId, videoId)),
                null, 1, OnErrorPolicy.CONTINUE), "tester");
        Eventually.within(Duration.ofSeconds(60), "batch to finish",
                () -> queries.get(batch.id()).status().isFinished());
        return batch;
    }
}
