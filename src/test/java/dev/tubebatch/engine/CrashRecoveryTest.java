package dev.tubebatch.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tubebatch.export.OutputLayout;
import dev.tubebatch.support.AppProcess;
import dev.tubebatch.support.Eventually;
import dev.tubebatch.youtube.FakeYtDlp;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The app as a separate process on a 100-video batch, killed with SIGKILL at five points and started again each
 * time: the batch must end with every video completed and exported exactly once.
 */
class CrashRecoveryTest {

    static final int VIDEOS = 100;
    static final Duration START_LIMIT = Duration.ofMinutes(3);

    static EmbeddedPostgres postgres;
    static Path fake;
    static Path work;

    @BeforeAll
    static void startDatabase() throws IOException {
        work = Path.of("target", "crash-test-" + UUID.randomUUID()).toAbsolutePath();
        postgres = EmbeddedPostgres.builder().setDataDirectory(work.resolve("pg")).setCleanDataDirectory(true).start();
        fake = FakeYtDlp.install(work.resolve("bin"));
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void a_batch_survives_five_kills_and_ends_with_every_video_completed_and_exported_once() throws Exception {
        DataSource db = postgres.getPostgresDatabase();
        AppProcess app = start(0);
        UUID batchId = createBatch(db);
        try {
            int[] killAfter = {5, 20, 40, 60, 80};
            for (int round = 0; round < killAfter.length; round++) {
                int target = killAfter[round];
                Eventually.within(Duration.ofMinutes(4), target + " videos completed before kill " + (round + 1),
                        () -> completed(db, batchId) >= target);
                app.kill();
                app = start(round + 1);
            }
            Eventually.within(Duration.ofMinutes(6), "all videos completed",
                    () -> completed(db, batchId) == VIDEOS && "COMPLETED".equals(batchStatus(db, batchId)));
        } finally {
            app.close();
        }

        assertThat(count(db, "select count(*) from item_step where step = 'EXPORT'")).isEqualTo(VIDEOS);
        assertThat(count(db, "select count(*) from transcript")).isEqualTo(VIDEOS);
        Path videos;
        try (Stream<Path> batches = Files.list(work.resolve("output"))) {
            videos = batches.findFirst().orElseThrow().resolve("videos");
        }
        try (Stream<Path> folders = Files.list(videos)) {
            List<Path> all = folders.toList();
            assertThat(all).hasSize(VIDEOS);
            for (Path folder : all) {
                try (Stream<Path> files = Files.list(folder)) {
                    assertThat(files.map(p -> p.getFileName().toString()))
                            .as("files of %s", folder.getFileName())
                            .containsExactlyInAnyOrderElementsOf(OutputLayout.VIDEO_FILES);
                }
            }
        }
        // Each video's captions were downloaded once, or twice where a kill fell inside that step.
        Map<String, Long> downloads = new LinkedHashMap<>();
        FakeYtDlp.argvs(fake).stream().filter(argv -> argv.contains("--write-subs"))
                .forEach(argv -> downloads.merge(argv.getLast(), 1L, Long::sum));
        assertThat(downloads).hasSize(VIDEOS);
        // A kill can cut the CAPTIONS step of every video running at that moment (4 workers), and nothing else
        // repeats a download: at most 5 x 4 videos fetched twice, none more often.
        assertThat(downloads.values().stream().filter(n -> n > 1).count()).isLessThanOrEqualTo(5 * 4);
        assertThat(downloads.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2));
    }

    private AppProcess start(int run) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
        properties.put("spring.datasource.username", "postgres");
        properties.put("server.port", "0");
        properties.put("jobrunr.dashboard.enabled", "false");
        properties.put("jobrunr.background-job-server.worker-count", "4");
        properties.put("tubebatch.ytdlp.path", fake.toString());
        properties.put("tubebatch.output.root", work.resolve("output").toString());
        properties.put("tubebatch.pipeline.work-directory", work.resolve("scratch").toString());
        properties.put("tubebatch.engine.sweep-interval", "PT2S");
        properties.put("tubebatch.inference.speech.engine", "none"); // crash recovery, not models, is tested here
        properties.put("tubebatch.inference.summary.method", "none");
        properties.put("tubebatch.engine.job-grace", "PT10S");
        properties.put("vaadin.productionMode", "false");
        return AppProcess.start(properties, work.resolve("app-" + run + ".log")).awaitStarted(START_LIMIT);
    }

    /** The batch as BatchService would store it; the app's sweep dispatches a running batch's waiting items. */
    private static UUID createBatch(DataSource db) throws SQLException {
        UUID batchId = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement batch = c.prepareStatement("""
                    insert into batch (id, name, status, created_by, created_at, started_at, retry_limit, on_error)
                    values (?, 'Crash test', 'RUNNING', 'tester', ?, ?, 3, 'CONTINUE')""")) {
                batch.setObject(1, batchId);
                batch.setTimestamp(2, now);
                batch.setTimestamp(3, now);
                batch.executeUpdate();
            }
            try (PreparedStatement item = c.prepareStatement("""
                    insert into video_item (id, batch_id, position, url, video_id, status, attempts)
                    values (?, ?, ?, ?, ?, 'PENDING', 0)""")) {
                for (int i = 1; i <= VIDEOS; i++) {
                    String videoId = String.format("capCRASH%03d", i);
                    item.setObject(1, UUID.randomUUID());
                    item.setObject(2, batchId);
                    item.setInt(3, i);
                    item.setString(4, "https://www.youtube.com/watch?v=" + videoId);
                    item.setString(5, videoId);
                    item.addBatch();
                }
                item.executeBatch();
            }
            c.commit();
        }
        return batchId;
    }

    private static int completed(DataSource db, UUID batchId) {
        return count(db, "select count(*) from video_item where status = 'COMPLETED' and batch_id = '" + batchId + "'");
    }

    private static String batchStatus(DataSource db, UUID batchId) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("select status from batch where id = ?")) {
            s.setObject(1, batchId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            return null;
        }
    }

    private static int count(DataSource db, String sql) {
        try (Connection c = db.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            return -1;
        }
    }
}
