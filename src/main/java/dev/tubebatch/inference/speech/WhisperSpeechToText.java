package dev.tubebatch.inference.speech;

import dev.tubebatch.inference.TimedText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Multilingual speech to text with a configured Whisper model: the audio is read from disk and cut at its silences
 * into windows of at most 30 s, each window is transcribed with timestamps as soon as it is cut, and its pieces are
 * shifted to the window's start. The transcript's language is the one most windows were heard in (or the configured
 * one).
 */
public final class WhisperSpeechToText extends ChunkedSpeechToText {

    private final Supplier<WhisperModel> model;
    private final SilenceChunker chunker;
    private final @Nullable String language;

    /** @param language a language code to force, or null to detect it in each window */
    public WhisperSpeechToText(Supplier<WhisperModel> model, SilenceChunker chunker, @Nullable String language) {
        this.model = model;
        this.chunker = chunker;
        this.language = language == null || language.isBlank() || language.equals("auto") ? null : language;
    }

    @Override
    public String engine() {
        return "whisper";
    }

    /** Transcribes window by window as the chunker reads them. */
    @Override
    Result transcribe(PcmSource audio, DoubleConsumer heardUpTo) {
        WhisperModel whisper = model.get();
        List<TimedText> segments = new ArrayList<>();
        Map<String, Integer> heard = new HashMap<>();
        chunker.chunks(audio, chunk -> {
            WhisperModel.Window window = whisper.transcribe(chunk.samples(), language);
            heard.merge(window.language(), 1, Integer::sum);
            for (WhisperModel.Piece piece : window.pieces()) {
                segments.add(new TimedText(chunk.startSeconds() + piece.start(),
                        Math.min(chunk.endSeconds(), chunk.startSeconds() + piece.end()), piece.text()));
            }
            heardUpTo.accept(chunk.endSeconds());
        });
        String spoken = heard.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(language == null ? "und" : language);
        return new Result(spoken, segments);
    }
}
