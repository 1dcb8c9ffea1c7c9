package dev.tubebatch.export.render;

import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.ItemStatus;
import dev.tubebatch.batch.VideoItem;
import dev.tubebatch.export.BatchStateFile;
import dev.tubebatch.export.OutputLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code batch.json}, the state file written while a batch runs and read back to resume it. */
final class BatchStateJson {

    private BatchStateJson() {}

    /**
     * {@code batch.json}: counts and one entry per video, completed ones with their output file and processing time,
     * failed ones with their error and retry count. A completed video whose stored data an administrator deleted
     * from the library (no transcript is stored, so it has no folder) has a null output file and
     * {@code "data_deleted": true}; its status stays completed. {@link BatchStateFile} reads it back.
     */
    static String state(BatchSnapshot snapshot) {
        Batch batch = snapshot.batch();
        List<Map<String, @Nullable Object>> videos = new ArrayList<>();
        for (BatchSnapshot.Video video : snapshot.videos()) {
            videos.add(entry(video));
        }
        long completed = snapshot.count(ItemStatus.COMPLETED);
        long failed = snapshot.count(ItemStatus.FAILED);
        long cancelled = snapshot.count(ItemStatus.CANCELLED);
        return Json.write(Json.object(
                "batch_id", batch.id().toString(),
                "name", batch.name(),
                "status", Json.lower(batch.status()),
                "created_at", Json.time(batch.createdAt()),
                "updated_at", Json.time(snapshot.takenAt()),
                "total", snapshot.videos().size(),
                "completed", completed,
                "failed", failed,
                "pending", snapshot.videos().size() - completed - failed - cancelled,
                "cancelled", cancelled,
                "eta_seconds", snapshot.eta() == null ? null : snapshot.eta().toSeconds(),
                "videos", videos));
    }

    /** One video's entry: what it is, its status, and its output file and time or its error and retries. */
    private static Map<String, @Nullable Object> entry(BatchSnapshot.Video video) {
        VideoItem item = video.item();
        Map<String, @Nullable Object> entry = Json.object("url", item.url(), "video_id", item.videoId(),
                "title", item.title(), "status", Json.lower(item.status()));
        if (item.status() == ItemStatus.COMPLETED) {
            if (video.hasFiles()) {
                entry.put("output_file", OutputLayout.videoFile(item, "transcript.md"));
            } else {
                // Its stored data was deleted from the library, and its folder with it.
                entry.put("output_file", null);
                entry.put("data_deleted", true);
            }
            entry.put("processing_time", ReportFacts.processingSeconds(video.attempts()));
        } else if (item.status() == ItemStatus.FAILED) {
            entry.put("error", ReportFacts.error(item));
            entry.put("retry_count", Math.max(0, video.attempts().size() - 1));
        }
        return entry;
    }
}
