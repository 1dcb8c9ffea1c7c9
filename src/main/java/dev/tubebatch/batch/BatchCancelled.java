package dev.tubebatch.batch;

import java.util.List;
import java.util.UUID;

/**
 * Published (as a Spring application event, after commit) when a batch is cancelled, with the jobs that were
 * queued or running then, so the pipeline can delete them (which interrupts a running one).
 */
public record BatchCancelled(UUID batchId, List<UUID> jobIds) {

    public BatchCancelled {
        jobIds = List.copyOf(jobIds);
    }
}
