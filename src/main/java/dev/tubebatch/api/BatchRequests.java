package dev.tubebatch.api;

import dev.tubebatch.batch.BatchOptions;
import dev.tubebatch.batch.NewBatch;
import dev.tubebatch.batch.OnErrorPolicy;
import dev.tubebatch.intake.PreviewRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Request bodies of the batch endpoints. Unknown fields are refused (see {@link ApiProblems}). */
final class BatchRequests {

    private BatchRequests() {}

    /**
     * The videos, as a list of URLs (or ids) and/or a block of text in the URL-file format (one per line,
     * {@code #} comments). Lines of {@code text} come first, then {@code urls}.
     */
    record Inputs(@Nullable List<@Nullable String> urls, @Nullable String text, @Nullable Integer recent,
            @Nullable FilterJson filters, int textLines) {

        /** Counts the text's lines once: every rejected line's source is told from it. */
        Inputs(@Nullable List<@Nullable String> urls, @Nullable String text, @Nullable Integer recent,
                @Nullable FilterJson filters) {
            this(urls, text, recent, filters, text == null || text.isEmpty() ? 0 : (int) text.lines().count());
        }

        /** The inputs as one URL list, line by line; the message names the element that cannot be a line. */
        String asText() {
            List<String> lines = new java.util.ArrayList<>();
            if (text != null && !text.isEmpty()) {
                lines.addAll(text.lines().toList());
            }
            if (urls != null) {
                for (int i = 0; i < urls.size(); i++) {
                    String url = urls.get(i);
                    if (url == null) {
                        throw new IllegalArgumentException("urls[" + i + "]: must be a string, not null");
                    }
                    if (url.indexOf('\n') >= 0 || url.indexOf('\r') >= 0) {
                        throw new IllegalArgumentException("urls[" + i + "]: must not contain a line break");
                    }
                    lines.add(url);
                }
            }
            if (lines.isEmpty()) {
                throw new IllegalArgumentException("urls: give at least one URL in 'urls' or 'text'");
            }
            return String.join("\n", lines);
        }

        /** The dry run's request: the inputs as text, the channel limit and the filters. */
        PreviewRequest toPreviewRequest() {
            return new PreviewRequest(asText(), null, "", recent == null ? PreviewRequest.DEFAULT_RECENT : recent,
                    filters == null ? PreviewRequest.Filters.defaults() : filters.toFilters());
        }

        /** Tells which field a line of {@link #asText()} came from, for rejections. */
        String source(int line) {
            return line <= textLines ? "text line " + line : "urls[" + (line - textLines - 1) + "]";
        }
    }

    /**
     * Filters applied before a batch is created; every field is optional. Durations in seconds, dates as
     * {@code YYYY-MM-DD} (inclusive); {@code skipProcessed} (skip videos with a transcript from an earlier batch)
     * is on unless set to false.
     */
    record FilterJson(@Nullable Integer minDurationSeconds, @Nullable Integer maxDurationSeconds,
            @Nullable LocalDate uploadedAfter, @Nullable LocalDate uploadedBefore, @Nullable String titleContains,
            @Nullable String titleExcludes, @Nullable Boolean skipShorts, @Nullable Boolean skipLive,
            @Nullable Boolean skipProcessed) {

        PreviewRequest.Filters toFilters() {
            if (minDurationSeconds != null && minDurationSeconds < 0) {
                throw new IllegalArgumentException("filters.minDurationSeconds: must not be negative");
            }
            if (maxDurationSeconds != null && maxDurationSeconds < 0) {
                throw new IllegalArgumentException("filters.maxDurationSeconds: must not be negative");
            }
            try {
                return new PreviewRequest.Filters(seconds(minDurationSeconds), seconds(maxDurationSeconds),
                        uploadedAfter, uploadedBefore, titleContains, titleExcludes, Boolean.TRUE.equals(skipShorts),
                        Boolean.TRUE.equals(skipLive), !Boolean.FALSE.equals(skipProcessed));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("filters: " + e.getMessage(), e);
            }
        }

        private static @Nullable Duration seconds(@Nullable Integer value) {
            return value == null ? null : Duration.ofSeconds(value);
        }
    }

    /** {@code POST /api/batches/preview}. */
    record Preview(@Nullable List<@Nullable String> urls, @Nullable String text, @Nullable Integer recent,
            @Nullable FilterJson filters) {
        Inputs inputs() {
            return new Inputs(urls, text, recent, filters);
        }
    }

    /** {@code POST /api/batches}: the inputs and the batch's options, all optional but the inputs. */
    record Create(@Nullable String name, @Nullable List<@Nullable String> urls, @Nullable String text,
            @Nullable Integer recent, @Nullable FilterJson filters, @Nullable Integer maxWorkers,
            @Nullable Integer retryLimit, @Nullable String onError, @Nullable Boolean summaries,
            @Nullable Integer summarySentences, @Nullable String summaryPreset, @Nullable String summaryInstruction,
            @Nullable Integer maxVideoMinutes, @Nullable List<@Nullable String> captionLanguages,
            @Nullable Boolean translatedCaptions) {

        Inputs inputs() {
            return new Inputs(urls, text, recent, filters);
        }

        /**
         * The batch's options, checked before anything is looked up: a bad value names its field
         * ({@code captionLanguages[2]} for a null entry, {@code captionLanguages} for a code that is none).
         */
        BatchOptions options() {
            if (captionLanguages != null) {
                for (int i = 0; i < captionLanguages.size(); i++) {
                    if (captionLanguages.get(i) == null) {
                        throw new IllegalArgumentException("captionLanguages[" + i + "]: must be a string, not null");
                    }
                }
            }
            List<String> languages = captionLanguages == null ? List.of()
                    : captionLanguages.stream().map(String::valueOf).toList();
            return new BatchOptions(!Boolean.FALSE.equals(summaries), summarySentences, summaryPreset,
                    summaryInstruction, maxVideoMinutes, languages, Boolean.TRUE.equals(translatedCaptions));
        }

        NewBatch toNewBatch(List<NewBatch.NewVideo> videos) {
            OnErrorPolicy policy;
            try {
                policy = onError == null ? OnErrorPolicy.CONTINUE : OnErrorPolicy.parse(onError);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("onError: must be one of continue, stop, retry; got '" + onError
                        + "'");
            }
            String named = name == null ? "" : name; // NewBatch names a batch that has no name
            return new NewBatch(named, videos, maxWorkers, retryLimit == null ? NewBatch.DEFAULT_RETRY_LIMIT : retryLimit,
                    policy, options());
        }
    }
}
