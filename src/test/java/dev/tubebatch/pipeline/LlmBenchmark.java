package dev.tubebatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchDigest;
import dev.tubebatch.batch.DigestStore;
import dev.tubebatch.batch.BatchOptions;
import dev.tubebatch.batch.BatchQueries;
import dev.tubebatch.batch.BatchService;
import dev.tubebatch.batch.ItemHistory;
import dev.tubebatch.batch.ItemStatus;
import dev.tubebatch.batch.NewBatch;
import dev.tubebatch.batch.OnErrorPolicy;
import dev.tubebatch.batch.Step;
import dev.tubebatch.batch.StepRecord;
import dev.tubebatch.batch.Summary;
import dev.tubebatch.batch.TranscriptStore;
import dev.tubebatch.batch.VideoItem;
import dev.tubebatch.support.Eventually;
import dev.tubebatch.support.FakeOpenAi;
import dev.tubebatch.youtube.FakeYtDlp;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * LLM summaries through the engine (not a test: {@code ./mvnw -Pbenchmark test -Dtest=LlmBenchmark}, see
 * docs/BENCHMARKS.md). 100 videos, 30 of them with three chapters, 8 job workers, the fake OpenAI-compatible server
 * answering each call after 300 ms, {@code tubebatch.llm.concurrency=4}; after a warm-up batch, the same number of
 * videos without summaries (a batch option) before and after the LLM batch, in the same run. It prints calls and tokens per video, the makespan with and without LLM
 * summaries, and the SUMMARIZE step's share. No real model runs here: the fake's 300 ms is the model.
 */
@SpringBootTest(properties = {
        "tubebatch.database.embedded.clean=true",
        "tubebatch.database.embedded.data-directory=target/benchmark/llm-pg",
        "jobrunr.dashboard.enabled=false",
        "jobrunr.background-job-server.worker-count=8",
        "tubebatch.output.root=target/benchmark/llm-output",
        "tubebatch.pipeline.work-directory=target/benchmark/llm-work",
        "logging.level.org.jobrunr=WARN",
        "tubebatch.inference.speech.engine=none",
        "tubebatch.inference.summary.method=llm",
        "tubebatch.llm.model=fake-model",
        "tubebatch.llm.concurrency=4",
        "tubebatch.llm.fallback=none"})
class LlmBenchmark {

    static final int VIDEOS = Integer.getInteger("benchmark.llm-videos", 100);
    static final int CALL_MS = Integer.getInteger("benchmark.llm-call-ms", 300);
    static final Path FAKE = FakeYtDlp.install(Path.of("target", "benchmark", "llm-bin-" + UUID.randomUUID()));
    static final FakeOpenAi LLM = new FakeOpenAi("fake-model", "", 8192).delay(Duration.ofMillis(CALL_MS));

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("tubebatch.ytdlp.path", () -> FAKE.toAbsolutePath().toString());
        registry.add("tubebatch.llm.base-url", LLM::baseUrl);
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
    ItemHistory history;

    @Autowired
    TranscriptStore texts;

    @Autowired
    DigestStore digests;

    @Test
    void llm_benchmark() {
        // A warm-up batch (JIT, pools, JobRunr) first; then the same engine without summaries (a batch option)
        // before and after the LLM batch, for the makespan the LLM adds.
        run("wrm", new BatchOptions(false, null));
        Run off = run("off", new BatchOptions(false, null));
        Run llm = run("llm", BatchOptions.DEFAULTS);
        Run offAgain = run("of2", new BatchOptions(false, null));
        System.out.printf(Locale.ROOT, "%nLLM benchmark: %d videos a batch (30%% with 3 chapters), 8 workers, fake at "
                + "%d ms a call, concurrency 4; after a warm-up batch%n", VIDEOS, CALL_MS);
        System.out.printf(Locale.ROOT, "  calls: %d (%.2f per video), server saw at most %d at once%n", llm.calls,
                (double) llm.calls / VIDEOS, llm.maxInFlight);
        System.out.printf(Locale.ROOT, "  tokens (in + out): %d (%.0f per video)%n", llm.tokens,
                (double) llm.tokens / VIDEOS);
        double without = (off.makespan + offAgain.makespan) / 2;
        System.out.printf(Locale.ROOT, "  makespan without summaries %.1f s before and %.1f s after, with LLM summaries "
                + "%.1f s (+%.0f%% over their mean); LLM lower bound (calls x %d ms / 4) %.1f s%n", off.makespan,
                offAgain.makespan, llm.makespan, 100 * (llm.makespan - without) / without, CALL_MS,
                llm.calls * CALL_MS / 1000.0 / 4);
        System.out.printf(Locale.ROOT, "  digest of the LLM batch: %d call(s), %d tokens%n", llm.digestCalls,
                llm.digestTokens);
        System.out.printf(Locale.ROOT, "  SUMMARIZE: %.1f s of %.1f s of step time (%.0f%%); some SUMMARIZE running "
                + "during %.1f s of the %.1f s makespan (%.0f%%)%n", llm.summarizeSeconds, llm.stepSeconds,
                100 * llm.summarizeSeconds / llm.stepSeconds, llm.summarizeCovered, llm.makespan,
                100 * llm.summarizeCovered / llm.makespan);
    }

    record Run(double makespan, long calls, long tokens, double summarizeSeconds, double stepSeconds,
            double summarizeCovered, int digestCalls, long digestTokens, int maxInFlight) {}

    private Run run(String prefix, BatchOptions options) {
        int count = prefix.equals("wrm") ? VIDEOS / 2 : VIDEOS;
        LLM.reset();
        LLM.delay(Duration.ofMillis(CALL_MS));
        List<NewBatch.NewVideo> videos = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = String.format(Locale.ROOT, "%s%s%05d", i % 10 < 3 ? "chp" : "cap", prefix, i);
            videos.add(new NewBatch.NewVideo("https://www.youtube.com/watch?v=" + id, id));
        }
        Batch batch = batches.create(new NewBatch("LLM benchmark " + prefix, videos, null, 0,
                OnErrorPolicy.CONTINUE, options), "bench");
        Eventually.within(Duration.ofMinutes(10), "the batch to finish",
                () -> queries.get(batch.id()).status().isFinished());
        Batch done = queries.get(batch.id());
        List<VideoItem> items = queries.items(batch.id());
        assertThat(items).allSatisfy(i -> assertThat(i.status()).as(i.errorMessage()).isEqualTo(ItemStatus.COMPLETED));
        long calls = 0;
        long tokens = 0;
        double summarize = 0;
        double steps = 0;
        List<Instant[]> intervals = new ArrayList<>();
        for (VideoItem item : items) {
            Summary.Usage usage = texts.findSummary(item.id()).map(Summary::usage).orElse(null);
            if (usage != null) {
                calls += usage.calls();
                tokens += usage.tokensIn() + usage.tokensOut();
            }
            for (Map.Entry<Step, StepRecord> step : history.steps(item.id()).entrySet()) {
                StepRecord r = step.getValue();
                double seconds = Duration.between(r.startedAt(), r.finishedAt()).toMillis() / 1000.0;
                steps += seconds;
                if (step.getKey() == Step.SUMMARIZE && r.outcome() == dev.tubebatch.batch.StepOutcome.DONE) {
                    summarize += seconds;
                    intervals.add(new Instant[] {r.startedAt(), r.finishedAt()});
                }
            }
        }
        BatchDigest digest = null;
        if (options.summaries()) {
            Eventually.within(Duration.ofMinutes(2), "the digest", () -> digests.find(batch.id()).isPresent());
            digest = digests.find(batch.id()).orElseThrow();
        }
        return new Run(Duration.between(done.startedAt(), done.finishedAt()).toMillis() / 1000.0, calls, tokens,
                summarize, steps, covered(intervals), digest == null ? 0 : digest.usage().calls(),
                digest == null ? 0 : digest.usage().tokensIn() + digest.usage().tokensOut(), LLM.maxInFlight());
    }

    /** Seconds during which at least one of the intervals was open. */
    static double covered(List<Instant[]> intervals) {
        intervals.sort(java.util.Comparator.comparing(i -> i[0]));
        long millis = 0;
        Instant start = null;
        Instant end = null;
        for (Instant[] i : intervals) {
            if (end == null || i[0].isAfter(end)) {
                if (end != null) {
                    millis += Duration.between(start, end).toMillis();
                }
                start = i[0];
                end = i[1];
            } else if (i[1].isAfter(end)) {
                end = i[1];
            }
        }
        if (end != null) {
            millis += Duration.between(start, end).toMillis();
        }
        return millis / 1000.0;
    }
}
