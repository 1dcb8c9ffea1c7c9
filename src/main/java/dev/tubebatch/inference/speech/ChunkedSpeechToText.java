package dev.tubebatch.inference.speech;

import dev.tubebatch.inference.SpeechToText;
import java.nio.file.Path;
import java.util.function.DoubleConsumer;

/**
 * Speech to text that reads a recording piece by piece as the {@link SilenceChunker} cuts it, keeping only the
 * timed text: every way in (a WAV file, samples in memory, a stream) ends in {@link #transcribe(PcmSource,
 * DoubleConsumer)}, which engines implement.
 */
abstract class ChunkedSpeechToText implements SpeechToText {

    @Override
    public final Result transcribe(Path wav) {
        return transcribe(PcmSource.wav(wav));
    }

    @Override
    public final Result transcribe(Path wav, DoubleConsumer progress) {
        double seconds = WavReader.seconds(wav);
        Result result = transcribe(PcmSource.wav(wav), heard -> progress.accept(seconds <= 0 ? 1 : heard / seconds));
        progress.accept(1); // the silence after the last piece is done too
        return result;
    }

    public final Result transcribe(PcmAudio audio) {
        return transcribe(PcmSource.of(audio.samples()));
    }

    public final Result transcribe(PcmSource audio) {
        return transcribe(audio, heard -> {});
    }

    /** @param heardUpTo told, after each piece, the second of the recording that the pieces so far reach */
    abstract Result transcribe(PcmSource audio, DoubleConsumer heardUpTo);
}
