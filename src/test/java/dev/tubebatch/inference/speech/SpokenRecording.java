package dev.tubebatch.inference.speech;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * A recording of known sentences spoken by espeak-ng with pauses between them, and when each sentence starts; it can
 * be served over HTTP on 127.0.0.1 so the real yt-dlp and ffmpeg fetch and convert it.
 */
public record SpokenRecording(Path wav, List<String> sentences, List<Double> starts, List<Double> ends,
        double seconds) {

    /** Speaks each sentence, then joins them at espeak's own rate, {@code pauses[i % pauses.length]} seconds apart. */
    public static SpokenRecording make(List<String> sentences, double[] pauses, Path folder) throws IOException {
        Files.createDirectories(folder);
        List<short[]> spoken = new ArrayList<>();
        float rate = 0;
        for (int i = 0; i < sentences.size(); i++) {
            Path one = Espeak.speak(sentences.get(i), folder.resolve("sentence-" + i + ".wav"));
            try (AudioInputStream in = AudioSystem.getAudioInputStream(one.toFile())) {
                AudioFormat format = in.getFormat();
                if (format.getChannels() != 1 || format.getSampleSizeInBits() != 16) {
                    throw new IllegalStateException("espeak-ng wrote " + format);
                }
                rate = format.getSampleRate();
                byte[] bytes = in.readAllBytes();
                short[] samples = new short[bytes.length / 2];
                ByteBuffer.wrap(bytes).order(format.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN)
                        .asShortBuffer().get(samples);
                spoken.add(samples);
            } catch (UnsupportedAudioFileException e) {
                throw new IOException(e);
            }
        }
        List<Double> starts = new ArrayList<>();
        List<Double> ends = new ArrayList<>();
        int lead = (int) (rate * 0.5);
        int total = lead;
        for (int i = 0; i < spoken.size(); i++) {
            total += spoken.get(i).length + (int) (rate * pauses[i % pauses.length]);
        }
        short[] all = new short[total];
        int at = lead;
        for (int i = 0; i < spoken.size(); i++) {
            short[] samples = spoken.get(i);
            int first = firstLoud(samples);
            starts.add((at + first) / (double) rate);
            System.arraycopy(samples, 0, all, at, samples.length);
            at += samples.length;
            ends.add(at / (double) rate);
            at += (int) (rate * pauses[i % pauses.length]);
        }
        ByteBuffer bytes = ByteBuffer.allocate(all.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asShortBuffer().put(all);
        AudioFormat format = new AudioFormat(rate, 16, 1, true, false);
        Path wav = folder.resolve("recording.wav");
        try (AudioInputStream out = new AudioInputStream(new ByteArrayInputStream(bytes.array()), format, all.length)) {
            AudioSystem.write(out, AudioFileFormat.Type.WAVE, wav.toFile());
        }
        return new SpokenRecording(wav, List.copyOf(sentences), starts, ends, all.length / (double) rate);
    }

    /** espeak starts each file with a little silence: the sentence starts at its first audible sample. */
    private static int firstLoud(short[] samples) {
        for (int i = 0; i < samples.length; i++) {
            if (Math.abs(samples[i]) > 300) {
                return i;
            }
        }
        return 0;
    }

    /** Serves the WAV at {@code http://127.0.0.1:PORT/NAME.wav} until closed. */
    Served serve(String name) throws IOException {
        byte[] body = Files.readAllBytes(wav);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/" + name + ".wav", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "audio/wav");
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(200, head ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (!head) {
                    out.write(body);
                }
            }
        });
        server.start();
        return new Served(server, "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name + ".wav");
    }

    record Served(HttpServer server, String url) implements AutoCloseable {
        @Override
        public void close() {
            server.stop(0);
        }
    }
}
