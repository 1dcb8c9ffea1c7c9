package dev.tubebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchService;
import dev.tubebatch.batch.NewBatch;
import dev.tubebatch.batch.OnErrorPolicy;
import dev.tubebatch.export.BatchStateFile;
import dev.tubebatch.export.ExportService;
import dev.tubebatch.support.EngineHarness;
import dev.tubebatch.support.EngineTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two batches of one name created in the same second, as two API calls at once make them: each gets its own output
 * folder, and {@code --resume} with either folder's {@code batch.json} names exactly that folder's batch.
 */
@EngineTest
class SameNameBatchesTest {

    @Autowired
    EngineHarness engine;

    @Autowired
    BatchService batches;

    @Autowired
    ExportService exports;

    @Autowired
    JdbcClient jdbc;

    @Test
    void each_state_file_of_two_same_name_batches_resumes_its_own_batch_from_its_own_folder() throws Exception {
        String name = "Same name " + UUID.randomUUID();
        String[] firstVideos = EngineHarness.ids("capSAMEA", 2);
        String[] secondVideos = EngineHarness.ids("capSAMEB", 3);
        CompletableFuture<Batch> creatingFirst = CompletableFuture.supplyAsync(() -> create(name, firstVideos));
        CompletableFuture<Batch> creatingSecond = CompletableFuture.supplyAsync(() -> create(name, secondVideos));
        Batch first = creatingFirst.get();
        Batch second = creatingSecond.get();
        // The two calls may straddle a second; the clash is when they do not.
        jdbc.sql("update batch set created_at = :at where id in (:first, :second)")
                .param("at", java.sql.Timestamp.from(Instant.parse("2026-03-01T09:15:42.250Z")))
                .param("first", first.id()).param("second", second.id()).update();
        engine.awaitFinished(first);
        engine.awaitFinished(second);

        Path firstFolder = exports.ensureExported(first.id());
        Path secondFolder = exports.ensureExported(second.id());

        assertThat(firstFolder).isNotEqualTo(secondFolder);
        assertThat(firstFolder.getParent()).isEqualTo(secondFolder.getParent());
        assertThat(firstFolder.getFileName().toString()).startsWith("same-name-")
                .contains("-20260301-091542-").endsWith(first.id().toString().substring(0, 8));
        assertThat(secondFolder.getFileName().toString()).endsWith(second.id().toString().substring(0, 8));
        assertThat(videosIn(firstFolder)).containsExactlyInAnyOrder(firstVideos);
        assertThat(videosIn(secondFolder)).containsExactlyInAnyOrder(secondVideos);

        assertThat(ResumeTarget.batchId(firstFolder.resolve("batch.json").toString())).isEqualTo(first.id());
        assertThat(ResumeTarget.batchId(secondFolder.resolve("batch.json").toString())).isEqualTo(second.id());
        assertThat(BatchStateFile.read(firstFolder.resolve("batch.json")).urls()).containsExactlyElementsOf(
                urls(firstVideos));
        assertThat(BatchStateFile.read(secondFolder.resolve("batch.json")).urls()).containsExactlyElementsOf(
                urls(secondVideos));
    }

    private Batch create(String name, String[] videoIds) {
        List<NewBatch.NewVideo> videos = Arrays.stream(videoIds)
                .map(id -> new NewBatch.NewVideo("https://www.youtube.com/watch?v=" + id, id)).toList();
        return batches.create(new NewBatch(name, videos, null, 0, OnErrorPolicy.CONTINUE), "tester");
    }

    private static List<String> urls(String[] videoIds) {
        return Arrays.stream(videoIds).map(id -> "https://www.youtube.com/watch?v=" + id).toList();
    }

    /** The video id of each video folder ({@code <NNN>-<videoId>-<title>}). */
    private static List<String> videosIn(Path batchFolder) throws Exception {
        try (Stream<Path> folders = Files.list(batchFolder.resolve("videos"))) {
            return folders.map(f -> f.getFileName().toString().substring(4, 15)).toList();
        }
    }
}
