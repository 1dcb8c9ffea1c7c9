package dev.tubebatch.batch;

import java.util.List;
import java.util.UUID;

/**
 * What an LLM wrote across a finished batch: its common themes and a line per video (in position order).
 *
 * @param usage the digest's LLM calls, tokens and time (cost is not kept for digests)
 */
public record BatchDigest(UUID batchId, String method, List<String> themes, List<Line> lines, Summary.Usage usage) {

    /** One video's line; its link is {@code https://youtu.be/<videoId>}. */
    public record Line(int position, String videoId, String title, String line) {

        public String link() {
            return ChapterSummary.videoLink(videoId);
        }
    }

    public BatchDigest {
        themes = List.copyOf(themes);
        lines = List.copyOf(lines);
    }
}
