package dev.tubebatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tubebatch.export.OutputLayout;
import dev.tubebatch.support.AppProcess;
import dev.tubebatch.support.Eventually;
import dev.tubebatch.support.ProcessTestDatabase;
import dev.tubebatch.youtube.FakeYtDlp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The app as a separate process on a batch, killed with SIGKILL at several points and started again each time: the
 * batch must end with every video completed and exported exactly once. CI runs 40 videos and 3 kills (each kill costs
 * a restart and JobRunr's orphan detection); {@code -Dcrash.videos=100 -Dcrash.kills=5} runs the longer version.
 */
class CrashRecoveryTest {

    static final int VIDEOS = Integer.getInteger("crash.videos", 40);
    static final int KILLS = Integer.getInteger("crash.kills", 3);
    static final Duration START_LIMIT = Duration.ofMinutes(3);

    static ProcessTestDatabase database;

    @BeforeAll
    static void startDatabase() {
        database = ProcessTestDatabase.start("crash-test");
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void a_batch_survives_kills_and_ends_with_every_video_completed_and_exported_once() throws Exception {
        AppProcess app = start(0);
        List<String> videoIds = new java.util.ArrayList<>();
        for (int i = 1; i <= VIDEOS; i++) {
            videoIds.add(String.format("capCRASH%03d", i));
        }
        UUID batchId = database.insertBatch("Crash test", videoIds);
        try {
            // Kills spread over the batch: after 5% of it, then evenly up to 80%.
            for (int round = 0; round < KILLS; round++) {
                int target = Math.max(1, VIDEOS * (5 + 75 * round / Math.max(1, KILLS - 1)) / 100);
                Eventually.within(Duration.ofMinutes(4), target + " videos completed before kill " + (round + 1),
                        () -> database.completed(batchId) >= target);
                app.kill();
                app = start(round + 1);
            }
            Eventually.within(Duration.ofMinutes(6), "all videos completed",
                    () -> database.completed(batchId) == VIDEOS
                            && "COMPLETED".equals(database.batchStatus(batchId)));
        } finally {
            app.close();
        }

        assertThat(database.count("select count(*) from item_step where step = 'EXPORT'")).isEqualTo(VIDEOS);
        assertThat(database.count("select count(*) from transcript")).isEqualTo(VIDEOS);
        Path videos;
        try (Stream<Path> batches = Files.list(database.work.resolve("output"))) {
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
        FakeYtDlp.argvs(database.fake).stream().filter(argv -> argv.contains("--write-subs"))
                .forEach(argv -> downloads.merge(argv.getLast(), 1L, Long::sum));
        assertThat(downloads).hasSize(VIDEOS);
        // A kill can cut the CAPTIONS step of every video running at that moment (4 workers), and nothing else
        // repeats a download: at most kills x 4 repeated downloads in all. One video can be cut by more than one
        // kill (an orphaned job is retried after JobRunr's backoff, which may end right before the next kill), so a
        // video is fetched at most once more than the kills that cut it.
        assertThat(downloads.values().stream().mapToLong(n -> n - 1).sum()).isLessThanOrEqualTo(KILLS * 4L);
        assertThat(downloads.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(1L + KILLS));
    }

    private AppProcess start(int run) {
        // Crash recovery, not models, is tested here.
        return AppProcess.start(database.appProperties("scratch", 4), database.work.resolve("app-" + run + ".log"))
                .awaitStarted(START_LIMIT);
    }
}
