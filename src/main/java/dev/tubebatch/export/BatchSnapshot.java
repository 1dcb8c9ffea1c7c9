package dev.tubebatch.export;

import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.ItemHistory;
import dev.tubebatch.batch.ItemStatus;
import dev.tubebatch.batch.Step;
import dev.tubebatch.batch.Summary;
import dev.tubebatch.batch.Transcript;
import dev.tubebatch.batch.VideoItem;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the exports of one batch are made from, read from the database at one moment. Renderers are pure
 * functions of a snapshot, so the same data gives the same files on any node.
 *
 * @param takenAt when it was read: the end of the wall time of a batch that has not finished
 */
public record BatchSnapshot(Batch batch, List<Video> videos, Instant takenAt) {

    public BatchSnapshot {
        videos = List.copyOf(videos);
    }

    /**
     * One video with its history.
     *
     * @param transcript null if none was stored (not reached, or failed before)
     * @param summary null if none was made
     */
    public record Video(VideoItem item, Map<Step, ItemHistory.StepRecord> steps, List<ItemHistory.Attempt> attempts,
            Transcript transcript, Summary summary) {

        public Video {
            steps = Map.copyOf(steps);
            attempts = List.copyOf(attempts);
        }

        /** A video gets a folder of files once it has a transcript. */
        public boolean hasFiles() {
            return transcript != null;
        }
    }

    public long count(ItemStatus status) {
        return videos.stream().filter(v -> v.item().status() == status).count();
    }

    public List<Video> failed() {
        return videos.stream().filter(v -> v.item().status() == ItemStatus.FAILED).toList();
    }
}
