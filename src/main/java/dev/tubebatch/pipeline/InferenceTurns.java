package dev.tubebatch.pipeline;

import dev.tubebatch.batch.VideoItem;
import dev.tubebatch.batch.WorkQueue;
import dev.tubebatch.inference.InferenceSlots;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Inference for a video job without holding its worker while the slots are busy. A job that reaches an inference
 * step waits a moment ({@link #PATIENCE}) for a slot of this node; if none comes free it throws {@link InferenceWait}:
 * the job ends, the video waits as "waiting for an inference slot" with its recorded steps, and its worker takes a
 * video that needs no inference. While its inference runs, a job lends its worker to the next job. The dispatcher
 * hands waiting videos out only for free slots, oldest wait first, and keeps the slot for the video it hands out
 * ({@link InferenceSlots#reserve}). A video that reaches inference while others already wait queues behind them, so
 * none waits for ever.
 */
@Component
class InferenceTurns {

    /** What a waiting video shows, as its status and in its attempt's note. */
    static final String NOTE = "Waiting for an inference slot";

    /** How long a job waits for a slot before it gives its worker back. */
    static final Duration PATIENCE = Duration.ofSeconds(1);

    /** How long a slot is kept for the video handed out for it; its job normally starts well within this. */
    static final Duration RESERVATION = Duration.ofSeconds(10);

    private final InferenceSlots slots;
    private final WorkQueue queue;
    private final WorkerPermits workers;

    InferenceTurns(InferenceSlots slots, WorkQueue queue, WorkerPermits workers) {
        this.slots = slots;
        this.queue = queue;
        this.workers = workers;
    }

    /**
     * Runs {@code work} in an inference slot for {@code item}, lending the job's worker to the next job meanwhile
     * (the job server has a thread per slot for this), or throws {@link InferenceWait}.
     */
    <T> T run(VideoItem item, String what, Supplier<T> work) {
        if (!slots.reservedFor(item.id()) && queue.anyWaitsForInference()) {
            throw new InferenceWait();
        }
        boolean[] lent = {false};
        try {
            return slots.runIfFree(item.id(), what, PATIENCE, () -> {
                workers.lend();
                lent[0] = true;
            }, work).orElseThrow(InferenceWait::new);
        } finally {
            if (lent[0]) {
                workers.takeBack();
            }
        }
    }

    /** Free slots of this node that no handed-out video holds: how many waiting videos a dispatch may hand out. */
    int freeTurns() {
        return slots.unreserved();
    }

    /** Keeps a slot for the waiting video just handed out, so a video that arrives meanwhile does not take it. */
    void handedOut(UUID itemId) {
        slots.reserve(itemId, RESERVATION);
    }

    /** {@code listener} runs each time a slot of this node comes free. */
    void onSlotFreed(Runnable listener) {
        slots.onRelease(listener);
    }
}
