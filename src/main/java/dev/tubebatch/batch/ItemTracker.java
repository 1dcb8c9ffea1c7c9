package dev.tubebatch.batch;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What jobs write about their item: status transitions, the current step and what each step found. Every change
 * that a person would see is announced through {@link BatchEvents} once it is stored.
 */
@Component
public class ItemTracker {

    private final VideoItemRepository items;
    private final BatchEvents events;
    private final Clock clock;

    ItemTracker(VideoItemRepository items, BatchEvents events, Clock clock) {
        this.items = items;
        this.events = events;
        this.clock = clock;
    }

    /** Marks a waiting item as handed to a job; false if it was not waiting (another node took it). */
    public boolean queued(VideoItem item, UUID jobId) {
        return announce(item.batchId(), item.id(), items.markQueued(item.id(), jobId, clock.instant()));
    }

    /** Starts a try; false if the item is in an end state and must not run. */
    public boolean running(VideoItem item) {
        return announce(item.batchId(), item.id(), items.markRunning(item.id(), clock.instant()));
    }

    /**
     * Starts a step; false if the item's batch no longer runs (cancelled, stopped, paused) and the step must not
     * start. The check and the change are one statement, so no step starts after a cancel has committed.
     */
    public boolean stepStarted(VideoItem item, Step step) {
        return announce(item.batchId(), item.id(), items.markStepStarted(item.id(), step));
    }

    /** Progress inside the current step, 0 to 1. */
    public void stepProgress(VideoItem item, float progress) {
        announce(item.batchId(), item.id(), items.markStepProgress(item.id(), progress));
    }

    public void completed(VideoItem item) {
        announce(item.batchId(), item.id(), items.markCompleted(item.id(), clock.instant()));
    }

    public void failed(VideoItem item, ErrorKind kind, String message) {
        announce(item.batchId(), item.id(), items.markFailed(item.id(), kind, message, clock.instant()));
    }

    public void retrying(VideoItem item, ErrorKind kind, String message) {
        announce(item.batchId(), item.id(), items.markRetrying(item.id(), kind, message));
    }

    public void cancelled(VideoItem item) {
        announce(item.batchId(), item.id(), items.markCancelled(item.id(), clock.instant()));
    }

    public void metadata(VideoItem item, String title, String channel, Integer durationSeconds, LocalDate uploadDate) {
        announce(item.batchId(), item.id(), items.saveMetadata(item.id(), title, channel, durationSeconds, uploadDate));
    }

    public void transcriptSource(VideoItem item, TranscriptSource source) {
        items.saveTranscriptSource(item.id(), source);
    }

    public void outputPath(VideoItem item, String path) {
        items.saveOutputPath(item.id(), path);
    }

    private boolean announce(UUID batchId, UUID itemId, boolean changed) {
        if (changed) {
            events.publish(new BatchChange(batchId, itemId));
        }
        return changed;
    }
}
