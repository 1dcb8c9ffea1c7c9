package dev.tubebatch.inference.speech;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Mono audio held in memory as float samples in [-1, 1] at {@link #SAMPLE_RATE}: short clips and tests. Recordings
 * are transcribed from a {@link PcmSource} instead, which reads the WAV from disk a window at a time.
 */
public record PcmAudio(float[] samples) {

    public static final int SAMPLE_RATE = 16_000;

    /** The longest audio read into memory at once: 12 hours, so a broken header cannot ask for an unbounded array. */
    static final long MAX_SAMPLES = 12L * 3600 * SAMPLE_RATE;

    public double seconds() {
        return samples.length / (double) SAMPLE_RATE;
    }

    /** The whole of a WAV file in memory; for recordings of any length use {@link PcmSource#wav} instead. */
    public static PcmAudio read(java.nio.file.Path wav) {
        try (WavReader reader = WavReader.open(wav)) {
            return new PcmAudio(all(reader));
        }
    }

    static PcmAudio read(InputStream in, String name) throws IOException {
        try (WavReader reader = WavReader.open(in, name)) {
            return new PcmAudio(all(reader));
        }
    }

    private static float[] all(PcmSource.Reader reader) {
        float[] out = new float[1 << 16];
        int count = 0;
        while (count < MAX_SAMPLES) {
            if (count == out.length) {
                out = Arrays.copyOf(out, (int) Math.min(MAX_SAMPLES, (long) out.length * 2));
            }
            int read = reader.read(out, count, out.length - count);
            if (read < 0) {
                break;
            }
            count += read;
        }
        return count == out.length ? out : Arrays.copyOf(out, count);
    }
}
