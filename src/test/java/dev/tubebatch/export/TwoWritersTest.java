package dev.tubebatch.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchQueries;
import dev.tubebatch.batch.VideoItem;
import dev.tubebatch.support.EngineHarness;
import dev.tubebatch.support.EngineTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two writer nodes on one output root and one PostgreSQL, as two app processes would be: each with its own node
 * id, node lock, folder lock and export service, on connections of their own. One node writes a batch folder at a
 * time, and a folder written again loses a dead node's temporary files but never a live node's.
 */
@EngineTest
class TwoWritersTest {

    @Autowired
    EngineHarness engine;

    @Autowired
    BatchSnapshots snapshots;

    @Autowired
    BatchQueries queries;

    @Autowired
    DataSource dataSource;

    @TempDir
    Path root;

    private Node first;
    private Node second;

    @AfterEach
    void stopNodes() {
        for (Node node : new Node[] {first, second}) {
            if (node != null) {
                node.nodes.stop();
            }
        }
    }

    @Test
    void while_one_node_writes_a_batch_folder_the_other_waits_for_it_and_gives_up_after_its_limit() throws Exception {
        first = new Node(Duration.ofMinutes(1));
        second = new Node(Duration.ofMinutes(1));
        Batch batch = finishedBatch("capTWOW0001");
        String folder = OutputLayout.batchFolderName(batch);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Object> firstWrites = CompletableFuture.supplyAsync(() -> first.lock.holding(folder, () -> {
            holding.countDown();
            await(release);
            return "written";
        }));
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Path> secondWrites = CompletableFuture.supplyAsync(
                () -> second.exports.ensureExported(batch.id()));
        Thread.sleep(1_500);
        assertThat(secondWrites).as("the second node waits for the first").isNotDone();
        assertThat(root.resolve(folder).resolve(OutputLayout.STATE_FILE)).doesNotExist();
        Node impatient = new Node(Duration.ofMillis(500));
        try {
            assertThatThrownBy(() -> impatient.exports.export(batch.id())).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Another node has been writing the output folder " + folder);
        } finally {
            impatient.nodes.stop();
        }

        release.countDown();
        assertThat(firstWrites.get(10, TimeUnit.SECONDS)).isEqualTo("written");
        Path written = secondWrites.get(30, TimeUnit.SECONDS);
        assertThat(written).isEqualTo(root.resolve(folder));
        for (String file : OutputLayout.BATCH_FILES) {
            assertThat(written.resolve(file)).isRegularFile();
        }
    }

    @Test
    void a_folder_written_again_removes_a_dead_nodes_temporary_files_and_keeps_a_live_nodes() throws Exception {
        first = new Node(Duration.ofMinutes(1));
        second = new Node(Duration.ofMinutes(1));
        Node dead = new Node(Duration.ofMinutes(1));
        String deadId = dead.nodes.self();
        dead.nodes.stop();
        assertThat(second.nodes.alive(first.nodes.self())).isTrue();
        assertThat(second.nodes.alive(deadId)).isFalse();

        Batch batch = finishedBatch("capTWOW0002");
        VideoItem item = queries.items(batch.id()).getFirst();
        Path folder = second.layout.batchFolder(batch);
        Path videoFolder = second.layout.videoFolder(batch, item);
        Files.createDirectories(videoFolder);
        Path firstWriting = temp(folder, "combined.pdf", first.nodes.self());
        Path firstWritingVideo = temp(videoFolder, "transcript.json", first.nodes.self());
        Path deadLeft = temp(folder, "manifest.json", deadId);
        Path deadLeftVideo = temp(videoFolder, "transcript.md", deadId);

        assertThat(second.exports.export(batch.id())).isEqualTo(folder);

        assertThat(deadLeft).doesNotExist();
        assertThat(deadLeftVideo).doesNotExist();
        assertThat(firstWriting).as("a live node's write in progress").exists();
        assertThat(firstWritingVideo).as("a live node's write in progress").exists();
        assertThat(videoFolder.resolve("transcript.md")).isRegularFile();
    }

    private Batch finishedBatch(String videoId) {
        Batch batch = engine.create("Two writers", 0, videoId);
        engine.awaitFinished(batch);
        return queries.get(batch.id());
    }

    /** A temporary file named as a node's writer names it, untouched for an hour. */
    private static Path temp(Path folder, String file, String node) throws Exception {
        Path temp = Files.writeString(folder.resolve(".tmp-" + file + "-n" + node + "-31-123456.part"), "half");
        Files.setLastModifiedTime(temp, java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minusSeconds(3600)));
        return temp;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What one app process has for writing folders, started on the shared database. */
    private final class Node {
        final DatabaseWriterNodes nodes = new DatabaseWriterNodes(dataSource);
        final OutputLayout layout = new OutputLayout(new OutputProperties(root));
        final FolderWriteLock lock;
        final ExportService exports;

        Node(Duration lockWait) {
            nodes.start();
            lock = new FolderWriteLock(dataSource, lockWait);
            exports = new ExportService(snapshots, queries, layout, new VideoExporter(layout, new AtomicFiles(nodes)),
                    lock);
        }
    }
}
