package dev.tubebatch.inference.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

class SilenceChunkerTest {

    private static final int RATE = PcmAudio.SAMPLE_RATE;

    @Test
    void speech_separated_by_pauses_becomes_one_piece_each_with_its_start_time() {
        float[] audio = new float[RATE * 10];
        tone(audio, 1.0, 2.0);
        tone(audio, 4.0, 6.5);
        tone(audio, 8.0, 9.0);

        List<AudioChunk> chunks = new SilenceChunker(30, 0.3, 0.1).split(audio);

        assertThat(chunks).hasSize(3);
        assertThat(chunks.get(0).startSeconds()).isCloseTo(0.9, offset(0.03));
        assertThat(chunks.get(1).startSeconds()).isCloseTo(3.9, offset(0.03));
        assertThat(chunks.get(1).endSeconds()).isCloseTo(6.6, offset(0.03));
        assertThat(chunks.get(2).startSeconds()).isCloseTo(7.9, offset(0.03));
    }

    @Test
    void speech_without_pauses_is_cut_into_pieces_no_longer_than_the_maximum() {
        float[] audio = new float[RATE * 70];
        tone(audio, 0, 70);

        List<AudioChunk> chunks = new SilenceChunker(30, 0.3, 0.1).split(audio);

        assertThat(chunks).allSatisfy(c -> assertThat(c.seconds()).isLessThanOrEqualTo(30.0));
        assertThat(chunks.stream().mapToDouble(AudioChunk::seconds).sum()).isCloseTo(70, offset(0.05));
        for (int i = 1; i < chunks.size(); i++) {
            assertThat(chunks.get(i).startSeconds()).isCloseTo(chunks.get(i - 1).endSeconds(), offset(1e-9));
        }
    }

    @Test
    void silence_gives_no_pieces() {
        assertThat(SilenceChunker.standard().split(new float[RATE * 5])).isEmpty();
        assertThat(SilenceChunker.standard().split(new float[10])).isEmpty();
    }

    @Test
    void a_wav_in_another_format_is_refused_naming_the_field() {
        byte[] wav = wav(44100, 2);
        assertThatThrownBy(() -> PcmAudio.read(new ByteArrayInputStream(wav), "x.wav"))
                .hasMessage("x.wav: channels is 2, expected 1");
        assertThatThrownBy(() -> PcmAudio.read(new ByteArrayInputStream(new byte[] {1, 2, 3}), "y.wav"))
                .hasMessageContaining("not a WAV file");
    }

    @Test
    void sixteen_bit_pcm_is_read_as_floats() throws IOException {
        PcmAudio audio = PcmAudio.read(new ByteArrayInputStream(wav(RATE, 1)), "z.wav");
        assertThat(audio.samples()).containsExactly(0f, 0.5f, -0.5f, -1f);
    }

    private static byte[] wav(int rate, int channels) {
        ByteBuffer b = ByteBuffer.allocate(44 + 8).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(44).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) channels).putInt(rate)
                .putInt(rate * 2 * channels).putShort((short) (2 * channels)).putShort((short) 16);
        b.put("data".getBytes()).putInt(8).putShort((short) 0).putShort((short) 16384).putShort((short) -16384)
                .putShort((short) -32768);
        return b.array();
    }

    private static void tone(float[] audio, double from, double to) {
        for (int i = (int) (from * RATE); i < Math.min(audio.length, (int) (to * RATE)); i++) {
            audio[i] = (float) (0.3 * Math.sin(2 * Math.PI * 220 * i / RATE));
        }
    }
}
