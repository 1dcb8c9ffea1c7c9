package dev.tubebatch.inference.speech;

import dev.tubebatch.inference.SpeechToText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tubebatch.inference.ExecutionProviders;
import dev.tubebatch.inference.TimedText;
import dev.tubebatch.youtube.YtDlpClient;
import dev.tubebatch.youtube.YtDlpProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled Moonshine model on real speech through the real audio path: espeak-ng speaks known sentences, the WAV
 * is served from 127.0.0.1, the installed yt-dlp and ffmpeg turn it into 16 kHz mono, the chunker cuts it at its
 * pauses, and Moonshine writes the transcript. Needs espeak-ng and yt-dlp (skipped without them) and the model the
 * build fetches with npm.
 */
public class MoonshineTranscriptionTest {

    public static final List<String> SENTENCES = List.of(
            "The quick brown fox jumps over the lazy dog.",
            "She sells sea shells by the sea shore.",
            "Please call me back when you get home tonight.",
            "The weather today is sunny with a light breeze.",
            "We will meet at the train station at nine o'clock.",
            "Reading books is a wonderful way to learn new things.",
            "The children played football in the park all afternoon.",
            "My favorite color is blue because it reminds me of the ocean.",
            "He opened the window to let some fresh air into the room.",
            "The restaurant on the corner serves excellent coffee.",
            "Turn left at the next street and walk for two minutes.",
            "Scientists discovered a new species of bird in the forest.");

    static MoonshineModel model;

    @TempDir
    Path work;

    private final YtDlpClient ytDlp = new YtDlpClient(
            new YtDlpProperties("yt-dlp", Duration.ofMinutes(2), Duration.ofMinutes(1), null));

    @BeforeAll
    static void load() {
        assumeTrue(Espeak.installed(), "espeak-ng is not installed");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/yt-dlp")) || Files.isExecutable(Path.of("/usr/local/bin/yt-dlp")),
                "yt-dlp is not installed");
        assertThat(MoonshineModel.isPresent(MoonshineModel.BUNDLED))
                .as("the build fetches Moonshine with npm into target/classes/models/moonshine-tiny").isTrue();
        model = MoonshineModel.load(MoonshineModel.BUNDLED, ExecutionProviders.cpu(2));
    }

    @AfterAll
    static void close() {
        if (model != null) {
            model.close();
        }
    }

    @Test
    void twelve_spoken_sentences_come_back_with_an_average_word_error_rate_under_twenty_percent() throws IOException {
        SpokenRecording recording = SpokenRecording.make(SENTENCES, new double[] {1.0}, work.resolve("speech"));

        SpeechToText.Result result = transcribeThroughYtDlp(recording, "sentences");

        List<String> heard = perSentence(recording, result);
        double total = 0;
        StringBuilder report = new StringBuilder();
        for (int i = 0; i < SENTENCES.size(); i++) {
            double wer = WordErrorRate.of(SENTENCES.get(i), heard.get(i));
            total += wer;
            report.append(String.format("%5.1f%%  %s%n        %s%n", wer * 100, SENTENCES.get(i), heard.get(i)));
        }
        double average = total / SENTENCES.size();
        System.out.printf("Moonshine on %d espeak-ng sentences: average WER %.1f%%%n%s", SENTENCES.size(),
                average * 100, report);
        assertThat(average).as("average word error rate\n" + report).isLessThanOrEqualTo(0.20);
    }

    @Test
    void a_three_minute_recording_with_pauses_keeps_its_segments_in_order_within_a_second() throws IOException {
        List<String> sentences = new ArrayList<>();
        for (int round = 0; sentences.size() < 36; round++) {
            sentences.addAll(SENTENCES);
        }
        SpokenRecording recording = SpokenRecording.make(sentences.subList(0, 36), new double[] {1.5, 2.5, 1.0, 3.0},
                work.resolve("long"));
        assertThat(recording.seconds()).isGreaterThanOrEqualTo(180);

        SpeechToText.Result result = transcribeThroughYtDlp(recording, "long");

        List<TimedText> segments = result.segments();
        for (int i = 1; i < segments.size(); i++) {
            assertThat(segments.get(i).start()).as("segment %d starts after the one before", i)
                    .isGreaterThanOrEqualTo(segments.get(i - 1).end() - 1e-6);
        }
        for (int i = 0; i < recording.sentences().size(); i++) {
            double start = recording.starts().get(i);
            double end = recording.ends().get(i);
            TimedText first = segments.stream().filter(s -> s.end() > start && s.start() < end)
                    .findFirst().orElseThrow(() -> new AssertionError("no segment for sentence at " + start + " s"));
            assertThat(first.start()).as("sentence %d, spoken at %.2f s: %s", i, start, recording.sentences().get(i))
                    .isCloseTo(start, org.assertj.core.data.Offset.offset(1.0));
        }
    }

    private SpeechToText.Result transcribeThroughYtDlp(SpokenRecording recording, String name) throws IOException {
        Path audio;
        try (SpokenRecording.Served served = recording.serve(name)) {
            audio = ytDlp.downloadAudio(served.url(), work.resolve("download-" + name));
        }
        return new MoonshineSpeechToText(() -> model, SilenceChunker.standard()).transcribe(audio);
    }

    /** The text of the segments whose middle falls in each sentence's span (pauses included). */
    static List<String> perSentence(SpokenRecording recording, SpeechToText.Result result) {
        List<String> heard = new ArrayList<>();
        for (int i = 0; i < recording.sentences().size(); i++) {
            double from = i == 0 ? 0 : recording.ends().get(i - 1);
            double to = recording.ends().get(i);
            heard.add(result.segments().stream().filter(s -> {
                double middle = (s.start() + s.end()) / 2;
                return middle >= from && middle < to;
            }).map(TimedText::text).collect(Collectors.joining(" ")));
        }
        return heard;
    }
}
