package dev.tubebatch.export;

import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchQueries;
import dev.tubebatch.batch.BatchStatus;
import dev.tubebatch.batch.OnErrorPolicy;
import dev.tubebatch.batch.Summary;
import dev.tubebatch.batch.Transcript;
import dev.tubebatch.batch.TranscriptStore;
import dev.tubebatch.batch.VideoItem;
import dev.tubebatch.export.render.BatchSnapshot;
import dev.tubebatch.export.render.CombinedPdf;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Exports chosen videos, from any batches, as a new ZIP or combined PDF with the same renderers and folder layout as
 * a batch's own export. The videos are items (one per video, as the library gives them); the selection is not stored.
 */
@Component
public class SelectionExport {

    public static final int MAX_VIDEOS = 500;
    private static final int TEXT_PAGE = 200;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final BatchQueries batches;
    private final TranscriptStore transcripts;
    private final ExportService exports;
    private final OutputLayout layout;
    private final Clock clock;

    SelectionExport(BatchQueries batches, TranscriptStore transcripts, ExportService exports, OutputLayout layout,
            Clock clock) {
        this.batches = batches;
        this.transcripts = transcripts;
        this.exports = exports;
        this.layout = layout;
        this.clock = clock;
    }

    /** {@code library-selection-<yyyyMMdd-HHmmss>}: the ZIP's root folder and the files' names. */
    public String name() {
        return "library-selection-" + STAMP.format(clock.instant());
    }

    /** The combined PDF of the items, in the given order: a cover, contents and a chapter per video. */
    public void writePdf(List<UUID> itemIds, OutputStream out) {
        List<VideoItem> items = items(itemIds);
        Instant now = clock.instant();
        Batch selection = new Batch(UUID.randomUUID(), "Library selection", BatchStatus.COMPLETED, "library", now,
                now, now, null, 0, OnErrorPolicy.CONTINUE, null, false, false);
        Map<UUID, TranscriptStore.TextInfo> infos = new java.util.HashMap<>();
        for (UUID batch : new LinkedHashSet<>(items.stream().map(VideoItem::batchId).toList())) {
            infos.putAll(transcripts.textInfoOfBatch(batch));
        }
        List<BatchSnapshot.Video> light = items.stream().map(item -> new BatchSnapshot.Video(item, Map.of(),
                List.of(), null, null, infos.get(item.id()))).toList();
        CombinedPdf pdf = CombinedPdf.open(new BatchSnapshot(selection, light, now), out);
        for (int from = 0; from < items.size(); from += TEXT_PAGE) {
            List<UUID> page = items.subList(from, Math.min(items.size(), from + TEXT_PAGE)).stream()
                    .map(VideoItem::id).toList();
            Map<UUID, Transcript> texts = transcripts.transcripts(page);
            Map<UUID, Summary> summaries = transcripts.summaries(page);
            for (int i = from; i < from + page.size(); i++) {
                BatchSnapshot.Video video = light.get(i);
                pdf.add(new BatchSnapshot.Video(video.item(), Map.of(), List.of(), texts.get(video.item().id()),
                        summaries.get(video.item().id()), video.texts()));
            }
        }
        pdf.finish();
    }

    /** A ZIP of the items' exported folders ({@code videos/<NNN>-<id>-<title>/...}), their batches exported first. */
    public void writeZip(List<UUID> itemIds, OutputStream out) throws IOException {
        List<VideoItem> items = items(itemIds);
        List<BatchZip.Entry> entries = new ArrayList<>();
        Map<UUID, Batch> byId = new java.util.HashMap<>();
        for (VideoItem item : items) {
            Batch batch = byId.computeIfAbsent(item.batchId(), id -> {
                exports.ensureExported(id);
                return batches.get(id);
            });
            Path folder = layout.videoFolder(batch, item);
            for (String file : OutputLayout.VIDEO_FILES) {
                if (Files.isRegularFile(folder.resolve(file))) {
                    entries.add(new BatchZip.Entry(OutputLayout.videoFile(item, file), folder.resolve(file)));
                }
            }
        }
        BatchZip.write(name(), entries, out);
    }

    private List<VideoItem> items(List<UUID> itemIds) {
        if (itemIds.isEmpty()) {
            throw new IllegalArgumentException("videos: choose at least one video");
        }
        if (itemIds.size() > MAX_VIDEOS) {
            throw new IllegalArgumentException("videos: at most " + MAX_VIDEOS + " videos at once");
        }
        return itemIds.stream().distinct().map(id -> batches.item(id)
                .orElseThrow(() -> new IllegalArgumentException("videos: no video item " + id))).toList();
    }
}
