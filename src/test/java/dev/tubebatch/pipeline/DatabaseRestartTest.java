package dev.tubebatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchQueries;
import dev.tubebatch.batch.BatchService;
import dev.tubebatch.batch.BatchStatus;
import dev.tubebatch.batch.ItemStatus;
import dev.tubebatch.batch.NewBatch;
import dev.tubebatch.batch.OnErrorPolicy;
import dev.tubebatch.batch.VideoItem;
import dev.tubebatch.support.EngineHarness;
import dev.tubebatch.support.Eventually;
import dev.tubebatch.youtube.FakeYtDlp;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * PostgreSQL goes away in the middle of a batch and comes back on the same port with the same data: the batch
 * must complete with no hand on it. The database is a separate embedded server that the test stops and starts;
 * the app connects to it as to any external PostgreSQL.
 */
@SpringBootTest(properties = {
        "spring.datasource.username=postgres",
        "spring.datasource.hikari.connection-timeout=2000",
        "jobrunr.dashboard.enabled=false",
        "jobrunr.background-job-server.worker-count=4",
        "tubebatch.engine.retry-base=PT0.2S",
        "tubebatch.engine.retry-cap=PT1S",
        "tubebatch.engine.sweep-interval=PT2S",
        "tubebatch.engine.job-grace=PT10S",
        "tubebatch.engine.watchdog-interval=PT1S",
        "tubebatch.output.root=target/test-output/db-restart",
        "tubebatch.pipeline.work-directory=target/test-work/db-restart",
        // The database outage is tested here, not models (they run in dev.tubebatch.inference).
        "tubebatch.inference.speech.engine=none",
        "tubebatch.inference.summary.method=none"})
class DatabaseRestartTest {

    static final Path WORK = Path.of("target", "db-restart-" + UUID.randomUUID()).toAbsolutePath();
    static final Path FAKE = FakeYtDlp.install(WORK.resolve("bin"));
    static final int VIDEOS = 40;
    static int port;
    static EmbeddedPostgres postgres;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        port = freePort();
        postgres = start();
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:" + port + "/postgres");
        registry.add("tubebatch.ytdlp.path", () -> FAKE.toString());
        // Each call takes 150-250 ms, so the batch is still running when the database goes away.
        FakeYtDlp.faults(FAKE, """
                {"delay": {"base_ms": 150, "per_duration_second_ms": 0.15}}""");
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Autowired
    BatchService batches;

    @Autowired
    BatchQueries queries;

    @Autowired
    BackgroundJobServer jobServer;

    @Autowired
    JobServerWatchdog watchdog;

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void a_batch_completes_after_postgresql_restarts_in_its_middle() throws Exception {
        List<NewBatch.NewVideo> videos = Arrays.stream(EngineHarness.ids("capRESTA", VIDEOS))
                .map(id -> new NewBatch.NewVideo("https://www.youtube.com/watch?v=" + id, id)).toList();
        Batch batch = batches.create(new NewBatch("Restart", videos, null, 3, OnErrorPolicy.CONTINUE), "tester");
        Eventually.within(Duration.ofSeconds(60), "a few videos to complete",
                () -> queries.progress(batch.id()).completed() >= 5);

        postgres.close();
        // JobRunr stops its server after repeated storage errors; wait for that (or 45 s) before coming back.
        long down = System.nanoTime();
        Eventually.within(Duration.ofSeconds(45), "the outage to last", () -> !jobServer.isRunning()
                || System.nanoTime() - down > Duration.ofSeconds(40).toNanos());
        boolean jobRunrStopped = !jobServer.isRunning();
        postgres = start();

        Eventually.within(Duration.ofMinutes(3), "the batch to finish", () -> {
            try {
                return queries.get(batch.id()).status().isFinished();
            } catch (RuntimeException e) {
                return false;
            }
        });
        assertThat(queries.get(batch.id()).status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(queries.items(batch.id())).extracting(VideoItem::status).containsOnly(ItemStatus.COMPLETED);
        assertThat(jobServer.isRunning()).isTrue();
        if (jobRunrStopped) {
            assertThat(watchdog.restarts()).as("JobRunr's server was started again").isPositive();
        }
        System.out.printf("Database restart: JobRunr stopped during the outage: %s; watchdog restarts: %d%n",
                jobRunrStopped, watchdog.restarts());
    }

    @Test
    void jobrunr_is_stopped_before_the_database_it_uses() {
        String[] storage = context.getBeanFactory().getBeanNamesForType(StorageProvider.class);
        assertThat(storage).isNotEmpty();
        for (String name : storage) {
            assertThat(context.getBeanFactory().getBeanDefinition(name).getDependsOn()).contains("dataSource");
        }
    }

    /** Starts PostgreSQL on the test's port and data folder (fresh per run; kept when the server stops). */
    private static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder().setDataDirectory(WORK.resolve("pg")).setCleanDataDirectory(false)
                    .setPort(port).setPGStartupWait(Duration.ofSeconds(60)).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
