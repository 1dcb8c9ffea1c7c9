package dev.tubebatch.batch;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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

    /**
     * Starts a try of the job {@code jobId}; false if that job is not the one the item waits for (a stale
     * duplicate) or the item is in an end state. Such a job must end without doing anything.
     */
    public boolean running(VideoItem item, UUID jobId) {
        return announce(item.batchId(), item.id(), items.markRunning(item.id(), jobId, clock.instant()));
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

    /** The item waits until {@code retryAt}; then the dispatcher gives it a new job. */
    public boolean retrying(VideoItem item, ErrorKind kind, String message, java.time.Instant retryAt) {
        return announce(item.batchId(), item.id(), items.markRetrying(item.id(), kind, message, retryAt,
                clock.instant()));
    }

    /** The item's batch is held: the item waits again and goes on from its recorded steps on resume. */
    public void released(VideoItem item) {
        announce(item.batchId(), item.id(), items.markReleased(item.id()));
    }

    public void cancelled(VideoItem item) {
        announce(item.batchId(), item.id(), items.markCancelled(item.id(), clock.instant()));
    }

    public void metadata(VideoItem item, @Nullable String title, @Nullable String channel,
            @Nullable Integer durationSeconds, @Nullable LocalDate uploadDate) {
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
