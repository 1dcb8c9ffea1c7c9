package dev.tubebatch.batch;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What a job's steps write about their item while it runs: progress inside the step and what each step found.
 * Changes a person would see are announced through {@link BatchEvents}. Status changes are not made here but
 * through the item's {@link ItemRun}.
 */
@Component
public class ItemTracker {

    private final VideoItemRepository items;
    private final BatchEvents events;
    private final TranscriptStore texts;

    ItemTracker(VideoItemRepository items, BatchEvents events, TranscriptStore texts) {
        this.items = items;
        this.events = events;
        this.texts = texts;
    }

    /** Progress inside the current step, 0 to 1. */
    public void stepProgress(VideoItem item, float progress) {
        announce(item.batchId(), item.id(), items.markStepProgress(item.id(), progress));
    }

    /** What the running item waits for now (shown as its status), or null when it goes on. */
    public void waitingFor(VideoItem item, @Nullable String note) {
        announce(item.batchId(), item.id(), items.markWaitingFor(item.id(), note));
    }

    public void metadata(VideoItem item, @Nullable String title, @Nullable String channel,
            @Nullable Integer durationSeconds, @Nullable LocalDate uploadDate) {
        announce(item.batchId(), item.id(), items.saveMetadata(item.id(), title, channel, durationSeconds, uploadDate));
    }

    /** The video's chapters, kept for the summary (which may run in a later try). */
    public void chapters(VideoItem item, java.util.List<Chapter> chapters) {
        texts.saveChapters(item.id(), chapters);
    }

    public void transcriptSource(VideoItem item, TranscriptSource source) {
        items.saveTranscriptSource(item.id(), source);
    }

    public void outputPath(VideoItem item, String path) {
        items.saveOutputPath(item.id(), path);
    }

    private void announce(UUID batchId, UUID itemId, boolean changed) {
        if (changed) {
            events.publish(new BatchChange(batchId, itemId));
        }
    }
}
