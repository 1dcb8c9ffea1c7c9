package dev.tubebatch.inference.speech;

import static dev.tubebatch.inference.speech.SilenceChunker.FRAME;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The second pass of {@link SilenceChunker}: reads the recording frame by frame into a window of fixed size, finds
 * the regions of speech (voiced frames less than {@code minGap} frames apart) and hands each piece to its consumer
 * as soon as its end is certain, then forgets the audio before it.
 *
 * <p>A region's piece runs from {@code pad} frames before its first voiced frame to {@code pad} frames after its
 * last, but never past the midpoint of the pause to a neighbouring region. Its start is known when it begins; its
 * end once {@code max(minGap, 2 * pad)} quiet frames have followed (no later speech can then join it or pull the
 * midpoint in), when the next region begins, or at the end of the recording. A region longer than {@code maxFrames}
 * is cut at its quietest frame while it is still being read. So the window holds at most one piece, its margin and
 * that look-ahead, whatever the length of the recording; the pieces are those of cutting the whole recording at once.
 */
final class ChunkStream {

    private final int maxFrames;
    private final int minGap;
    private final int pad;
    private final double threshold;
    private final Consumer<AudioChunk> sink;
    private final int capacity;
    private final float[] samples;
    private final double[] db;

    private int first; // the frame in slot 0 of the window
    private int frames; // frames read so far
    private int keep; // the first frame still needed
    private boolean active; // a region of speech has begun and its piece is not yet handed on
    private int start;
    private int lastVoiced;
    private int from; // where the region's next piece starts
    private int previousEnd = -1; // the end (exclusive) of the last region's speech

    ChunkStream(int maxFrames, int minGap, int pad, double threshold, int capacity, Consumer<AudioChunk> sink) {
        this.maxFrames = maxFrames;
        this.minGap = minGap;
        this.pad = pad;
        this.threshold = threshold;
        this.capacity = capacity;
        this.sink = sink;
        this.samples = new float[capacity * FRAME];
        this.db = new double[capacity];
    }

    /** Reads the first {@code count} frames of {@code source}, or all of them if it has fewer. */
    void run(PcmSource source, long count) {
        try (PcmSource.Reader reader = source.open()) {
            while (frames < count) {
                if (frames - first == capacity) {
                    compact();
                }
                int slot = frames - first;
                if (!SilenceChunker.readFrame(reader, samples, slot * FRAME)) {
                    break;
                }
                db[slot] = SilenceChunker.loudness(samples, slot * FRAME);
                int f = frames++;
                if (db[slot] >= threshold) {
                    voiced(f);
                } else if (active && f - lastVoiced >= Math.max(minGap, 2 * pad)) {
                    finish(end() + pad); // no later region can come closer than 2 * pad frames
                }
                if (!active) {
                    keep = Math.max(keep, frames - pad); // a region starting later reaches back at most pad frames
                }
            }
        }
        if (active) {
            finish(Math.min(frames, end() + pad));
        }
    }

    private int end() {
        return lastVoiced + 1;
    }

    private void voiced(int f) {
        if (active && f - lastVoiced > minGap) {
            finish(Math.min((end() + f) / 2, end() + pad));
        }
        if (!active) {
            int lower = previousEnd < 0 ? 0 : (previousEnd + f) / 2;
            from = Math.max(lower, f - pad);
            start = f;
            active = true;
            keep = from;
        }
        lastVoiced = f;
        // Its piece ends at or after its speech does: a cut needed now is needed in the end too.
        while (end() - start >= 5 && end() - from > maxFrames) {
            cut();
        }
    }

    /** Ends the active region's piece at frame {@code to}. */
    private void finish(int to) {
        active = false;
        previousEnd = end();
        if (end() - start < 5) {
            return; // under 100 ms: a click, not speech
        }
        while (to - from > maxFrames) {
            cut();
        }
        emit(from, to);
        keep = Math.max(keep, to);
    }

    /** Cuts the active piece at its quietest frame in the second half of the longest piece allowed. */
    private void cut() {
        int best = from + maxFrames;
        double lowest = Double.MAX_VALUE;
        for (int f = from + maxFrames / 2; f < from + maxFrames; f++) {
            if (db[f - first] < lowest) {
                lowest = db[f - first];
                best = f;
            }
        }
        emit(from, best);
        from = best;
        keep = from;
    }

    private void emit(int fromFrame, int toFrame) {
        sink.accept(new AudioChunk(fromFrame * FRAME,
                Arrays.copyOfRange(samples, (fromFrame - first) * FRAME, (toFrame - first) * FRAME)));
    }

    /** Moves the frames still needed to the front of the window. */
    private void compact() {
        if (keep <= first) {
            throw new IllegalStateException("the chunker's window of " + capacity + " frames is full at frame "
                    + frames + " (keeping from " + keep + ")");
        }
        int shift = keep - first;
        System.arraycopy(samples, shift * FRAME, samples, 0, (frames - keep) * FRAME);
        System.arraycopy(db, shift, db, 0, frames - keep);
        first = keep;
    }
}
