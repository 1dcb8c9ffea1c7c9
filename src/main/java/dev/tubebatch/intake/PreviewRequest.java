package dev.tubebatch.intake;

import dev.tubebatch.format.Durations;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What a user hands over for one batch: pasted text and/or an uploaded URL file, how many of a channel's most recent
 * videos to take, and the filters. Pasted lines come first, then the file's; de-duplication keeps the first.
 *
 * @param text pasted text, or null/blank for none
 * @param file the uploaded file's bytes, or null for none
 * @param fileName the uploaded file's name as the browser gave it: used only to label its lines, never as a path
 * @param recent channels give their most recent this many videos (1 to {@link IntakeLimits#maxRecent()})
 */
public record PreviewRequest(String text, byte @Nullable [] file, String fileName, int recent, Filters filters) {

    public static final int DEFAULT_RECENT = 50;

    public PreviewRequest {
        text = text == null ? "" : text;
        fileName = fileName == null || fileName.isBlank() ? "uploaded file" : label(fileName);
        if (recent < 1) {
            throw new IllegalArgumentException("recent: a channel needs at least 1 video");
        }
        filters = filters == null ? Filters.defaults() : filters;
    }

    /** Pasted text only, with the default filters. */
    public static PreviewRequest ofText(String text) {
        return new PreviewRequest(text, null, "", DEFAULT_RECENT, Filters.defaults()); // no file, no name
    }

    public boolean hasInput() {
        return !text.isBlank() || (file != null && file.length > 0);
    }

    /**
     * Whether two requests ask for the same thing: same text, file bytes, file name, recent count and filters. Start
     * compares the current inputs with the previewed ones this way.
     */
    public static boolean sameInput(PreviewRequest a, PreviewRequest b) {
        return a.text.equals(b.text) && java.util.Arrays.equals(a.file, b.file) && a.fileName.equals(b.fileName)
                && a.recent == b.recent && a.filters.equals(b.filters);
    }

    /** A file name for display only: its last path part, printable characters, at most 80 of them. */
    public static String displayName(@Nullable String fileName) {
        return fileName == null || fileName.isBlank() ? "uploaded file" : label(fileName);
    }

    private static String label(String fileName) {
        String name = fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        StringBuilder safe = new StringBuilder();
        name.codePoints().filter(c -> !Character.isISOControl(c)).limit(80).forEach(safe::appendCodePoint);
        return safe.isEmpty() ? "uploaded file" : safe.toString();
    }

    /**
     * Which videos to leave out. Dates are inclusive, like yt-dlp's {@code --dateafter}/{@code --datebefore}; title
     * matches ignore case. A filter that needs a fact the listing lacks (a pasted video's duration, a flat listing's
     * upload date) makes the preview look the video up; a video whose fact stays unknown is skipped with that reason.
     *
     * @param minDuration shorter videos are skipped; null for no minimum
     * @param maxDuration longer videos are skipped; null for no maximum
     * @param uploadedAfter videos uploaded before this day are skipped; null for no bound
     * @param uploadedBefore videos uploaded after this day are skipped; null for no bound
     * @param titleContains only titles containing this are kept; null/blank for any
     * @param titleExcludes titles containing this are skipped; null/blank for none
     * @param skipShorts YouTube Shorts are skipped
     * @param skipLive live streams (now live, or a stream's recording still being processed) are skipped; upcoming
     *     streams are always skipped, they have nothing to transcribe yet
     * @param skipProcessed videos with a stored transcript from an earlier batch are skipped (the default)
     */
    public record Filters(@Nullable Duration minDuration, @Nullable Duration maxDuration,
            @Nullable LocalDate uploadedAfter, @Nullable LocalDate uploadedBefore, @Nullable String titleContains,
            @Nullable String titleExcludes, boolean skipShorts, boolean skipLive, boolean skipProcessed) {

        public Filters {
            titleContains = blankToNull(titleContains);
            titleExcludes = blankToNull(titleExcludes);
            if (minDuration != null && minDuration.isNegative()) {
                throw new IllegalArgumentException("minimum duration: must not be negative");
            }
            if (maxDuration != null && maxDuration.isNegative()) {
                throw new IllegalArgumentException("maximum duration: must not be negative");
            }
            if (minDuration != null && maxDuration != null && minDuration.compareTo(maxDuration) > 0) {
                throw new IllegalArgumentException("duration: the minimum is longer than the maximum");
            }
            if (uploadedAfter != null && uploadedBefore != null && uploadedAfter.isAfter(uploadedBefore)) {
                throw new IllegalArgumentException("upload date: 'after' is later than 'before'");
            }
        }

        public static Filters defaults() {
            return new Filters(null, null, null, null, null, null, false, false, true);
        }

        boolean needsDuration() {
            return minDuration != null || maxDuration != null;
        }

        boolean needsDate() {
            return uploadedAfter != null || uploadedBefore != null;
        }

        boolean needsTitle() {
            return titleContains != null || titleExcludes != null;
        }

        /** Why this video is left out, or null to keep it. */
        @Nullable String reject(Candidate video) {
            if (video.live() && skipLive) {
                return "live stream (skip live is on)";
            }
            if (skipShorts && Boolean.TRUE.equals(video.isShort())) {
                return "YouTube Short (skip Shorts is on)";
            }
            if (needsDuration()) {
                if (video.durationSeconds() == null) {
                    return "duration unknown, so it cannot be checked against the duration filter";
                }
                long seconds = video.durationSeconds();
                if (minDuration != null && seconds < minDuration.toSeconds()) {
                    return "shorter than " + Durations.elapsed(minDuration.toSeconds()) + " ("
                            + Durations.elapsed(seconds) + ")";
                }
                if (maxDuration != null && seconds > maxDuration.toSeconds()) {
                    return "longer than " + Durations.elapsed(maxDuration.toSeconds()) + " ("
                            + Durations.elapsed(seconds) + ")";
                }
            }
            if (needsDate()) {
                LocalDate date = video.uploadDate();
                if (date == null) {
                    return "upload date unknown, so it cannot be checked against the date filter";
                }
                if (uploadedAfter != null && date.isBefore(uploadedAfter)) {
                    return "uploaded " + date + ", before " + uploadedAfter;
                }
                if (uploadedBefore != null && date.isAfter(uploadedBefore)) {
                    return "uploaded " + date + ", after " + uploadedBefore;
                }
            }
            if (needsTitle()) {
                String title = video.title() == null ? "" : video.title().toLowerCase(Locale.ROOT);
                if (titleContains != null && !title.contains(titleContains.toLowerCase(Locale.ROOT))) {
                    return "title does not contain '" + titleContains + "'";
                }
                if (titleExcludes != null && title.contains(titleExcludes.toLowerCase(Locale.ROOT))) {
                    return "title contains '" + titleExcludes + "'";
                }
            }
            return null;
        }

        private static @Nullable String blankToNull(@Nullable String text) {
            return text == null || text.isBlank() ? null : text.strip();
        }
    }
}
