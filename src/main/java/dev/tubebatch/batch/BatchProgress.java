package dev.tubebatch.batch;

import java.util.Map;

/** Counts of a batch's items by status, read in one query. */
public record BatchProgress(int total, int pending, int queued, int running, int retrying, int completed, int failed,
        int cancelled) {

    static BatchProgress of(Map<ItemStatus, Integer> counts) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        return new BatchProgress(total, get(counts, ItemStatus.PENDING), get(counts, ItemStatus.QUEUED),
                get(counts, ItemStatus.RUNNING), get(counts, ItemStatus.RETRYING), get(counts, ItemStatus.COMPLETED),
                get(counts, ItemStatus.FAILED), get(counts, ItemStatus.CANCELLED));
    }

    private static int get(Map<ItemStatus, Integer> counts, ItemStatus status) {
        return counts.getOrDefault(status, 0);
    }

    /** Items that reached an end state. */
    public int finished() {
        return completed + failed + cancelled;
    }

    /** Share of items finished, 0 to 1; 0 for an empty batch. */
    public double fraction() {
        return total == 0 ? 0 : (double) finished() / total;
    }
}
