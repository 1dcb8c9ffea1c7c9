package dev.tubebatch.pipeline;

import dev.tubebatch.batch.ItemTracker;
import dev.tubebatch.batch.VideoItem;
import dev.tubebatch.youtube.budget.YouTubeGate;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/** Shows on a video, while one of its steps runs, that its YouTube call waits for the budget. */
@Component
class YouTubeWaitNotes {

    private final ItemTracker tracker;

    YouTubeWaitNotes(ItemTracker tracker) {
        this.tracker = tracker;
    }

    <T> T during(VideoItem item, Supplier<T> step) {
        return YouTubeGate.observed(note -> tracker.waitingFor(item, note), step);
    }
}
