package dev.tubebatch.inference.speech;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Splits a recording into pieces of speech at its silences, each at most {@code maxSeconds} long, with the time
 * each starts at. An energy detector: 20 ms frames, loudness in dB, a threshold between the noise floor and the
 * peak; a pause of at least {@code minSilenceSeconds} ends a piece. A piece of speech longer than the maximum is cut
 * at its quietest frame in the second half of the allowed window. Silence is left out, so no time is spent on it.
 *
 * <p>The recording is read twice from its {@link PcmSource}, never whole: once for the loudness percentiles (kept
 * in a {@link LoudnessHistogram}), once for the pieces, which go to their consumer as soon as each is known while
 * at most {@link #windowSamples()} samples are held ({@link ChunkStream}).
 */
public final class SilenceChunker {

    private static final Logger log = LoggerFactory.getLogger(SilenceChunker.class);

    static final int FRAME = PcmAudio.SAMPLE_RATE / 50; // 20 ms

    /** The longest recording cut: 24 hours (a piece's start sample must fit an int). Later audio is left out. */
    static final double LONGEST_SECONDS = 24 * 3600;

    private final double maxSeconds;
    private final double minSilenceSeconds;
    private final double padSeconds;
    private final long lastFrame;

    public SilenceChunker(double maxSeconds, double minSilenceSeconds, double padSeconds) {
        this(maxSeconds, minSilenceSeconds, padSeconds, LONGEST_SECONDS);
    }

    SilenceChunker(double maxSeconds, double minSilenceSeconds, double padSeconds, double longestSeconds) {
        if (!(maxSeconds >= 1) || !(minSilenceSeconds > 0) || !(padSeconds >= 0)
                || !(longestSeconds > 0 && longestSeconds <= LONGEST_SECONDS)) {
            throw new IllegalArgumentException("chunker: max " + maxSeconds + " s must be >= 1, min silence "
                    + minSilenceSeconds + " s > 0, pad " + padSeconds + " s >= 0, longest recording "
                    + longestSeconds + " s in (0, " + LONGEST_SECONDS + "]");
        }
        this.maxSeconds = maxSeconds;
        this.minSilenceSeconds = minSilenceSeconds;
        this.padSeconds = padSeconds;
        this.lastFrame = (long) (longestSeconds * 50);
    }

    /** The defaults: pieces of at most 30 s (Moonshine's and Whisper's comfort), pauses of 0.3 s, 0.1 s margins. */
    public static SilenceChunker standard() {
        return new SilenceChunker(30, 0.3, 0.1);
    }

    /** The pieces of audio already in memory. */
    public List<AudioChunk> split(float[] samples) {
        List<AudioChunk> chunks = new ArrayList<>();
        chunks(PcmSource.of(samples), chunks::add);
        return chunks;
    }

    /**
     * Hands each piece of {@code source} to {@code sink}, in order, as soon as it is known; {@code sink} may keep a
     * piece or let it go. The source is read twice and never held whole.
     */
    public void chunks(PcmSource source, Consumer<AudioChunk> sink) {
        LoudnessHistogram loudness = new LoudnessHistogram();
        float[] frame = new float[FRAME];
        try (PcmSource.Reader reader = source.open()) {
            while (loudness.count() < lastFrame && readFrame(reader, frame, 0)) {
                loudness.add(loudness(frame, 0));
            }
            if (loudness.count() == lastFrame && readFrame(reader, frame, 0)) {
                log.warn("The recording is longer than {} h: only that much of it is transcribed",
                        lastFrame / 180_000.0);
            }
        }
        long frames = loudness.count();
        if (frames == 0) {
            return;
        }
        double floor = loudness.atRank((long) (frames * 0.10));
        double peak = loudness.atRank(Math.min(frames - 1, (long) (frames * 0.99)));
        // Speech sits well above the noise floor but need not come near the peak; digital silence has no floor;
        // audio that is loud throughout (no floor below the peak) is all speech.
        double threshold = Math.max(Math.min(Math.max(floor + 10, peak - 40), peak - 10), -65);
        new ChunkStream(maxFrames(), minGapFrames(), padFrames(), threshold, windowFrames(), sink).run(source, frames);
    }

    /** The most samples held at once while splitting, whatever the recording's length: about the longest piece. */
    public int windowSamples() {
        return windowFrames() * FRAME;
    }

    private int windowFrames() {
        // the longest piece, its margin, and the look-ahead that decides where a piece ends (see ChunkStream)
        return maxFrames() + padFrames() + Math.max(minGapFrames(), 2 * padFrames()) + 8;
    }

    private int maxFrames() {
        return (int) (maxSeconds * 50);
    }

    private int minGapFrames() {
        return (int) Math.ceil(minSilenceSeconds * 50);
    }

    private int padFrames() {
        return (int) Math.round(padSeconds * 50);
    }

    /** Reads one whole frame into {@code into} at {@code offset}; false at the end (a last partial frame is dropped). */
    static boolean readFrame(PcmSource.Reader reader, float[] into, int offset) {
        int filled = 0;
        while (filled < FRAME) {
            int read = reader.read(into, offset + filled, FRAME - filled);
            if (read < 0) {
                return false;
            }
            filled += read;
        }
        return true;
    }

    /** The loudness of the frame at {@code offset}, in dB (-120 for digital silence). */
    static double loudness(float[] samples, int offset) {
        double sum = 0;
        for (int i = offset, end = offset + FRAME; i < end; i++) {
            sum += samples[i] * (double) samples[i];
        }
        return 10 * Math.log10(sum / FRAME + 1e-12);
    }
}
