package dev.tubebatch.batch;

import java.util.Locale;

/** Where a transcript came from. The names are stored (transcript.source, video_item.transcript_source). */
public enum TranscriptSource {
    /** Captions written by the uploader. */
    CAPTIONS("manual"),
    /** YouTube's automatic captions. */
    AUTO_CAPTIONS("automatic"),
    /** Speech to text with the bundled Moonshine model. */
    MOONSHINE("speech-to-text"),
    /** Speech to text with a configured Whisper model. */
    WHISPER("speech-to-text"),
    /** YouTube's machine translation of its automatic captions into another language (a batch's opt-in fallback). */
    TRANSLATED_CAPTIONS("translated");

    private final String kind;

    TranscriptSource(String kind) {
        this.kind = kind;
    }

    /** What kind of text this is: {@code manual}, {@code automatic}, {@code translated} or {@code speech-to-text}. */
    public String kind() {
        return kind;
    }

    /** In words for people: the kind, and the engine for speech to text ("speech-to-text (whisper)"). */
    public String label() {
        return kind.equals("speech-to-text") ? kind + " (" + name().toLowerCase(Locale.ROOT) + ")" : kind;
    }
}
