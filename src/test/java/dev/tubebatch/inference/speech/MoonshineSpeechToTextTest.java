package dev.tubebatch.inference.speech;

import dev.tubebatch.inference.SpeechToText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.tubebatch.inference.TimedText;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How pieces become segments, with a stand-in for the model, including pieces the model hears nothing in. */
class MoonshineSpeechToTextTest {

    private static final int RATE = PcmAudio.SAMPLE_RATE;

    @Test
    void a_piece_heard_as_nothing_is_tried_again_in_a_shifted_window_then_left_out() {
        float[] audio = new float[RATE * 12];
        tone(audio, 1, 3);   // heard at once
        tone(audio, 5, 7);   // heard only inside added silence
        tone(audio, 9, 11);  // never heard
        List<Integer> lengths = new ArrayList<>();
        MoonshineSpeechToText.PieceTranscriber stand = samples -> {
            lengths.add(samples.length);
            int leading = 0;
            while (leading < samples.length && samples[leading] == 0) {
                leading++;
            }
            if (lengths.size() == 1) {
                return "first";
            }
            if (lengths.size() == 2) {
                return ""; // the second piece: nothing the first time
            }
            if (lengths.size() == 3) {
                return leading >= RATE / 2 ? "second" : "not shifted";
            }
            return "";
        };

        SpeechToText.Result result = new MoonshineSpeechToText(() -> stand, SilenceChunker.standard())
                .transcribe(new PcmAudio(audio));

        assertThat(result.language()).isEqualTo("en");
        assertThat(result.segments()).extracting(TimedText::text).containsExactly("first", "second");
        assertThat(result.segments().get(0).start()).isCloseTo(0.9, offset(0.03));
        assertThat(result.segments().get(1).start()).isCloseTo(4.9, offset(0.03));
        assertThat(lengths).hasSize(5); // 1 + 2 + 2 tries
        assertThat(lengths.get(2) - lengths.get(1)).isEqualTo(RATE); // half a second of silence on each side
    }

    @Test
    void a_wav_files_progress_is_the_part_of_the_recording_its_pieces_have_reached(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path folder) throws java.io.IOException {
        ToneRecording recording = ToneRecording.write(folder.resolve("audio.wav"), 60, 7);
        List<Double> progress = new ArrayList<>();

        SpeechToText.Result result = new MoonshineSpeechToText(() -> samples -> "words", SilenceChunker.standard())
                .transcribe(recording.wav(), progress::add);

        assertThat(progress).hasSize(result.segments().size() + 1).isSorted();
        assertThat(progress.getFirst()).isGreaterThan(0).isLessThan(0.5);
        assertThat(progress.get(progress.size() - 2)).isCloseTo(result.segments().getLast().end() / 60, offset(0.01));
        assertThat(progress.getLast()).isEqualTo(1.0);
    }

    @Test
    void pieces_are_scaled_to_a_common_peak_before_the_model_hears_them() {
        float[] quiet = {0.01f, -0.02f, 0.005f};
        float[] scaled = MoonshineSpeechToText.normalized(quiet);
        assertThat(scaled[1]).isEqualTo(-MoonshineSpeechToText.PEAK);
        assertThat(scaled[0]).isCloseTo(MoonshineSpeechToText.PEAK / 2, offset(1e-6f));
        float[] silence = new float[4];
        assertThat(MoonshineSpeechToText.normalized(silence)).isSameAs(silence);
    }

    private static void tone(float[] audio, double from, double to) {
        for (int i = (int) (from * RATE); i < (int) (to * RATE); i++) {
            audio[i] = (float) (0.3 * Math.sin(2 * Math.PI * 220 * i / RATE));
        }
    }
}
