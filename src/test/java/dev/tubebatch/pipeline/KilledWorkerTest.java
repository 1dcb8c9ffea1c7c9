package dev.tubebatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tubebatch.support.AppProcess;
import dev.tubebatch.support.ProcessTestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A video that kills its worker's JVM every time it is tried (a yt-dlp wrapper runs {@code kill -9 $PPID} when it
 * sees that id), with the app started again after each death, as a supervisor would. The video must fail as
 * CRASHED after its retry limit + 2 tries, and every other video complete.
 */
class KilledWorkerTest {

    static final String POISON = "capKILLER01";
    static final int RETRY_LIMIT = 0;
    /** Tries the poison may take before it fails: the retry limit + VideoJob's crash allowance. */
    static final int TRIES = RETRY_LIMIT + VideoJob.CRASH_ALLOWANCE;
    static final Duration LIMIT = Duration.ofMinutes(6);

    static ProcessTestDatabase database;

    @BeforeAll
    static void startDatabase() {
        database = ProcessTestDatabase.start("killed-worker-test");
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void a_video_that_kills_its_worker_fails_as_crashed_after_bounded_tries_and_the_rest_complete() throws Exception {
        Path killer = killerWrapper();
        List<String> videos = List.of(POISON, "capKILLED02", "capKILLED03", "capKILLED04", "capKILLED05");
        int starts = 0;
        // The first start creates the schema; the batch comes after it.
        AppProcess app = start(killer, starts++).awaitStarted(Duration.ofMinutes(3));
        UUID batchId = database.insertBatch("Killed worker", videos, RETRY_LIMIT);
        try {
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (!finished(batchId)) {
                assertThat(System.nanoTime()).as("the batch to finish within %s (log: %s)", LIMIT, database.work)
                        .isLessThan(deadline);
                if (!app.isAlive()) {
                    // A worker that dies is started again; the poison may not take more than its tries.
                    assertThat(starts).as("app starts").isLessThanOrEqualTo(TRIES);
                    app = start(killer, starts++);
                }
                Thread.sleep(250);
            }
        } finally {
            app.close();
        }

        assertThat(starts - 1).as("deaths caused by the poison video").isEqualTo(TRIES);
        assertThat(database.count("select count(*) from video_item where video_id = '" + POISON
                + "' and status = 'FAILED' and error_kind = 'CRASHED'")).isEqualTo(1);
        assertThat(database.completed(batchId)).isEqualTo(videos.size() - 1);
        assertThat(database.batchStatus(batchId)).isEqualTo("COMPLETED_WITH_FAILURES");
        // Every try is in the history: those the kills cut short read as still running (interrupted), the last
        // one failed without starting a step.
        assertThat(database.count("select count(*) from item_attempt a join video_item v on v.id = a.item_id"
                + " where v.video_id = '" + POISON + "' and a.outcome = 'RUNNING'")).isEqualTo(TRIES);
        assertThat(database.count("select count(*) from item_attempt a join video_item v on v.id = a.item_id"
                + " where v.video_id = '" + POISON + "' and a.outcome = 'FAILED' and a.error_kind = 'CRASHED'"))
                .isEqualTo(1);
    }

    private boolean finished(UUID batchId) {
        String status = database.batchStatus(batchId);
        return status != null && status.startsWith("COMPLETED");
    }

    /** yt-dlp for the app: the fake, except that a call for the poison video kills the JVM that made it. */
    private static Path killerWrapper() throws IOException {
        Path wrapper = database.work.resolve("killer").resolve("yt-dlp");
        Files.createDirectories(wrapper.getParent());
        Files.writeString(wrapper, """
                #!/bin/sh
                for arg in "$@"; do
                  case "$arg" in
                    *%s*) kill -9 "$PPID"; exit 1 ;;
                  esac
                done
                exec "%s" "$@"
                """.formatted(POISON, database.fake.toAbsolutePath()));
        assertThat(wrapper.toFile().setExecutable(true)).isTrue();
        return wrapper;
    }

    private static AppProcess start(Path ytDlp, int run) {
        Map<String, String> properties = database.appProperties("scratch", 1);
        properties.put("tubebatch.ytdlp.path", ytDlp.toString());
        // Not awaited here: the poison may kill the app before it reports that it started.
        return AppProcess.start(properties, database.work.resolve("app-" + run + ".log"));
    }
}
