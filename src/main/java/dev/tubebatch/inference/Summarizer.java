package dev.tubebatch.inference;

import java.util.List;

/** Summarizes a transcript's text. */
public interface Summarizer {

    /** A summary and its key points; {@code method} names how it was made, e.g. {@code extractive-minilm}. */
    record Result(String method, String text, List<String> keyPoints) {}

    Result summarize(String title, String text);

    /** Summarizes timed text; summarizers that can, give key points with their times ({@code [mm:ss] ...}). */
    default Result summarize(String title, List<TimedText> segments) {
        return summarize(title, String.join(" ", segments.stream().map(TimedText::text).toList()));
    }

    /**
     * Summarizes timed text in about {@code sentences} sentences, where the method has a length in sentences
     * (extractive); other methods keep their own length.
     */
    default Result summarize(String title, List<TimedText> segments, int sentences) {
        return summarize(title, segments);
    }
}
