package dev.tubebatch.inference.speech;

/**
 * Counts frame loudness (dB) in bins of a thousandth of a decibel, so the chunker's percentiles of a recording of any
 * length take a fixed 640 KB instead of one value per 20 ms frame.
 */
final class LoudnessHistogram {

    private static final double LOW = -130; // the quietest frame is -120 dB (digital silence plus 1e-12)
    private static final double STEP = 0.001;
    private static final int BINS = 160_000; // up to +30 dB: louder frames (float WAVs) fall into the last bin

    private final int[] counts = new int[BINS];
    private long total;

    void add(double db) {
        int bin = (int) Math.floor((db - LOW) / STEP);
        counts[Math.clamp(bin, 0, BINS - 1)]++;
        total++;
    }

    long count() {
        return total;
    }

    /** The value of rank {@code rank} (from 0) among the values added, in order: its bin's lower edge. */
    double atRank(long rank) {
        if (rank < 0 || rank >= total) {
            throw new IllegalArgumentException("rank " + rank + " of " + total + " values");
        }
        long seen = 0;
        for (int bin = 0; bin < BINS; bin++) {
            seen += counts[bin];
            if (seen > rank) {
                return LOW + bin * STEP;
            }
        }
        throw new IllegalStateException("counted " + seen + " of " + total + " values");
    }
}
