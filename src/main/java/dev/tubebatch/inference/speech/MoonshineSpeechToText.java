package dev.tubebatch.inference.speech;

import dev.tubebatch.inference.SpeechToText;
import dev.tubebatch.inference.TimedText;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * English speech to text with the bundled Moonshine tiny: the WAV is read from disk a window at a time, cut at its
 * silences into pieces of at most 30 s, and each piece becomes one timed segment as soon as it is cut. Moonshine sometimes decodes a piece of clear speech to
 * nothing; such a piece is tried once more inside half a second of silence (a shifted window), and if it still
 * gives nothing it is logged and left out rather than written as an empty segment.
 */
public final class MoonshineSpeechToText extends ChunkedSpeechToText {

    private static final Logger log = LoggerFactory.getLogger(MoonshineSpeechToText.class);
    private static final int SHIFT = PcmAudio.SAMPLE_RATE / 2;
    static final float PEAK = 0.9f;

    /** What turns one piece of 16 kHz audio into text: {@link MoonshineModel}, or a stand-in in tests. */
    public interface PieceTranscriber {
        String transcribe(float[] samples);
    }

    private final Supplier<? extends PieceTranscriber> model;
    private final SilenceChunker chunker;

    public MoonshineSpeechToText(Supplier<? extends PieceTranscriber> model, SilenceChunker chunker) {
        this.model = model;
        this.chunker = chunker;
    }

    /** Scales a piece so its peak is at {@code PEAK}: quiet recordings otherwise lose words. */
    static float[] normalized(float[] samples) {
        float peak = 0;
        for (float s : samples) {
            peak = Math.max(peak, Math.abs(s));
        }
        if (peak < 1e-4f) {
            return samples;
        }
        float gain = PEAK / peak;
        float[] out = new float[samples.length];
        for (int i = 0; i < samples.length; i++) {
            out[i] = samples[i] * gain;
        }
        return out;
    }

    @Override
    public String engine() {
        return "moonshine";
    }

    /** Transcribes piece by piece as the chunker reads them. */
    @Override
    Result transcribe(PcmSource audio, DoubleConsumer heardUpTo) {
        PieceTranscriber moonshine = model.get();
        List<TimedText> segments = new ArrayList<>();
        int[] pieces = {0, 0}; // all, empty
        chunker.chunks(audio, chunk -> {
            pieces[0]++;
            String text = transcribePiece(moonshine, chunk);
            heardUpTo.accept(chunk.endSeconds());
            if (text.isEmpty()) {
                pieces[1]++;
                log.info("Moonshine heard nothing in {}-{} s, even in a shifted window; left out",
                        String.format("%.1f", chunk.startSeconds()), String.format("%.1f", chunk.endSeconds()));
                return;
            }
            segments.add(new TimedText(chunk.startSeconds(), chunk.endSeconds(), text));
        });
        if (pieces[1] > 0) {
            log.info("Moonshine: {} of {} pieces of speech gave no text", pieces[1], pieces[0]);
        }
        return new Result("en", segments);
    }

    /** The piece's text; a piece that gives none is tried once more inside half a second of silence. */
    private static String transcribePiece(PieceTranscriber moonshine, AudioChunk chunk) {
        String text = moonshine.transcribe(normalized(chunk.samples())).strip();
        if (text.isEmpty()) {
            float[] shifted = new float[chunk.samples().length + 2 * SHIFT];
            System.arraycopy(normalized(chunk.samples()), 0, shifted, SHIFT, chunk.samples().length);
            text = moonshine.transcribe(shifted).strip();
        }
        return text;
    }
}
