package dev.tubebatch.support;

import dev.tubebatch.batch.Attempt;
import dev.tubebatch.batch.AttemptOutcome;
import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchOptions;
import dev.tubebatch.batch.BatchQueries;
import dev.tubebatch.batch.BatchService;
import dev.tubebatch.batch.BatchStatus;
import dev.tubebatch.batch.ItemHistory;
import dev.tubebatch.batch.NewBatch;
import dev.tubebatch.batch.OnErrorPolicy;
import dev.tubebatch.batch.Step;
import dev.tubebatch.batch.VideoItem;
import dev.tubebatch.pipeline.StepListener;
import dev.tubebatch.youtube.FakeYtDlp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * What tests of the running engine ({@link EngineTest}) do again and again: create a batch of fake videos, wait
 * for it, find an item, describe where the engine stands when a wait fails. A bean of the shared context.
 */
public class EngineHarness {

    /** A fresh copy per run: the fake keeps per-video counters (flaky videos) next to itself. */
    public static final Path FAKE = FakeYtDlp.install(Path.of("target", "test-bin", "pipeline-" + UUID.randomUUID()));
    public static final Duration LIMIT = Duration.ofSeconds(90);

    /** The SMTP user and password of the engine tests (a fresh password per run, so that a leak can be looked for). */
    public static final String SMTP_USER = "tubebatch-mailer";
    public static final String SMTP_PASSWORD = "smtp-pw-" + UUID.randomUUID();

    /**
     * The SMTP server every engine test's email goes to: {@link EngineTest} sets spring.mail.host to loopback (so
     * email is on), the port, user name and password are this server's, which requires AUTH.
     */
    public static final FakeSmtp SMTP = new FakeSmtp(SMTP_USER, SMTP_PASSWORD);

    private static final Set<String> VIDEOS_TO_CRASH = ConcurrentHashMap.newKeySet();
    /** Video ids whose tries throw an {@link Error} after a step, with how many times they still will. */
    private static final Map<String, Integer> VIDEOS_TO_THROW = new ConcurrentHashMap<>();

    private final BatchService batches;
    private final BatchQueries queries;
    private final ItemHistory history;
    private final JdbcClient jdbc;

    public EngineHarness(BatchService batches, BatchQueries queries, ItemHistory history, JdbcClient jdbc) {
        this.batches = batches;
        this.queries = queries;
        this.history = history;
        this.jdbc = jdbc;
    }

    /**
     * The beans {@link EngineTest} adds to the application: this harness, the fake yt-dlp and SMTP server, the crash
     * stand-in.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class Beans {

        @Bean
        EngineHarness engineHarness(BatchService batches, BatchQueries queries, ItemHistory history, JdbcClient jdbc) {
            return new EngineHarness(batches, queries, history, jdbc);
        }

        /** The same for every engine test, so that they share one context (a static method would not). */
        @Bean
        static DynamicPropertyRegistrar fakeYtDlp() {
            return registry -> {
                registry.add("tubebatch.ytdlp.path", () -> FAKE.toAbsolutePath().toString());
                registry.add("spring.mail.port", SMTP::port);
                registry.add("spring.mail.username", () -> SMTP_USER);
                registry.add("spring.mail.password", () -> SMTP_PASSWORD);
            };
        }

        /** Stands in for a crash between two steps: see {@link EngineHarness#crashOnceAfterCaptions}. */
        @Bean
        StepListener crashOnceAfterCaptions(BatchQueries queries) {
            return (itemId, step) -> {
                String videoId = queries.item(itemId).orElseThrow().videoId();
                if (step == Step.CAPTIONS && VIDEOS_TO_CRASH.remove(videoId)) {
                    throw new IllegalStateException("simulated crash after CAPTIONS of " + videoId);
                }
                if (VIDEOS_TO_THROW.computeIfPresent(videoId, (id, n) -> n - 1) != null) {
                    VIDEOS_TO_THROW.remove(videoId, 0);
                    throw new OutOfMemoryError("Java heap space");
                }
            };
        }
    }

    /** The first time {@code videoId} finishes CAPTIONS, its try dies (after the checkpoint), as in a crash. */
    /** The commands on batches, for tests that drive a batch themselves. */
    public BatchService batches() {
        return batches;
    }

    /** The read side: progress, items, estimates. */
    public BatchQueries queries() {
        return queries;
    }

    /** Each item's recorded steps and attempts. */
    public ItemHistory history() {
        return history;
    }

    public void crashOnceAfterCaptions(String videoId) {
        VIDEOS_TO_CRASH.add(videoId);
    }

    /**
     * The next {@code times} tries of {@code videoId} die with an {@code OutOfMemoryError} after their first step
     * (which is recorded: each try gets one step further).
     */
    public void outOfMemoryAfterAStep(String videoId, int times) {
        VIDEOS_TO_THROW.put(videoId, times);
    }

    /** Video ids with a behaviour prefix: prefix + a zero-padded number, 11 characters. */
    public static String[] ids(String prefix, int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> prefix + String.format("%0" + (11 - prefix.length()) + "d", i))
                .toArray(String[]::new);
    }

    public Batch create(String name, Integer maxWorkers, int retryLimit, OnErrorPolicy onError, String... videoIds) {
        List<NewBatch.NewVideo> videos = Arrays.stream(videoIds)
                .map(id -> new NewBatch.NewVideo("https://www.youtube.com/watch?v=" + id, id)).toList();
        return batches.create(new NewBatch(name + " " + UUID.randomUUID(), videos, maxWorkers, retryLimit, onError),
                "tester");
    }

    /** A batch with options of its own, one worker, no retries. */
    public Batch create(String name, BatchOptions options, String... videoIds) {
        List<NewBatch.NewVideo> videos = Arrays.stream(videoIds)
                .map(id -> new NewBatch.NewVideo("https://www.youtube.com/watch?v=" + id, id)).toList();
        return batches.create(new NewBatch(name + " " + UUID.randomUUID(), videos, 1, 0, OnErrorPolicy.CONTINUE,
                options), "tester");
    }

    public Batch create(String name, int retryLimit, String... videoIds) {
        return create(name, null, retryLimit, OnErrorPolicy.CONTINUE, videoIds);
    }

    public VideoItem item(Batch batch, String videoId) {
        return queries.items(batch.id()).stream().filter(i -> i.videoId().equals(videoId)).findFirst().orElseThrow();
    }

    public void awaitFinished(Batch batch) {
        try {
            Eventually.within(LIMIT, "batch " + batch.name() + " to finish",
                    () -> queries.get(batch.id()).status().isFinished());
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + engineState(batch), e);
        }
    }

    public void awaitStatus(Batch batch, BatchStatus status) {
        Eventually.within(LIMIT, "batch " + batch.name() + " to be " + status,
                () -> queries.get(batch.id()).status() == status);
    }

    /** Where each unfinished item of a batch stands, with its JobRunr job, for a failure message. */
    public String engineState(Batch batch) {
        StringBuilder out = new StringBuilder("batch " + queries.get(batch.id()).status() + ", "
                + queries.progress(batch.id()) + "\n");
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

    /** Every failed or retried attempt of a batch with its error and stderr, for assertion messages. */
    public String failures(Batch batch) {
        StringBuilder out = new StringBuilder();
        for (VideoItem item : queries.items(batch.id())) {
            for (Attempt attempt : history.attempts(item.id())) {
                if (attempt.outcome() != AttemptOutcome.SUCCEEDED) {
                    out.append(item.videoId()).append(' ').append(attempt.outcome()).append(' ')
                            .append(attempt.step()).append(' ').append(attempt.errorMessage()).append('\n')
                            .append(attempt.stderrTail()).append('\n');
                }
            }
        }
        return out.toString();
    }
}
