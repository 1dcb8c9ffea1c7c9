package dev.tubebatch.export.render;

import dev.tubebatch.batch.Attempt;
import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchDigest;
import dev.tubebatch.batch.ItemStatus;
import dev.tubebatch.batch.Step;
import dev.tubebatch.batch.StepRecord;
import dev.tubebatch.batch.Summary;
import dev.tubebatch.batch.Transcript;
import dev.tubebatch.batch.TranscriptSource;
import dev.tubebatch.batch.TranscriptStore.TextInfo;
import dev.tubebatch.batch.VideoItem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the exports of one batch are made from, read from the database at one moment. Renderers are pure functions of
 * a snapshot, so the same data gives the same files on any node. A snapshot read for writing a folder holds no
 * texts (transcripts, summaries): those are read a page of videos at a time ({@code TextLoader}), so a
 * 10,000-video batch never sits in memory at once.
 *
 * @param takenAt when it was read: the end of the wall time of a batch that has not finished
 * @param eta the time the batch still needs, from {@code BatchEstimate}; null when not known
 * @param digest the LLM's digest of the finished batch; null when none was made
 */
public record BatchSnapshot(Batch batch, List<Video> videos, Instant takenAt, @Nullable Duration eta,
        @Nullable BatchDigest digest) {

    public BatchSnapshot {
        videos = List.copyOf(videos);
    }

    /** A snapshot without an estimate or a digest. */
    public BatchSnapshot(Batch batch, List<Video> videos, Instant takenAt) {
        this(batch, videos, takenAt, null, null);
    }

    /**
     * One video with its history.
     *
     * @param transcript null if none was stored, or if the texts were not read
     * @param summary null if none was made, or if the texts were not read
     * @param texts what is stored of its texts (null: nothing, or not read); for the state file alone, only the
     *     transcript's source
     */
    public record Video(VideoItem item, Map<Step, StepRecord> steps, List<Attempt> attempts,
            @Nullable Transcript transcript, @Nullable Summary summary, @Nullable TextInfo texts) {

        public Video {
            steps = Map.copyOf(steps);
            attempts = List.copyOf(attempts);
            if (texts == null && (transcript != null || summary != null)) {
                texts = new TextInfo(transcript == null ? null : transcript.language(),
                        transcript == null ? null : transcript.source(),
                        transcript == null ? 0 : transcript.segments().size(), null,
                        summary == null ? null : summary.method(), null, summary == null ? null : summary.usage());
            }
        }

        /** A video with its texts at hand. */
        public Video(VideoItem item, Map<Step, StepRecord> steps, List<Attempt> attempts,
                @Nullable Transcript transcript, @Nullable Summary summary) {
            this(item, steps, attempts, transcript, summary, null);
        }

        public Video withTexts(@Nullable Transcript transcript, @Nullable Summary summary) {
            return new Video(item, steps, attempts, transcript, summary, texts);
        }

        /** A video gets a folder of files once it has a transcript. */
        public boolean hasFiles() {
            return texts != null && texts.source() != null;
        }

        @Nullable TranscriptSource source() {
            return texts == null ? null : texts.source();
        }

        @Nullable String language() {
            return texts == null ? null : texts.language();
        }

        @Nullable String summaryMethod() {
            return texts == null ? null : texts.summaryMethod();
        }

        Summary.@Nullable Usage summaryUsage() {
            return texts == null ? null : texts.summaryUsage();
        }
    }

    public long count(ItemStatus status) {
        return videos.stream().filter(v -> v.item().status() == status).count();
    }

    public List<Video> failed() {
        return videos.stream().filter(v -> v.item().status() == ItemStatus.FAILED).toList();
    }
}
