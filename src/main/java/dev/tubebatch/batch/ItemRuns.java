package dev.tubebatch.batch;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where a job's try on an item starts ({@link #start}), and where the sweep settles an item whose job was lost.
 * Each state change of a run is one transaction over the item's row and its attempt row, announced through
 * {@link BatchEvents} once committed, so that the two never disagree and a view never sees half of it.
 */
@Component
public class ItemRuns {

    final VideoItemRepository items;
    final BatchRepository batches;
    final ItemHistory history;
    final Clock clock;
    private final BatchEvents events;
    private final TransactionTemplate transaction;

    ItemRuns(VideoItemRepository items, BatchRepository batches, ItemHistory history, BatchEvents events,
            PlatformTransactionManager transactions, Clock clock) {
        this.items = items;
        this.batches = batches;
        this.history = history;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Starts a try of the job {@code jobId}: the item becomes RUNNING, its attempt count goes up and an attempt is
     * opened. Empty if that job is not the one the item waits for (a stale duplicate, or a job of an item held and
     * re-queued since) or the item is in an end state: such a job must end without doing anything.
     */
    public Optional<ItemRun> start(UUID itemId, UUID jobId) {
        return transaction.execute(status -> {
            Instant now = clock.instant();
            if (!items.markRunning(itemId, jobId, now)) {
                return Optional.empty();
            }
            VideoItem item = items.findById(itemId).orElseThrow();
            Batch batch = batches.findById(item.batchId()).orElseThrow(() -> new NoSuchBatchException(item.batchId()));
            long attemptId = history.startAttempt(itemId, now);
            announce(item.batchId(), itemId);
            return Optional.of(new ItemRun(this, item, batch, attemptId));
        });
    }

    /**
     * A RUNNING item whose job ended or vanished without recording how (deleted while running, or its process died
     * before JobRunr stored the job): cancelled if its batch is, else it waits again and goes on from its recorded
     * steps. Its open attempt stays RUNNING and reads as interrupted.
     */
    public void jobLost(UUID itemId, UUID batchId, boolean batchCancelled) {
        announceIf(batchId, itemId, batchCancelled ? items.markCancelled(itemId, clock.instant())
                : items.markReleased(itemId));
    }

    /**
     * Runs {@code change} in one transaction; if it reports that the item's row changed, the item is announced
     * after commit. Returns what {@code change} returned.
     */
    boolean inTransaction(UUID batchId, UUID itemId, BooleanSupplier change) {
        return Boolean.TRUE.equals(transaction.execute(status -> announceIf(batchId, itemId, change.getAsBoolean())));
    }

    /** Announces the item if {@code changed} says its row changed: after commit, or at once outside a transaction. */
    boolean announceIf(UUID batchId, UUID itemId, boolean changed) {
        if (changed) {
            announce(batchId, itemId);
        }
        return changed;
    }

    private void announce(UUID batchId, UUID itemId) {
        events.publish(new BatchChange(batchId, itemId));
    }
}
