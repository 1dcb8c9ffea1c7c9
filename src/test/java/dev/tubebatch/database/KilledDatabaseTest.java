package dev.tubebatch.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tubebatch.support.AppProcess;
import dev.tubebatch.support.EngineHarness;
import dev.tubebatch.support.Eventually;
import dev.tubebatch.support.ProcessTestDatabase;
import dev.tubebatch.youtube.FakeYtDlp;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The app and its embedded PostgreSQL both killed with {@code kill -9} in the middle of a batch, then the app
 * started again on the same folder: every completed video and transcript read before the kill is still there, and
 * the batch completes.
 */
class KilledDatabaseTest {

    static final Duration START_LIMIT = Duration.ofMinutes(3);
    static final int VIDEOS = 24;

    @Test
    void killing_the_app_and_its_postgresql_loses_nothing_stored_and_the_batch_completes() throws Exception {
        ProcessTestDatabase database = ProcessTestDatabase.embedded("killed-db");
        FakeYtDlp.faults(database.fake, "{\"delay\": {\"base_ms\": 250}}");
        UUID batch;
        Set<String> completedBefore;
        int transcriptsBefore;
        AppProcess app = start(database, 1);
        try {
            batch = database.insertBatch("Killed", List.of(EngineHarness.ids("capKIL", VIDEOS)));
            Eventually.within(Duration.ofSeconds(60), "some videos completed", () -> database.completed(batch) >= 6);
            completedBefore = strings(database, "select id::text from video_item where status = 'COMPLETED'");
            transcriptsBefore = database.count("select count(*) from transcript");
            RunningServer postgres = RunningServer.postmaster(database.embeddedDataDirectory());
            assertThat(postgres).as("the app's PostgreSQL").isNotNull();
            app.kill();
            killNine(postgres.pid());
        } finally {
            app.close();
        }
        assertThat(completedBefore).hasSizeGreaterThanOrEqualTo(6).hasSizeLessThan(VIDEOS);

        try (AppProcess again = start(database, 2)) {
            assertThat(strings(database, "select id::text from video_item where status = 'COMPLETED'"))
                    .containsAll(completedBefore);
            assertThat(database.count("select count(*) from transcript")).isGreaterThanOrEqualTo(transcriptsBefore);
            Eventually.within(Duration.ofSeconds(60), "the batch to complete",
                    () -> "COMPLETED".equals(database.batchStatus(batch)));
            assertThat(database.completed(batch)).isEqualTo(VIDEOS);
            assertThat(database.count("select count(*) from transcript")).isEqualTo(VIDEOS);
        }
    }

    private static AppProcess start(ProcessTestDatabase database, int run) {
        return AppProcess.start(database.appProperties("scratch", 4), database.work.resolve("app-" + run + ".log"))
                .awaitStarted(START_LIMIT);
    }

    /** SIGKILL to the postmaster alone, as a crash would; its backends notice and exit by themselves. */
    private static void killNine(long pid) throws Exception {
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        List<ProcessHandle> backends = postmaster.descendants().toList();
        assertThat(postmaster.destroyForcibly()).isTrue();
        postmaster.onExit().get(10, TimeUnit.SECONDS);
        for (ProcessHandle backend : backends) {
            try {
                backend.onExit().get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                backend.destroyForcibly();
            }
        }
    }

    private static Set<String> strings(ProcessTestDatabase database, String sql) throws SQLException {
        Set<String> values = new HashSet<>();
        try (Connection c = database.db().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
