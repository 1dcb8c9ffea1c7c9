package dev.tubebatch.batch;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A video's summary and key points, and how it was made.
 *
 * @param method what made it ({@code llm:<model>}, {@code extractive-minilm}, ...)
 * @param chapters one summary per chapter or part, in order; empty when the method makes none
 * @param note a remark for people, e.g. why a fallback method made this summary; null when there is none
 * @param usage what the LLM calls took; null when no LLM was called
 */
public record Summary(UUID itemId, String method, String text, List<String> keyPoints, List<ChapterSummary> chapters,
        @Nullable String note, @Nullable Usage usage) {

    /**
     * @param calls chat-completion requests that got an answer
     * @param tokensIn prompt tokens, as the server counted them
     * @param tokensOut completion tokens
     * @param millis time spent in LLM calls, retries and waits included
     * @param cost in the configured price's currency; null without a price
     */
    public record Usage(int calls, long tokensIn, long tokensOut, long millis, java.math.@Nullable BigDecimal cost) {}

    public Summary {
        keyPoints = List.copyOf(keyPoints);
        chapters = List.copyOf(chapters);
    }

    public Summary(UUID itemId, String method, String text, List<String> keyPoints) {
        this(itemId, method, text, keyPoints, List.of(), null, null);
    }
}
