package dev.tubebatch.library;

import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchQueries;
import dev.tubebatch.batch.TranscriptStore;
import dev.tubebatch.batch.VideoItem;
import dev.tubebatch.export.OutputLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The library's one command: deleting a video's stored data (an administrator's action, checked by the callers'
 * security). Every item of the video, in every batch, loses its transcript, search index and summary in one
 * transaction; then each item's exported folder is deleted. Folders come from {@link OutputLayout} (the batch's and
 * the item's stored names through {@code SafeNames}, checked to stay inside the output root), never from input.
 * The items themselves stay in their batches' history, and a later batch may transcribe the video again.
 */
@Service
public class LibraryService {

    private static final Logger log = LoggerFactory.getLogger(LibraryService.class);

    private final JdbcClient jdbc;
    private final BatchQueries batches;
    private final TranscriptStore transcripts;
    private final OutputLayout layout;
    private final TransactionTemplate transaction;

    LibraryService(JdbcClient jdbc, BatchQueries batches, TranscriptStore transcripts, OutputLayout layout,
            TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.transcripts = transcripts;
        this.layout = layout;
        this.transaction = transaction;
    }

    /** Deletes the video's stored data; answers how many items had some (0: nothing of it was stored). */
    public int delete(String videoId, String by) {
        if (!videoId.matches("[A-Za-z0-9_-]{11}")) {
            throw new IllegalArgumentException("videoId: not a YouTube video id");
        }
        List<VideoItem> items = jdbc.sql("select id from video_item where video_id = :video order by id")
                .param("video", videoId)
                .query((rs, n) -> rs.getObject(1, java.util.UUID.class)).list().stream()
                .map(id -> batches.item(id).orElseThrow()).toList();
        List<VideoItem> deleted = transaction.execute(status -> items.stream()
                .filter(item -> transcripts.delete(item.id())).toList());
        for (VideoItem item : deleted == null ? List.<VideoItem>of() : deleted) {
            Batch batch = batches.get(item.batchId());
            deleteTree(layout.videoFolder(batch, item));
        }
        int count = deleted == null ? 0 : deleted.size();
        log.info("{} deleted the stored data of video {} ({} items)", by, videoId, count);
        return count;
    }

    private static void deleteTree(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + folder, e);
        }
    }
}
