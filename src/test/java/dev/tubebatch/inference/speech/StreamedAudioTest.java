package dev.tubebatch.inference.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.tubebatch.inference.SpeechToText;
import dev.tubebatch.inference.TimedText;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long recording is read from disk a window at a time: the chunker hands each piece on while the file is still
 * being read, never more than one window past the piece, and the pieces and their times are those of cutting the
 * whole recording at once.
 */
class StreamedAudioTest {

    private static final int RATE = PcmAudio.SAMPLE_RATE;

    @TempDir
    static Path folder;

    static ToneRecording recording;

    @BeforeAll
    static void write() throws IOException {
        recording = ToneRecording.write(folder.resolve("twelve-minutes.wav"), 12 * 60, 7);
    }

    @Test
    void each_piece_is_handed_on_before_the_reader_is_more_than_one_window_past_it() {
        SilenceChunker chunker = SilenceChunker.standard();
        CountingSource source = new CountingSource(PcmSource.wav(recording.wav()));
        List<long[]> handed = new ArrayList<>(); // piece start, piece end, samples read by then

        chunker.chunks(source, chunk -> handed.add(
                new long[] {chunk.startSample(), chunk.startSample() + chunk.samples().length, source.position}));

        assertThat(chunker.windowSamples()).as("the window: about one 30 s piece, not the recording")
                .isLessThan(32 * RATE);
        assertThat(handed).hasSizeGreaterThan(80);
        assertThat(handed.getLast()[1]).as("the last piece ends near the end of the recording")
                .isGreaterThan((long) ((recording.seconds() - 15) * RATE));
        for (long[] piece : handed) {
            assertThat(piece[2] - piece[0]).as("samples read past the start of the piece at %.1f s", piece[0] / 16e3)
                    .isLessThanOrEqualTo(chunker.windowSamples());
            assertThat(piece[1] - piece[0]).isLessThanOrEqualTo(30L * RATE);
        }
        assertThat(source.opened).as("one pass for the loudness, one for the pieces").isEqualTo(2);
    }

    @Test
    void the_pieces_read_from_disk_are_those_of_cutting_the_whole_recording_at_once() {
        float[] whole = PcmAudio.read(recording.wav()).samples();
        for (double[] settings : List.of(new double[] {30, 0.3, 0.1}, new double[] {10, 0.1, 0.25})) {
            List<AudioChunk> streamed = new ArrayList<>();
            new SilenceChunker(settings[0], settings[1], settings[2]).chunks(PcmSource.wav(recording.wav()),
                    streamed::add);

            List<AudioChunk> reference = WholeRecordingChunker.split(whole, settings[0], settings[1], settings[2]);

            assertThat(streamed).as("settings %s", java.util.Arrays.toString(settings)).hasSameSizeAs(reference);
            for (int i = 0; i < reference.size(); i++) {
                assertThat(streamed.get(i).startSample()).as("piece %d", i)
                        .isEqualTo(reference.get(i).startSample());
                assertThat(streamed.get(i).samples()).as("piece %d", i).isEqualTo(reference.get(i).samples());
            }
        }
    }

    @Test
    void a_segment_late_in_a_long_recording_keeps_its_time_in_the_whole_recording() {
        List<Integer> lengths = new ArrayList<>();
        MoonshineSpeechToText.PieceTranscriber stand = samples -> {
            lengths.add(samples.length);
            return "piece " + lengths.size();
        };

        SpeechToText.Result result = new MoonshineSpeechToText(() -> stand, SilenceChunker.standard())
                .transcribe(recording.wav());

        List<TimedText> segments = result.segments();
        assertThat(segments).hasSize(lengths.size());
        for (int i = 1; i < segments.size(); i++) {
            assertThat(segments.get(i).start()).isGreaterThanOrEqualTo(segments.get(i - 1).end());
        }
        List<double[]> starts = recording.afterLongPauses();
        assertThat(starts.getLast()[0]).isGreaterThan(recording.seconds() - 60);
        for (double[] burst : starts) {
            TimedText segment = segments.stream().filter(s -> s.end() > burst[0] && s.start() < burst[1])
                    .findFirst().orElseThrow(() -> new AssertionError("no segment for the burst at " + burst[0]));
            assertThat(segment.start()).as("the burst at %.3f s", burst[0]).isCloseTo(burst[0] - 0.1, offset(0.03));
        }
    }

    @Test
    void a_recording_longer_than_the_longest_allowed_is_cut_only_that_far() {
        float[] audio = new float[RATE * 10];
        for (double[] burst : List.of(new double[] {1, 2}, new double[] {4, 6}, new double[] {7, 9})) {
            for (int i = (int) (burst[0] * RATE); i < (int) (burst[1] * RATE); i++) {
                audio[i] = (float) (0.3 * Math.sin(2 * Math.PI * 220 * i / RATE));
            }
        }

        List<AudioChunk> chunks = new ArrayList<>();
        new SilenceChunker(30, 0.3, 0.1, 5).chunks(PcmSource.of(audio), chunks::add);

        assertThat(chunks).hasSize(2);
        assertThat(chunks.get(1).startSeconds()).isCloseTo(3.9, offset(0.03));
        assertThat(chunks.get(1).endSeconds()).isEqualTo(5.0);
    }

    @Test
    void a_wav_written_without_its_size_is_read_to_its_end() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(44 + 6).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(-1).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(RATE)
                .putInt(RATE * 2).putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes()).putInt(-1).putShort((short) 16384).putShort((short) -16384).putShort((short) 0);

        try (WavReader reader = WavReader.open(new ByteArrayInputStream(b.array()), "streamed.wav")) {
            float[] into = new float[8];
            assertThat(reader.read(into, 0, 2)).isEqualTo(2);
            assertThat(reader.read(into, 2, 6)).isEqualTo(1);
            assertThat(reader.read(into, 3, 5)).isEqualTo(-1);
            assertThat(into).startsWith(0.5f, -0.5f, 0f);
        }
    }

    /** A source that counts what its latest reader has read. */
    private static final class CountingSource implements PcmSource {
        private final PcmSource inner;
        long position;
        int opened;

        CountingSource(PcmSource inner) {
            this.inner = inner;
        }

        @Override
        public Reader open() {
            Reader reader = inner.open();
            opened++;
            position = 0;
            return new Reader() {
                @Override
                public int read(float[] into, int offset, int length) {
                    int read = reader.read(into, offset, length);
                    position += Math.max(0, read);
                    return read;
                }

                @Override
                public void close() {
                    reader.close();
                }
            };
        }
    }
}
