package dev.tubebatch.export;

import dev.tubebatch.batch.Attempt;
import dev.tubebatch.batch.StepRecord;
import dev.tubebatch.export.render.BatchSnapshot;
import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchQueries;
import dev.tubebatch.batch.DigestStore;
import dev.tubebatch.batch.ItemHistory;
import dev.tubebatch.batch.Step;
import dev.tubebatch.batch.Summary;
import dev.tubebatch.batch.Transcript;
import dev.tubebatch.batch.TranscriptSource;
import dev.tubebatch.batch.TranscriptStore;
import dev.tubebatch.batch.VideoItem;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Reads {@link BatchSnapshot}s from the database in a fixed number of queries whatever the size of the batch, and
 * the texts of pages of videos.
 */
@Component
class BatchSnapshots implements TextLoader {

    private final BatchQueries batches;
    private final ItemHistory history;
    private final TranscriptStore transcripts;
    private final Clock clock;
    private final DigestStore digests;

    BatchSnapshots(BatchQueries batches, ItemHistory history, TranscriptStore transcripts, DigestStore digests,
            Clock clock) {
        this.digests = digests;
        this.batches = batches;
        this.history = history;
        this.transcripts = transcripts;
        this.clock = clock;
    }

    /** The batch with every video, its steps, attempts and what is stored of its texts (not the texts). */
    BatchSnapshot load(UUID batchId) {
        return load(batchId, true);
    }

    /**
     * The batch with its videos' steps and attempts, and of their texts only whether a transcript is stored and its
     * source (for the state file, rewritten often: it lists a video's file only while its transcript is stored).
     */
    BatchSnapshot loadLight(UUID batchId) {
        return load(batchId, false);
    }

    private BatchSnapshot load(UUID batchId, boolean withTextInfo) {
        Batch batch = batches.get(batchId);
        List<VideoItem> items = batches.items(batchId);
        Map<UUID, Map<Step, StepRecord>> steps = history.stepsOfBatch(batchId);
        Map<UUID, List<Attempt>> attempts = history.attemptsOfBatch(batchId);
        Map<UUID, TranscriptStore.TextInfo> texts = withTextInfo ? transcripts.textInfoOfBatch(batchId)
                : sourcesOnly(transcripts.transcriptSourcesOfBatch(batchId));
        List<BatchSnapshot.Video> videos = new ArrayList<>(items.size());
        for (VideoItem item : items) {
            videos.add(new BatchSnapshot.Video(item, steps.getOrDefault(item.id(), Map.of()),
                    attempts.getOrDefault(item.id(), List.of()), null, null, texts.get(item.id())));
        }
        return new BatchSnapshot(batch, videos, clock.instant(),
                batch.status().isFinished() ? null : batches.estimate(batchId).eta(),
                withTextInfo ? digests.find(batchId).orElse(null) : null);
    }

    private static Map<UUID, TranscriptStore.TextInfo> sourcesOnly(Map<UUID, TranscriptSource> sources) {
        Map<UUID, TranscriptStore.TextInfo> texts = new HashMap<>();
        sources.forEach((item, source) -> texts.put(item,
                new TranscriptStore.TextInfo(null, source, 0, null, null, null)));
        return texts;
    }

    @Override
    public Map<UUID, Transcript> transcripts(List<UUID> itemIds) {
        return transcripts.transcripts(itemIds);
    }

    @Override
    public Map<UUID, Summary> summaries(List<UUID> itemIds) {
        return transcripts.summaries(itemIds);
    }
}
