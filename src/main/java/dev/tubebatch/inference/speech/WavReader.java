package dev.tubebatch.inference.speech;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Reads the samples of a WAV (16-bit PCM or 32-bit float, {@link PcmAudio#SAMPLE_RATE}, mono) as floats in [-1, 1]
 * through a 64 KiB buffer, so a file of any length is read in constant memory. The header is checked on opening;
 * anything else is refused with the field that is off.
 */
final class WavReader implements PcmSource.Reader {

    private final InputStream in;
    private final String name;
    private final boolean pcm16;
    private final int bytesPerSample;
    private final byte[] buffer = new byte[64 * 1024];
    private final ByteBuffer view = ByteBuffer.wrap(buffer).order(ByteOrder.LITTLE_ENDIAN);
    private long remaining;
    private int filled;
    private int position;

    private WavReader(InputStream in, String name, boolean pcm16, long samples) {
        this.in = in;
        this.name = name;
        this.pcm16 = pcm16;
        this.bytesPerSample = pcm16 ? 2 : 4;
        this.remaining = samples;
    }

    static WavReader open(Path wav) {
        InputStream in = null;
        try {
            in = Files.newInputStream(wav);
            return open(in, wav.toString());
        } catch (IOException e) {
            closeQuietly(in);
            throw new UncheckedIOException("cannot read " + wav, e);
        } catch (RuntimeException e) {
            closeQuietly(in);
            throw e;
        }
    }

    /** Reads the header from {@code in} and leaves it at the first sample; closing the reader closes {@code in}. */
    static WavReader open(InputStream in, String name) throws IOException {
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
                check(name, "sample rate", rate, PcmAudio.SAMPLE_RATE);
                boolean pcm16 = format == 1 && bits == 16;
                boolean float32 = format == 3 && bits == 32;
                if (!pcm16 && !float32) {
                    throw new IllegalArgumentException(name + ": sample format " + format + " with " + bits
                            + " bits; expected 16-bit PCM (1) or 32-bit float (3)");
                }
                // ffmpeg writes 0xFFFFFFFF (or 0) as the size when it streams: then read to the end.
                long declared = size == 0xFFFFFFFFL || size == 0 ? Long.MAX_VALUE : size / (bits / 8);
                return new WavReader(in, name, pcm16, declared);
            } else {
                in.skipNBytes(size + (size & 1));
            }
        }
        throw new IllegalArgumentException(name + ": no 'data' chunk in the first 64 chunks");
    }

    /**
     * How long the recording in {@code wav} is, in seconds, from its header; from the file's size where ffmpeg
     * streamed it and left the size out.
     */
    static double seconds(Path wav) {
        try (WavReader reader = open(wav)) {
            long samples = reader.remaining != Long.MAX_VALUE ? reader.remaining
                    : Files.size(wav) / reader.bytesPerSample; // the header's few bytes hardly count
            return samples / (double) PcmAudio.SAMPLE_RATE;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + wav, e);
        }
    }

    @Override
    public int read(float[] into, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (remaining == 0 || !fill()) {
            return -1;
        }
        int count = (int) Math.min(Math.min(length, (filled - position) / bytesPerSample), remaining);
        for (int i = 0; i < count; i++) {
            into[offset + i] = pcm16 ? view.getShort(position) / 32768f : view.getFloat(position);
            position += bytesPerSample;
        }
        remaining -= count;
        return count;
    }

    /** Makes at least one whole sample available in the buffer; false at the end of the file. */
    private boolean fill() {
        if (filled - position >= bytesPerSample) {
            return true;
        }
        int carry = filled - position;
        System.arraycopy(buffer, position, buffer, 0, carry);
        position = 0;
        filled = carry;
        try {
            while (filled < bytesPerSample) {
                int read = in.read(buffer, filled, buffer.length - filled);
                if (read < 0) {
                    return false; // a last partial sample is dropped, as a short file's tail always was
                }
                filled += read;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
        return true;
    }

    @Override
    public void close() {
        closeQuietly(in);
    }

    private static void closeQuietly(@Nullable InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException e) {
                // closing after reading: nothing is lost
            }
        }
    }

    private static void check(String name, String field, int actual, int expected) {
        if (actual != expected) {
            throw new IllegalArgumentException(name + ": " + field + " is " + actual + ", expected " + expected);
        }
    }

    private static String ascii(byte[] bytes, int offset, int length) {
        return new String(bytes, offset, length, StandardCharsets.US_ASCII);
    }
}
