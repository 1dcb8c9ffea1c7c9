package dev.tubebatch.inference.speech;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Mono audio as float samples in [-1, 1] at {@link #SAMPLE_RATE}, decoded in Java from the WAV that yt-dlp and ffmpeg
 * write (16-bit PCM, 16 kHz, mono). 32-bit float WAV is read too. Anything else is refused with the field that is off.
 */
public record PcmAudio(float[] samples) {

    public static final int SAMPLE_RATE = 16_000;

    /** The longest audio read at once: 12 hours, so a broken header cannot ask for an unbounded array. */
    static final long MAX_SAMPLES = 12L * 3600 * SAMPLE_RATE;

    public double seconds() {
        return samples.length / (double) SAMPLE_RATE;
    }

    public static PcmAudio read(Path wav) {
        try (InputStream in = Files.newInputStream(wav)) {
            return read(in, wav.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + wav, e);
        }
    }

    static PcmAudio read(InputStream in, String name) throws IOException {
        byte[] riff = in.readNBytes(12);
        if (riff.length < 12 || !ascii(riff, 0, 4).equals("RIFF") || !ascii(riff, 8, 4).equals("WAVE")) {
            throw new IllegalArgumentException(name + ": not a WAV file (no RIFF/WAVE header)");
        }
        int format = -1;
        int channels = -1;
        int rate = -1;
        int bits = -1;
        for (int chunk = 0; chunk < 64; chunk++) { // a WAV has a handful of chunks; bound the walk
            byte[] header = in.readNBytes(8);
            if (header.length < 8) {
                throw new IllegalArgumentException(name + ": no 'data' chunk");
            }
            String id = ascii(header, 0, 4);
            long size = ByteBuffer.wrap(header, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
            if (id.equals("fmt ")) {
                byte[] fmt = in.readNBytes((int) Math.min(size, 1024));
                in.skipNBytes(size - fmt.length + (size & 1));
                ByteBuffer b = ByteBuffer.wrap(fmt).order(ByteOrder.LITTLE_ENDIAN);
                format = b.getShort(0) & 0xFFFF;
                channels = b.getShort(2) & 0xFFFF;
                rate = b.getInt(4);
                bits = b.getShort(14) & 0xFFFF;
                if (format == 0xFFFE && fmt.length >= 26) { // WAVE_FORMAT_EXTENSIBLE: the sub-format's first two bytes
                    format = b.getShort(24) & 0xFFFF;
                }
            } else if (id.equals("data")) {
                if (format < 0) {
                    throw new IllegalArgumentException(name + ": 'data' chunk before 'fmt ' chunk");
                }
                check(name, "channels", channels, 1);
                check(name, "sample rate", rate, SAMPLE_RATE);
                boolean pcm16 = format == 1 && bits == 16;
                boolean float32 = format == 3 && bits == 32;
                if (!pcm16 && !float32) {
                    throw new IllegalArgumentException(name + ": sample format " + format + " with " + bits
                            + " bits; expected 16-bit PCM (1) or 32-bit float (3)");
                }
                int bytesPerSample = bits / 8;
                // ffmpeg writes 0xFFFFFFFF (or 0) as the size when it streams: then read to the end.
                long declared = size == 0xFFFFFFFFL || size == 0 ? Long.MAX_VALUE : size;
                long wanted = Math.min(declared / bytesPerSample, MAX_SAMPLES);
                return new PcmAudio(samples(in, wanted, pcm16));
            } else {
                in.skipNBytes(size + (size & 1));
            }
        }
        throw new IllegalArgumentException(name + ": no 'data' chunk in the first 64 chunks");
    }

    private static float[] samples(InputStream in, long wanted, boolean pcm16) throws IOException {
        int bytesPerSample = pcm16 ? 2 : 4;
        float[] out = new float[(int) Math.min(wanted, 1 << 20)];
        int count = 0;
        byte[] buffer = new byte[64 * 1024];
        int carry = 0;
        while (count < wanted) {
            int read = in.read(buffer, carry, buffer.length - carry);
            if (read < 0) {
                break;
            }
            int available = carry + read;
            int whole = available / bytesPerSample;
            ByteBuffer b = ByteBuffer.wrap(buffer, 0, whole * bytesPerSample).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < whole && count < wanted; i++) {
                if (count == out.length) {
                    out = java.util.Arrays.copyOf(out, (int) Math.min(wanted, (long) out.length * 2));
                }
                out[count++] = pcm16 ? b.getShort() / 32768f : b.getFloat();
            }
            carry = available - whole * bytesPerSample;
            System.arraycopy(buffer, whole * bytesPerSample, buffer, 0, carry);
        }
        return count == out.length ? out : java.util.Arrays.copyOf(out, count);
    }

    private static void check(String name, String field, int actual, int expected) {
        if (actual != expected) {
            throw new IllegalArgumentException(name + ": " + field + " is " + actual + ", expected " + expected);
        }
    }

    private static String ascii(byte[] bytes, int offset, int length) {
        return new String(bytes, offset, length, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
