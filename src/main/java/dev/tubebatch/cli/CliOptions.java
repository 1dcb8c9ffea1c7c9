package dev.tubebatch.cli;

import dev.tubebatch.batch.OnErrorPolicy;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A parsed command line. Exactly one mode: a new batch (the default), {@code --dry-run}, {@code --resume},
 * {@code --retry-failed} or {@code --status}.
 *
 * @param urls positional inputs: video, playlist or channel URLs or bare ids
 * @param urlFiles {@code --urls-file}, in order
 * @param playlists {@code --playlist}
 * @param channels {@code --channel}, each limited to the {@code --recent} newest videos
 * @param summaries false with {@code --no-summary}
 * @param summarySentences {@code --summary-sentences}, or null for the configured length
 * @param summaryMethod {@code --summary}: this run's summary method (extractive, abstractive, llm, none); null for
 *     the configured one
 * @param summaryPreset {@code --summary-preset}: an LLM summary's style; null for the plain summary
 * @param summaryInstruction {@code --summary-instruction}: the user's words for the LLM; null for none
 * @param maxVideoMinutes {@code --max-video-minutes}, or null for the node's limit
 * @param captionLanguages {@code --langs}: caption languages in order ({@code orig}: the video's own); empty for the
 *     node's
 * @param translatedCaptions {@code --translated-captions}: machine-translated captions as a last resort
 * @param resume {@code --resume}: a batch id or a state file ({@code batch.json})
 */
public record CliOptions(
        Mode mode,
        List<String> urls,
        List<Path> urlFiles,
        List<String> playlists,
        List<String> channels,
        Integer recent,
        Filters filters,
        @Nullable Integer maxWorkers,
        int retryLimit,
        OnErrorPolicy onError,
        @Nullable String batchName,
        boolean outputManifest,
        boolean summaries,
        @Nullable Integer summarySentences,
        @Nullable String summaryMethod,
        @Nullable String summaryPreset,
        @Nullable String summaryInstruction,
        @Nullable Integer maxVideoMinutes,
        List<String> captionLanguages,
        boolean translatedCaptions,
        @Nullable Path output,
        @Nullable String resume,
        @Nullable UUID batchId) {

    /** The summary methods {@code --summary} takes (as {@code tubebatch.inference.summary.method}). */
    public static final List<String> SUMMARY_METHODS = List.of("extractive", "abstractive", "llm", "none");

    public enum Mode { RUN, DRY_RUN, RESUME, RETRY_FAILED, STATUS, HELP }

    /** The filters applied before a batch is created; null means "not set". */
    public record Filters(@Nullable Integer minDurationSeconds, @Nullable Integer maxDurationSeconds,
            @Nullable LocalDate after, @Nullable LocalDate before, @Nullable String titleContains,
            @Nullable String titleExcludes, boolean noShorts, boolean noLive) {

        public static final Filters NONE = new Filters(null, null, null, null, null, null, false, false);
    }

    /** Whether any input (URL, file, playlist, channel) was given. */
    public boolean hasInputs() {
        return !urls.isEmpty() || !urlFiles.isEmpty() || !playlists.isEmpty() || !channels.isEmpty();
    }
}
