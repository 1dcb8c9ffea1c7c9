package dev.tubebatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchService;
import dev.tubebatch.batch.BatchStatus;
import dev.tubebatch.batch.ErrorKind;
import dev.tubebatch.batch.ItemHistory;
import dev.tubebatch.batch.ItemStatus;
import dev.tubebatch.batch.NewBatch;
import dev.tubebatch.batch.OnErrorPolicy;
import dev.tubebatch.batch.Step;
import dev.tubebatch.batch.StepOutcome;
import dev.tubebatch.batch.TranscriptSource;
import dev.tubebatch.batch.TranscriptStore;
import dev.tubebatch.batch.VideoItem;
import dev.tubebatch.support.Eventually;
import dev.tubebatch.youtube.FakeYtDlp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.context.annotation.Import;

/**
 * The engine for real: JobRunr with 4 workers on the embedded PostgreSQL, the fake yt-dlp as a separate process.
 * Subclasses share one Spring context (same configuration), so the database and JobRunr start once.
 */
@SpringBootTest(properties = {
        "tubebatch.database.embedded.clean=true",
        "tubebatch.database.embedded.data-directory=target/test-pg/pipeline",
        "jobrunr.dashboard.enabled=false",
        "jobrunr.background-job-server.worker-count=4",
        "tubebatch.engine.retry-base=PT0.2S",
        "tubebatch.engine.retry-cap=PT1S",
        "tubebatch.engine.sweep-interval=PT2S",
        "tubebatch.engine.job-grace=PT10S",
        "tubebatch.engine.retry-round-delay=PT1S",
        "tubebatch.output.root=target/test-output/pipeline",
        "tubebatch.pipeline.work-directory=target/test-work/pipeline",
        "tubebatch.ytdlp.metadata-timeout=PT8S",
        // The engine's own behaviour is tested here, without models; the real models run in dev.tubebatch.inference
        // and in InferencePipelineTest.
        "tubebatch.inference.speech.engine=none",
        "tubebatch.inference.summary.method=none"})
@Import(EngineTestBase.CrashAfterCaptions.class)
abstract class EngineTestBase {

    /** A fresh copy per run: the fake keeps per-video counters (flaky videos) next to itself. */
    static final Path FAKE = FakeYtDlp.install(Path.of("target", "test-bin", "pipeline-" + UUID.randomUUID()));
    static final Duration LIMIT = Duration.ofSeconds(90);

    @DynamicPropertySource
    static void ytDlp(DynamicPropertyRegistry registry) {
        registry.add("tubebatch.ytdlp.path", () -> FAKE.toAbsolutePath().toString());
    }

    /** Stands in for a crash between two steps: the first time a chosen video finishes CAPTIONS, the try dies. */
    @TestConfiguration
    static class CrashAfterCaptions {
        static final Set<String> VIDEOS_TO_CRASH = ConcurrentHashMap.newKeySet();

        @Bean
        StepListener crashOnceAfterCaptions(BatchService batches) {
            return (itemId, step) -> {
                String videoId = batches.item(itemId).orElseThrow().videoId();
                if (step == Step.CAPTIONS && VIDEOS_TO_CRASH.remove(videoId)) {
                    throw new IllegalStateException("simulated crash after CAPTIONS of " + videoId);
                }
            };
        }
    }

    @Autowired
    BatchService batches;

    @Autowired
    ItemHistory history;

    @Autowired
    TranscriptStore transcripts;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    Batch create(String name, Integer maxWorkers, int retryLimit, OnErrorPolicy onError, String... videoIds) {
        List<NewBatch.NewVideo> videos = Arrays.stream(videoIds)
                .map(id -> new NewBatch.NewVideo("https://www.youtube.com/watch?v=" + id, id)).toList();
        return batches.create(new NewBatch(name + " " + UUID.randomUUID(), videos, maxWorkers, retryLimit, onError),
                "tester");
    }

    Batch create(String name, int retryLimit, String... videoIds) {
        return create(name, null, retryLimit, OnErrorPolicy.CONTINUE, videoIds);
    }

    VideoItem item(Batch batch, String videoId) {
        return batches.items(batch.id()).stream().filter(i -> i.videoId().equals(videoId)).findFirst().orElseThrow();
    }

    void awaitFinished(Batch batch) {
        try {
            Eventually.within(LIMIT, "batch " + batch.name() + " to finish",
                    () -> batches.get(batch.id()).status().isFinished());
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + engineState(batch), e);
        }
    }

    /** Where each unfinished item of a batch stands, with its JobRunr job, for a failure message. */
    String engineState(Batch batch) {
        StringBuilder out = new StringBuilder("batch " + batches.get(batch.id()).status() + ", "
                + batches.progress(batch.id()) + "\n");
        jdbc.sql("""
                select i.position, i.video_id, i.status, i.current_step, i.attempts, i.not_before, i.job_id,
                       j.state as job_state, j.updatedat as job_updated
                from video_item i left join jobrunr_jobs j on j.id = i.job_id::text
                where i.batch_id = :batch and i.status not in ('COMPLETED', 'FAILED', 'CANCELLED')
                order by i.position limit 20""")
                .param("batch", batch.id())
                .query(rs -> {
                    out.append("  #").append(rs.getInt(1)).append(' ').append(rs.getString(2)).append(' ')
                            .append(rs.getString(3)).append(" step=").append(rs.getString(4)).append(" tries=")
                            .append(rs.getInt(5)).append(" notBefore=").append(rs.getString(6)).append(" job=")
                            .append(rs.getString(7)).append(" jobState=").append(rs.getString(8)).append(" at ")
                            .append(rs.getString(9)).append('\n');
                });
        jdbc.sql("select id, workerpoolsize, lastheartbeat, running from jobrunr_backgroundjobservers")
                .query(rs -> {
                    out.append("  server ").append(rs.getString(1)).append(" workers=").append(rs.getInt(2))
                            .append(" heartbeat=").append(rs.getString(3)).append(" running=")
                            .append(rs.getString(4)).append('\n');
                });
        return out.toString();
    }

    void awaitStatus(Batch batch, BatchStatus status) {
        Eventually.within(LIMIT, "batch " + batch.name() + " to be " + status,
                () -> batches.get(batch.id()).status() == status);
    }

    /** Every failed or retried attempt of a batch with its error and stderr, for assertion messages. */
    String failures(Batch batch) {
        StringBuilder out = new StringBuilder();
        for (VideoItem item : batches.items(batch.id())) {
            for (ItemHistory.Attempt attempt : history.attempts(item.id())) {
                if (!"SUCCEEDED".equals(attempt.outcome())) {
                    out.append(item.videoId()).append(' ').append(attempt.outcome()).append(' ')
                            .append(attempt.step()).append(' ').append(attempt.errorMessage()).append('\n')
                            .append(attempt.stderrTail()).append('\n');
                }
            }
        }
        return out.toString();
    }
}
