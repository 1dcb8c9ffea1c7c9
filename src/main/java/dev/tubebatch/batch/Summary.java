package dev.tubebatch.batch;

import java.util.List;
import java.util.UUID;

/** A video's summary and key points, and how it was made. */
public record Summary(UUID itemId, String method, String text, List<String> keyPoints) {

    public Summary {
        keyPoints = List.copyOf(keyPoints);
    }
}
