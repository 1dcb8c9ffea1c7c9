package dev.tubebatch.intake;

import dev.tubebatch.batch.NewBatch;
import dev.tubebatch.format.Durations;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A dry run: the videos a batch would get, in order, and every line or listed entry left out with its reason.
 *
 * @param videos the batch's videos in order, de-duplicated (the first occurrence wins)
 * @param skipped every line not used (bad URL, duplicate, failed expansion) and every listed or looked-up video left
 *     out (private, deleted, upcoming, filtered, already processed), in input order
 * @param warnings videos kept although something could not be checked (a look-up failed or was over the limit)
 * @param totalSeconds the sum of the known durations of {@code videos}
 * @param unknownDurations how many of {@code videos} have no known duration (not in {@code totalSeconds})
 */
public record PreviewResult(List<PreviewVideo> videos, List<Skipped> skipped, List<Skipped> warnings,
        long totalSeconds, int unknownDurations) {

    public PreviewResult {
        videos = List.copyOf(videos);
        skipped = List.copyOf(skipped);
        warnings = List.copyOf(warnings);
    }

    public int count() {
        return videos.size();
    }

    /** What {@link dev.tubebatch.batch.BatchService#create} takes: exactly these videos, in this order. */
    public List<NewBatch.NewVideo> newVideos() {
        return videos.stream().map(v -> new NewBatch.NewVideo(v.url(), v.videoId())).toList();
    }

    /** "12 videos, 3:04:05 in all" (plus how many durations are unknown). */
    public String totals() {
        String count = videos.size() == 1 ? "1 video" : videos.size() + " videos";
        String known = Durations.elapsed(totalSeconds) + " in all";
        return count + ", " + known + (unknownDurations == 0 ? "" : " (" + unknownDurations + " of unknown length)");
    }

    /** Where a video or a skipped line came from: an input ("pasted text" or the file's name), its line, and for a
     * playlist or channel the entry's 1-based place in the listing. */
    public record Source(String input, int line, @Nullable Integer entry) {
        @Override
        public String toString() {
            return input + " line " + line + (entry == null ? "" : ", entry " + entry);
        }
    }

    /**
     * One video of the batch to be. {@code title}, {@code durationSeconds}, {@code uploadDate}, {@code channel} null
     * when unknown. {@code videoId} is a validated 11-character YouTube id.
     */
    public record PreviewVideo(String videoId, String url, @Nullable String title, @Nullable Integer durationSeconds,
            @Nullable LocalDate uploadDate, Source source, @Nullable String channel) {

        /** A video whose channel is not known. */
        public PreviewVideo(String videoId, String url, @Nullable String title, @Nullable Integer durationSeconds,
                @Nullable LocalDate uploadDate, Source source) {
            this(videoId, url, title, durationSeconds, uploadDate, source, null);
        }
    }

    /**
     * Something left out and why.
     *
     * @param text the line's text or the video's id and title, shortened for display
     * @param earlier for a video already processed: where its stored transcript is; else null
     */
    public record Skipped(Source source, String text, String reason, @Nullable EarlierTranscript earlier) {
        public Skipped(Source source, String text, String reason) {
            this(source, text, reason, null);
        }

        @Override
        public String toString() {
            return source + ": " + reason + (text == null || text.isEmpty() ? "" : " (" + text + ")");
        }

        /**
         * The reason without what varies from line to line, so that lines left out for the same cause group:
         * "duplicate", "already processed in an earlier batch", "uploaded after 2024-06-30", "could not list it",
         * "not a YouTube URL" (for "not a YouTube URL (host vimeo.com)").
         */
        public String kind() {
            if (reason.startsWith("duplicate of ")) {
                return "duplicate";
            }
            if (reason.startsWith("already processed in batch ")) {
                return "already processed in an earlier batch";
            }
            Matcher uploaded = UPLOADED.matcher(reason);
            if (uploaded.matches()) {
                return "uploaded " + uploaded.group(1) + " " + uploaded.group(2);
            }
            Matcher notTaken = NOT_TAKEN.matcher(reason);
            if (notTaken.matches()) {
                return "entries not taken: " + notTaken.group(1);
            }
            int detail = reason.indexOf(": ");
            int aside = reason.indexOf(" (");
            int cut = detail < 0 ? aside : aside < 0 ? detail : Math.min(detail, aside);
            return cut < 0 ? reason : reason.substring(0, cut);
        }

        private static final Pattern UPLOADED = Pattern.compile("uploaded \\S+, (before|after) (.+)");
        private static final Pattern NOT_TAKEN = Pattern.compile("\\d+ entr(?:y|ies) not taken: (.+)");
    }

    /** The skipped lines grouped by {@link Skipped#kind()}, groups in order of their first line. */
    public Map<String, List<Skipped>> skippedByKind() {
        return byKind(skipped);
    }

    /** The warnings grouped by {@link Skipped#kind()}, groups in order of their first line. */
    public Map<String, List<Skipped>> warningsByKind() {
        return byKind(warnings);
    }

    private static Map<String, List<Skipped>> byKind(List<Skipped> lines) {
        Map<String, List<Skipped>> groups = new LinkedHashMap<>();
        for (Skipped line : lines) {
            groups.computeIfAbsent(line.kind(), kind -> new ArrayList<>()).add(line);
        }
        return groups;
    }

    /** A transcript an earlier batch stored for a video, which a new batch could reuse instead of transcribing. */
    public record EarlierTranscript(UUID itemId, UUID batchId, String batchName, Instant storedAt) {}
}
