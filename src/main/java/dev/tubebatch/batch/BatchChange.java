package dev.tubebatch.batch;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Something about a batch changed: an item's status or step ({@code itemId} set), or the batch itself.
 * Listeners re-read what they show from the database; the event carries no state that could go stale.
 */
public record BatchChange(UUID batchId, @Nullable UUID itemId) {

    public static BatchChange ofBatch(UUID batchId) {
        return new BatchChange(batchId, null);
    }
}
