package dev.tubebatch.youtube;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The format of a RIFF WAVE file, read from its chunks (ffmpeg may put a LIST chunk before the data). */
record WavHeader(int format, int channels, int sampleRate, int bitsPerSample, long dataBytes) {

    static WavHeader read(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (!tag(bytes, 0).equals("RIFF") || !tag(bytes, 8).equals("WAVE")) {
            throw new IOException(file + " is not a WAVE file");
        }
        int format = -1;
        int channels = -1;
        int sampleRate = -1;
        int bits = -1;
        long data = -1;
        int at = 12;
        while (at + 8 <= bytes.limit()) {
            String id = tag(bytes, at);
            long size = Integer.toUnsignedLong(bytes.getInt(at + 4));
            if (id.equals("fmt ")) {
                format = Short.toUnsignedInt(bytes.getShort(at + 8));
                channels = Short.toUnsignedInt(bytes.getShort(at + 10));
                sampleRate = bytes.getInt(at + 12);
                bits = Short.toUnsignedInt(bytes.getShort(at + 22));
            } else if (id.equals("data")) {
                data = Math.min(size, bytes.limit() - at - 8L);
                break;
            }
            at += 8 + (int) size + (int) (size & 1);
        }
        return new WavHeader(format, channels, sampleRate, bits, data);
    }

    /** A 16-bit PCM WAV of a sine tone. */
    static byte[] tone(int sampleRate, int channels, double hertz, double seconds) {
        int frames = (int) (sampleRate * seconds);
        int dataBytes = frames * channels * 2;
        ByteBuffer wav = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + dataBytes).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        wav.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) channels)
                .putInt(sampleRate).putInt(sampleRate * channels * 2).putShort((short) (channels * 2)).putShort((short) 16);
        wav.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataBytes);
        for (int frame = 0; frame < frames; frame++) {
            short sample = (short) (Math.sin(2 * Math.PI * hertz * frame / sampleRate) * 0.5 * Short.MAX_VALUE);
            for (int channel = 0; channel < channels; channel++) {
                wav.putShort(sample);
            }
        }
        return wav.array();
    }

    private static String tag(ByteBuffer bytes, int at) {
        byte[] tag = new byte[4];
        bytes.get(at, tag);
        return new String(tag, StandardCharsets.US_ASCII);
    }
}
