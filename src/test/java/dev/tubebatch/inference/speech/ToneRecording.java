package dev.tubebatch.inference.speech;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A long 16 kHz mono WAV written straight to disk: bursts of tone (stand-ins for speech, 0.5 to 8 s, one of 75 s)
 * over a faint noise floor, with pauses of 0.15 to 4 s, and when each burst starts and ends. Made from a seed, so
 * the same every time.
 */
record ToneRecording(Path wav, List<double[]> bursts, double seconds) {

    private static final int RATE = PcmAudio.SAMPLE_RATE;
    private static final double[] PAUSES = {0.15, 0.5, 1.0, 2.5, 4.0};

    static ToneRecording write(Path wav, double seconds, long seed) throws IOException {
        Random random = new Random(seed);
        List<double[]> bursts = new ArrayList<>();
        double at = 1.3;
        boolean longOne = false;
        while (at < seconds - 10) {
            double length = !longOne && at > seconds / 2 ? 75 : 0.5 + random.nextInt(16) * 0.5;
            longOne |= length == 75;
            bursts.add(new double[] {at + random.nextInt(RATE / 50) / (double) RATE, 0});
            bursts.getLast()[1] = bursts.getLast()[0] + length;
            at = bursts.getLast()[1] + PAUSES[random.nextInt(PAUSES.length)];
        }
        long total = (long) (seconds * RATE);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(wav), 1 << 16)) {
            ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
            header.put("RIFF".getBytes()).putInt((int) (36 + total * 2)).put("WAVE".getBytes());
            header.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(RATE)
                    .putInt(RATE * 2).putShort((short) 2).putShort((short) 16);
            header.put("data".getBytes()).putInt((int) (total * 2));
            out.write(header.array());
            ByteBuffer block = ByteBuffer.allocate(RATE * 2).order(ByteOrder.LITTLE_ENDIAN);
            int burst = 0;
            double amplitude = 0.3;
            for (long i = 0; i < total; i++) {
                double t = i / (double) RATE;
                while (burst < bursts.size() && t >= bursts.get(burst)[1]) {
                    burst++;
                    amplitude = 0.05 + 0.45 * random.nextDouble();
                }
                double sample = (random.nextDouble() - 0.5) * 0.004;
                if (burst < bursts.size() && t >= bursts.get(burst)[0]) {
                    sample += amplitude * Math.sin(2 * Math.PI * (180 + 40 * (burst % 5)) * t);
                }
                block.putShort((short) Math.round(sample * 32767));
                if (!block.hasRemaining()) {
                    out.write(block.array(), 0, block.position());
                    block.clear();
                }
            }
            out.write(block.array(), 0, block.position());
        }
        return new ToneRecording(wav, List.copyOf(bursts), seconds);
    }

    /** The bursts that follow a pause long enough to start a piece of their own. */
    List<double[]> afterLongPauses() {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < bursts.size(); i++) {
            if (i == 0 || bursts.get(i)[0] - bursts.get(i - 1)[1] >= 0.5) {
                out.add(bursts.get(i));
            }
        }
        return out;
    }
}
