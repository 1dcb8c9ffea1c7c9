package dev.tubebatch.inference.speech;

import dev.tubebatch.inference.ExecutionProviders;
import dev.tubebatch.inference.SpeechToText;
import dev.tubebatch.inference.TimedText;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Memory of speech to text on a long recording: builds a WAV of espeak-ng speech (the twelve test sentences over and
 * over, 0.6 to 2.5 s apart) of {@code benchmark.minutes} minutes (default 180) in target/benchmark/audio, then
 * transcribes it with the bundled Moonshine in a forked JVM with {@code -Xmx512m} ({@code benchmark.heap}) and prints
 * the peak heap, the peak live heap after a collection, and the real-time factor. {@code
 * benchmark.transcribe-minutes=N} has the model hear only the first N minutes of speech: the rest is still read and
 * cut, and its pieces get a stand-in text. Not a test: run it by hand, e.g.
 *
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.tubebatch.inference.speech.AudioMemoryBenchmark
 * </pre>
 * Needs espeak-ng and ffmpeg. Figures go to the console and to target/benchmark/audio-memory-benchmark.txt.
 */
public final class AudioMemoryBenchmark {

    private static final int RATE = PcmAudio.SAMPLE_RATE;
    private static final double[] PAUSES = {1.0, 0.6, 1.5, 2.5};
    private static final Path FOLDER = Path.of("target", "benchmark", "audio");

    private AudioMemoryBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("transcribe")) {
            // ONNX Runtime's native recursion while it builds a session overflows the launcher's 1 MB main-thread
            // stack (SIGSEGV): run on a thread with a 64 MB stack, as InferenceSlots does in the app.
            Throwable[] failure = {null};
            Thread work = new Thread(null, () -> {
                try {
                    transcribe(Path.of(args[1]));
                } catch (Exception e) {
                    failure[0] = e;
                }
            }, "transcribe", 64L << 20);
            work.start();
            work.join();
            if (failure[0] != null) {
                throw new IllegalStateException(failure[0]);
            }
            return;
        }
        int minutes = Integer.getInteger("benchmark.minutes", 180);
        Path wav = recording(minutes);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx" + System.getProperty("benchmark.heap", "512m"), "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path")));
        for (String name : List.of("benchmark.transcribe-minutes", "benchmark.threads", "benchmark.label")) {
            if (System.getProperty(name) != null) {
                command.add("-D" + name + "=" + System.getProperty(name));
            }
        }
        command.addAll(List.of(AudioMemoryBenchmark.class.getName(), "transcribe", wav.toString()));
        System.out.println("forking: " + String.join(" ", command.subList(0, 3)) + " ... transcribe " + wav);
        int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
        System.out.println("forked JVM exited with " + exit);
        System.exit(exit);
    }

    /** The WAV of {@code minutes} minutes of speech (made once, then reused) and, beside it, the text spoken. */
    static Path recording(int minutes) throws IOException, InterruptedException {
        Files.createDirectories(FOLDER);
        Path wav = FOLDER.resolve("speech-" + minutes + "min.wav");
        Path text = FOLDER.resolve("speech-" + minutes + "min.txt");
        if (Files.isRegularFile(wav) && Files.isRegularFile(text)) {
            return wav;
        }
        List<short[]> sentences = new ArrayList<>();
        for (int i = 0; i < MoonshineTranscriptionTest.SENTENCES.size(); i++) {
            Path spoken = Espeak.speak(MoonshineTranscriptionTest.SENTENCES.get(i), FOLDER.resolve("s" + i + ".wav"));
            Path resampled = FOLDER.resolve("s" + i + "-16k.wav");
            Process ffmpeg = new ProcessBuilder("ffmpeg", "-v", "error", "-y", "-i", spoken.toString(), "-ar", "16000",
                    "-ac", "1", "-c:a", "pcm_s16le", resampled.toString()).inheritIO().start();
            if (!ffmpeg.waitFor(60, TimeUnit.SECONDS) || ffmpeg.exitValue() != 0) {
                throw new IllegalStateException("ffmpeg failed on " + spoken);
            }
            float[] samples = PcmAudio.read(resampled).samples();
            short[] pcm = new short[samples.length];
            for (int s = 0; s < samples.length; s++) {
                pcm[s] = (short) Math.round(samples[s] * 32768f);
            }
            sentences.add(pcm);
        }
        long total = (long) minutes * 60 * RATE;
        List<String> said = new ArrayList<>();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(wav), 1 << 16)) {
            ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
            header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) (36 + total * 2))
                    .put("WAVE".getBytes(StandardCharsets.US_ASCII)).put("fmt ".getBytes(StandardCharsets.US_ASCII))
                    .putInt(16).putShort((short) 1).putShort((short) 1).putInt(RATE).putInt(RATE * 2)
                    .putShort((short) 2).putShort((short) 16).put("data".getBytes(StandardCharsets.US_ASCII))
                    .putInt((int) (total * 2));
            out.write(header.array());
            ByteBuffer block = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            long written = 0;
            for (int n = 0; written < total; n++) {
                short[] sentence = sentences.get(n % sentences.size());
                int pause = (int) (PAUSES[n % PAUSES.length] * RATE);
                if (written + sentence.length + pause > total) {
                    sentence = new short[0]; // no sentence cut off at the end: silence to the end instead
                    pause = (int) (total - written);
                } else {
                    said.add(MoonshineTranscriptionTest.SENTENCES.get(n % sentences.size()));
                }
                for (int s = 0; s < sentence.length + pause; s++) {
                    block.putShort(s < sentence.length ? sentence[s] : 0);
                    if (!block.hasRemaining()) {
                        out.write(block.array(), 0, block.position());
                        block.clear();
                    }
                }
                written += sentence.length + pause;
            }
            out.write(block.array(), 0, block.position());
        }
        Files.writeString(text, String.join("\n", said));
        return wav;
    }

    static void transcribe(Path wav) throws Exception {
        double recordingSeconds = (Files.size(wav) - 44) / 2.0 / RATE;
        double modelMinutes = Double.parseDouble(System.getProperty("benchmark.transcribe-minutes", "0"));
        int threads = Integer.getInteger("benchmark.threads", 2);
        HeapWatch heap = HeapWatch.start();
        Report report = new Report();
        report.line("=== Audio memory benchmark (%s): %.1f min of speech in %s, max heap %d MB, %d cores, load %.1f ===",
                System.getProperty("benchmark.label", "streaming"), recordingSeconds / 60, wav.getFileName(),
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        try (MoonshineModel moonshine = MoonshineModel.load(MoonshineModel.BUNDLED, ExecutionProviders.cpu(threads))) {
            heap.reset();
            Limited model = new Limited(moonshine, modelMinutes);
            long cpu = processCpuNanos();
            long started = System.nanoTime();
            SpeechToText.Result result;
            try {
                result = new MoonshineSpeechToText(() -> model, SilenceChunker.standard()).transcribe(wav);
            } catch (OutOfMemoryError e) {
                double seconds = (System.nanoTime() - started) / 1e9;
                report.line("OutOfMemoryError after %.1f s: %s; peak heap %d MB", seconds, e.getMessage(),
                        heap.peak() >> 20);
                report.save();
                System.exit(3);
                return;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpuSeconds = (processCpuNanos() - cpu) / 1e9;
            heap.stop();
            report.line("%d segments; %.1f s of speech heard by the model (%s), %d pieces handed to the stand-in",
                    result.segments().size(), model.heardSeconds, modelMinutes > 0 ? "limit " + modelMinutes + " min"
                            : "all of it", model.skipped);
            report.line("wall %.1f s, CPU %.1f s: %.1f x real time over the recording; model %.1f x real time on the"
                    + " speech it heard (wall)", seconds, cpuSeconds, recordingSeconds / seconds,
                    model.heardSeconds / (model.nanos / 1e9));
            report.line("peak heap used %d MB (sampled every 10 ms, garbage included); peak live heap after a "
                    + "collection %d MB; heap pools' peaks summed %d MB; peak resident memory %d MB",
                    heap.peak() >> 20, heap.peakAfterGc() >> 20, heap.poolPeaks() >> 20, peakRss() >> 20);
            List<TimedText> segments = result.segments();
            for (TimedText t : List.of(segments.getFirst(), segments.getLast())) {
                report.line("  %8.2f-%8.2f s  %s", t.start(), t.end(), t.text());
            }
            Path text = wav.resolveSibling(wav.getFileName().toString().replace(".wav", ".txt"));
            if (modelMinutes <= 0 && Files.isRegularFile(text)) {
                String said = Files.readString(text).replace('\n', ' ');
                String heard = segments.stream().map(TimedText::text).collect(Collectors.joining(" "));
                report.line("word error rate over the whole recording: %.1f%%", WordErrorRate.of(said, heard) * 100);
            }
        }
        report.save();
    }

    /** The model for the first N minutes of speech, then a stand-in; counts what the model heard and its time. */
    private static final class Limited implements MoonshineSpeechToText.PieceTranscriber {
        private final MoonshineModel model;
        private final double limitSeconds;
        double heardSeconds;
        long nanos;
        int skipped;

        Limited(MoonshineModel model, double limitMinutes) {
            this.model = model;
            this.limitSeconds = limitMinutes > 0 ? limitMinutes * 60 : Double.MAX_VALUE;
        }

        @Override
        public String transcribe(float[] samples) {
            if (heardSeconds >= limitSeconds) {
                skipped++;
                return "(not transcribed)";
            }
            long started = System.nanoTime();
            String text = model.transcribe(samples);
            nanos += System.nanoTime() - started;
            heardSeconds += samples.length / (double) RATE;
            return text;
        }
    }

    private static final class Report {
        private final StringBuilder text = new StringBuilder();

        void line(String format, Object... values) {
            String line = String.format(Locale.ROOT, format, values);
            System.out.println(line);
            text.append(line).append('\n');
        }

        void save() throws IOException {
            Path file = FOLDER.resolveSibling("audio-memory-benchmark.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long peakRss() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
            }
        }
        return -1;
    }
}
