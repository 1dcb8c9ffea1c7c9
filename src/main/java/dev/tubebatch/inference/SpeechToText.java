package dev.tubebatch.inference;

import java.nio.file.Path;
import java.util.List;

/** Turns speech in a 16 kHz mono WAV file into timed text. */
public interface SpeechToText {

    /** The result: the language heard (or assumed) and the timed pieces. */
    record Result(String language, List<TimedText> segments) {}

    /** A short name for transcripts and manifests, e.g. {@code moonshine}. */
    String engine();

    Result transcribe(Path wav);

    /**
     * Like {@link #transcribe(Path)}, telling {@code progress} the fraction of the recording done (0 to 1) after each
     * piece it transcribes; an engine that cannot tell reports only the end.
     */
    default Result transcribe(Path wav, java.util.function.DoubleConsumer progress) {
        Result result = transcribe(wav);
        progress.accept(1);
        return result;
    }
}
