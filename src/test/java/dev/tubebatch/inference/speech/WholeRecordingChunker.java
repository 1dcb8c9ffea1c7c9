package dev.tubebatch.inference.speech;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The chunker's rules applied to a whole recording held in memory at once (exact percentiles from sorting every
 * frame's loudness): the reference the streaming {@link SilenceChunker} must agree with, piece for piece.
 */
final class WholeRecordingChunker {

    private static final int FRAME = SilenceChunker.FRAME;

    private WholeRecordingChunker() {}

    static List<AudioChunk> split(float[] samples, double maxSeconds, double minSilenceSeconds, double padSeconds) {
        int frames = samples.length / FRAME;
        if (frames == 0) {
            return List.of();
        }
        double[] db = new double[frames];
        for (int f = 0; f < frames; f++) {
            db[f] = SilenceChunker.loudness(samples, f * FRAME);
        }
        double[] sorted = db.clone();
        Arrays.sort(sorted);
        double floor = sorted[(int) (frames * 0.10)];
        double peak = sorted[Math.min(frames - 1, (int) (frames * 0.99))];
        double threshold = Math.max(Math.min(Math.max(floor + 10, peak - 40), peak - 10), -65);
        int minGap = (int) Math.ceil(minSilenceSeconds * 50);
        int maxFrames = (int) (maxSeconds * 50);
        int pad = (int) Math.round(padSeconds * 50);

        List<int[]> regions = new ArrayList<>();
        int start = -1;
        int lastVoiced = -1;
        for (int f = 0; f < frames; f++) {
            if (db[f] >= threshold) {
                if (start < 0) {
                    start = f;
                } else if (f - lastVoiced > minGap) {
                    regions.add(new int[] {start, lastVoiced + 1});
                    start = f;
                }
                lastVoiced = f;
            }
        }
        if (start >= 0) {
            regions.add(new int[] {start, lastVoiced + 1});
        }

        List<AudioChunk> chunks = new ArrayList<>();
        for (int r = 0; r < regions.size(); r++) {
            int from = regions.get(r)[0];
            int to = regions.get(r)[1];
            if (to - from < 5) {
                continue;
            }
            int lower = r == 0 ? 0 : (regions.get(r - 1)[1] + from) / 2;
            int upper = r == regions.size() - 1 ? frames : (to + regions.get(r + 1)[0]) / 2;
            from = Math.max(lower, from - pad);
            to = Math.min(upper, to + pad);
            while (to - from > maxFrames) {
                int cut = quietest(db, from + maxFrames / 2, from + maxFrames);
                chunks.add(chunk(samples, from, cut));
                from = cut;
            }
            chunks.add(chunk(samples, from, to));
        }
        return chunks;
    }

    private static int quietest(double[] db, int from, int to) {
        int best = to;
        double lowest = Double.MAX_VALUE;
        for (int f = from; f < to; f++) {
            if (db[f] < lowest) {
                lowest = db[f];
                best = f;
            }
        }
        return best;
    }

    private static AudioChunk chunk(float[] samples, int fromFrame, int toFrame) {
        return new AudioChunk(fromFrame * FRAME, Arrays.copyOfRange(samples, fromFrame * FRAME, toFrame * FRAME));
    }
}
