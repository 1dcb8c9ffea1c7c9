package dev.tubebatch.batch;

import org.jspecify.annotations.Nullable;

/**
 * A batch's own options, over the node's configuration ({@code tubebatch.inference.summary.*},
 * {@code tubebatch.pipeline.max-video-duration}).
 *
 * @param summaries false: no summaries for this batch (the SUMMARIZE step is skipped and says why)
 * @param summarySentences the summary's length in sentences (extractive summaries); null for the configured length
 * @param maxVideoMinutes the longest video this batch processes, in minutes; null for the node's limit. A batch can
 *     lower the node's limit, not raise it.
 */
public record BatchOptions(boolean summaries, @Nullable Integer summarySentences, @Nullable Integer maxVideoMinutes) {

    public static final int MAX_SUMMARY_SENTENCES = 20;
    /** The longest limit a batch may name: 100 hours. */
    public static final int MAX_VIDEO_MINUTES = 6_000;
    public static final BatchOptions DEFAULTS = new BatchOptions(true, null, null);

    public BatchOptions {
        if (summarySentences != null && (summarySentences < 1 || summarySentences > MAX_SUMMARY_SENTENCES)) {
            throw new IllegalArgumentException("summarySentences: must be between 1 and " + MAX_SUMMARY_SENTENCES);
        }
        if (maxVideoMinutes != null && (maxVideoMinutes < 1 || maxVideoMinutes > MAX_VIDEO_MINUTES)) {
            throw new IllegalArgumentException("maxVideoMinutes: must be between 1 and " + MAX_VIDEO_MINUTES);
        }
    }

    /** Summary options, with the node's video length limit. */
    public BatchOptions(boolean summaries, @Nullable Integer summarySentences) {
        this(summaries, summarySentences, null);
    }
}
