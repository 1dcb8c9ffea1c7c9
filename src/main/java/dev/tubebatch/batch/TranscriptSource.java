package dev.tubebatch.batch;

/** Where a transcript came from. */
public enum TranscriptSource {
    /** Captions written by the uploader. */
    CAPTIONS,
    /** YouTube's automatic captions. */
    AUTO_CAPTIONS,
    /** Speech to text with the bundled Moonshine model. */
    MOONSHINE,
    /** Speech to text with a configured Whisper model. */
    WHISPER
}
