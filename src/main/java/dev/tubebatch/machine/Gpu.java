package dev.tubebatch.machine;

/** One GPU as {@code nvidia-smi} reports it, memory in MiB. */
public record Gpu(int index, long totalMib, long usedMib) {

    public long freeMib() {
        return Math.max(0, totalMib - usedMib);
    }
}
