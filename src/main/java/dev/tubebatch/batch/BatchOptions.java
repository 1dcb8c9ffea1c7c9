package dev.tubebatch.batch;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A batch's own options, over the node's configuration ({@code tubebatch.inference.summary.*},
 * {@code tubebatch.pipeline.max-video-duration}).
 *
 * @param summaries false: no summaries for this batch (the SUMMARIZE step is skipped and says why)
 * @param summarySentences the summary's length in sentences (extractive summaries); null for the configured length
 * @param summaryPreset an LLM summary's style, one of {@link #PRESETS}; null for the plain summary
 * @param summaryInstruction the user's own instruction to the LLM; null for none
 * @param maxVideoMinutes the longest video this batch processes, in minutes; null for the node's limit. A batch can
 *     lower the node's limit, not raise it.
 */
public record BatchOptions(boolean summaries, @Nullable Integer summarySentences, @Nullable String summaryPreset,
        @Nullable String summaryInstruction, @Nullable Integer maxVideoMinutes) {

    public static final int MAX_SUMMARY_SENTENCES = 20;
    public static final int MAX_INSTRUCTION_CHARS = 2000;
    /** The LLM summary styles (the same names as the summarizers' presets). */
    public static final List<String> PRESETS = List.of("brief", "detailed", "study-notes", "action-items");
    /** The longest limit a batch may name: 100 hours. */
    public static final int MAX_VIDEO_MINUTES = 6_000;
    public static final BatchOptions DEFAULTS = new BatchOptions(true, null, null, null, null);

    public BatchOptions {
        if (summarySentences != null && (summarySentences < 1 || summarySentences > MAX_SUMMARY_SENTENCES)) {
            throw new IllegalArgumentException("summarySentences: must be between 1 and " + MAX_SUMMARY_SENTENCES);
        }
        summaryPreset = summaryPreset == null || summaryPreset.isBlank() ? null
                : summaryPreset.strip().toLowerCase(java.util.Locale.ROOT).replace(' ', '-').replace('_', '-');
        if (summaryPreset != null && !PRESETS.contains(summaryPreset)) {
            throw new IllegalArgumentException("summaryPreset: expected one of " + String.join(", ", PRESETS)
                    + ", got '" + summaryPreset + "'");
        }
        summaryInstruction = summaryInstruction == null || summaryInstruction.isBlank() ? null
                : summaryInstruction.strip();
        if (summaryInstruction != null && summaryInstruction.length() > MAX_INSTRUCTION_CHARS) {
            throw new IllegalArgumentException("summaryInstruction: at most " + MAX_INSTRUCTION_CHARS
                    + " characters, got " + summaryInstruction.length());
        }
        if (maxVideoMinutes != null && (maxVideoMinutes < 1 || maxVideoMinutes > MAX_VIDEO_MINUTES)) {
            throw new IllegalArgumentException("maxVideoMinutes: must be between 1 and " + MAX_VIDEO_MINUTES);
        }
    }

    /** Summary options only; the node's video length limit. */
    public BatchOptions(boolean summaries, @Nullable Integer summarySentences) {
        this(summaries, summarySentences, null, null, null);
    }
}
