package dev.tubebatch.inference.speech;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a recording into pieces of speech at its silences, each at most {@code maxSeconds} long, with the time
 * each starts at. An energy detector: 20 ms frames, loudness in dB, a threshold between the noise floor and the
 * peak; a pause of at least {@code minSilenceSeconds} ends a piece. A piece of speech longer than the maximum is cut
 * at its quietest frame in the second half of the allowed window. Silence is left out, so no time is spent on it.
 */
public final class SilenceChunker {

    static final int FRAME = PcmAudio.SAMPLE_RATE / 50; // 20 ms

    private final double maxSeconds;
    private final double minSilenceSeconds;
    private final double padSeconds;

    public SilenceChunker(double maxSeconds, double minSilenceSeconds, double padSeconds) {
        if (!(maxSeconds >= 1) || !(minSilenceSeconds > 0) || !(padSeconds >= 0)) {
            throw new IllegalArgumentException("chunker: max " + maxSeconds + " s must be >= 1, min silence "
                    + minSilenceSeconds + " s > 0, pad " + padSeconds + " s >= 0");
        }
        this.maxSeconds = maxSeconds;
        this.minSilenceSeconds = minSilenceSeconds;
        this.padSeconds = padSeconds;
    }

    /** The defaults: pieces of at most 30 s (Moonshine's and Whisper's comfort), pauses of 0.3 s, 0.1 s margins. */
    public static SilenceChunker standard() {
        return new SilenceChunker(30, 0.3, 0.1);
    }

    public List<AudioChunk> split(float[] samples) {
        int frames = samples.length / FRAME;
        if (frames == 0) {
            return List.of();
        }
        double[] db = new double[frames];
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            for (int i = f * FRAME, end = i + FRAME; i < end; i++) {
                sum += samples[i] * (double) samples[i];
            }
            db[f] = 10 * Math.log10(sum / FRAME + 1e-12);
        }
        double[] sorted = db.clone();
        Arrays.sort(sorted);
        double floor = sorted[(int) (frames * 0.10)];
        double peak = sorted[Math.min(frames - 1, (int) (frames * 0.99))];
        // Speech sits well above the noise floor but need not come near the peak; digital silence has no floor;
        // audio that is loud throughout (no floor below the peak) is all speech.
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
                continue; // under 100 ms: a click, not speech
            }
            int lower = r == 0 ? 0 : (regions.get(r - 1)[1] + from) / 2;
            int upper = r == regions.size() - 1 ? frames : (to + regions.get(r + 1)[0]) / 2;
            from = Math.max(lower, from - pad);
            to = Math.min(upper, to + pad);
            while (to - from > maxFrames) { // ends: each pass moves from forward by at least maxFrames / 2
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
        int from = fromFrame * FRAME;
        int to = Math.min(samples.length, toFrame * FRAME);
        return new AudioChunk(from, Arrays.copyOfRange(samples, from, to));
    }
}
