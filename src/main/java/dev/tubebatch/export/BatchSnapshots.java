package dev.tubebatch.export;

import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchService;
import dev.tubebatch.batch.ItemHistory;
import dev.tubebatch.batch.Step;
import dev.tubebatch.batch.Summary;
import dev.tubebatch.batch.Transcript;
import dev.tubebatch.batch.TranscriptStore;
import dev.tubebatch.batch.VideoItem;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Reads a {@link BatchSnapshot} from the database: five queries, whatever the size of the batch. */
@Component
class BatchSnapshots {

    private final BatchService batches;
    private final ItemHistory history;
    private final TranscriptStore transcripts;
    private final Clock clock;

    BatchSnapshots(BatchService batches, ItemHistory history, TranscriptStore transcripts, Clock clock) {
        this.batches = batches;
        this.history = history;
        this.transcripts = transcripts;
        this.clock = clock;
    }

    /** The batch with every video, its steps, attempts, transcript and summary. */
    BatchSnapshot load(UUID batchId) {
        return load(batchId, true);
    }

    /** The batch with its videos' steps and attempts, without transcripts and summaries (for the state file). */
    BatchSnapshot loadLight(UUID batchId) {
        return load(batchId, false);
    }

    private BatchSnapshot load(UUID batchId, boolean withTexts) {
        Batch batch = batches.get(batchId);
        List<VideoItem> items = batches.items(batchId);
        Map<UUID, Map<Step, ItemHistory.StepRecord>> steps = history.stepsOfBatch(batchId);
        Map<UUID, List<ItemHistory.Attempt>> attempts = history.attemptsOfBatch(batchId);
        Map<UUID, Transcript> texts = withTexts ? transcripts.transcriptsOfBatch(batchId) : Map.of();
        Map<UUID, Summary> summaries = withTexts ? transcripts.summariesOfBatch(batchId) : Map.of();
        List<BatchSnapshot.Video> videos = new ArrayList<>(items.size());
        for (VideoItem item : items) {
            videos.add(new BatchSnapshot.Video(item, steps.getOrDefault(item.id(), Map.of()),
                    attempts.getOrDefault(item.id(), List.of()), texts.get(item.id()), summaries.get(item.id())));
        }
        return new BatchSnapshot(batch, videos, clock.instant());
    }
}
