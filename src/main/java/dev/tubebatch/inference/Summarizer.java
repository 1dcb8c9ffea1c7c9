package dev.tubebatch.inference;

import java.util.List;

/** Summarizes a transcript's text. */
public interface Summarizer {

    /** A summary and its key points; {@code method} names how it was made, e.g. {@code extractive-minilm}. */
    record Result(String method, String text, List<String> keyPoints) {}

    Result summarize(String title, String text);
}
