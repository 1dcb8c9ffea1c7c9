package dev.tubebatch.library;

import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchQueries;
import dev.tubebatch.batch.TranscriptStore;
import dev.tubebatch.batch.VideoItem;
import dev.tubebatch.export.ExportService;
import dev.tubebatch.export.OutputLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
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
 * A batch whose folder exists is then written again by the export ({@link ExportService#export}), so its
 * {@code manifest.json}, {@code batch.json}, statistics and combined PDF no longer list the video's files or text.
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
    private final ExportService exports;

    LibraryService(JdbcClient jdbc, BatchQueries batches, TranscriptStore transcripts, OutputLayout layout,
            TransactionTemplate transaction, ExportService exports) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.transcripts = transcripts;
        this.layout = layout;
        this.transaction = transaction;
        this.exports = exports;
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
        Set<UUID> rewrite = new LinkedHashSet<>();
        for (VideoItem item : deleted == null ? List.<VideoItem>of() : deleted) {
            Batch batch = batches.get(item.batchId());
            deleteTree(layout.videoFolder(batch, item));
            if (Files.isDirectory(layout.batchFolder(batch))) {
                rewrite.add(batch.id());
            }
        }
        rewrite.forEach(exports::export);
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
