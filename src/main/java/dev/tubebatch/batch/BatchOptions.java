package dev.tubebatch.batch;

import org.jspecify.annotations.Nullable;

/**
 * A batch's own summary options, over the node's configuration ({@code tubebatch.inference.summary.*}).
 *
 * @param summaries false: no summaries for this batch (the SUMMARIZE step is skipped and says why)
 * @param summarySentences the summary's length in sentences (extractive summaries); null for the configured length
 */
public record BatchOptions(boolean summaries, @Nullable Integer summarySentences) {

    public static final int MAX_SUMMARY_SENTENCES = 20;
    public static final BatchOptions DEFAULTS = new BatchOptions(true, null);

    public BatchOptions {
        if (summarySentences != null && (summarySentences < 1 || summarySentences > MAX_SUMMARY_SENTENCES)) {
            throw new IllegalArgumentException("summarySentences: must be between 1 and " + MAX_SUMMARY_SENTENCES);
        }
    }
}
