package dev.tubebatch.inference.speech;

import java.nio.file.Path;

/**
 * Mono 16 kHz audio that can be read from its start as often as needed, a window at a time: a WAV file on disk
 * ({@link #wav}) is never held whole, so the memory speech to text takes does not grow with the recording's length.
 */
@FunctionalInterface
public interface PcmSource {

    /** A new reader positioned at the first sample; the caller closes it. */
    Reader open();

    /** Reads samples in order. */
    interface Reader extends AutoCloseable {

        /**
         * Reads up to {@code length} samples into {@code into} from {@code offset}.
         *
         * @return how many were read (at least one unless {@code length} is 0), or -1 at the end
         */
        int read(float[] into, int offset, int length);

        @Override
        void close();
    }

    /** The WAV file that yt-dlp's ffmpeg step writes (16-bit PCM or 32-bit float, 16 kHz, mono), read from disk. */
    static PcmSource wav(Path wav) {
        return () -> WavReader.open(wav);
    }

    /** Samples already in memory (tests, short clips). */
    static PcmSource of(float[] samples) {
        return () -> new Reader() {
            private int position;

            @Override
            public int read(float[] into, int offset, int length) {
                if (position == samples.length) {
                    return -1;
                }
                int count = Math.min(length, samples.length - position);
                System.arraycopy(samples, position, into, offset, count);
                position += count;
                return count;
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }
}
