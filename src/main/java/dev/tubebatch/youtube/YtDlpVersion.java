package dev.tubebatch.youtube;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * yt-dlp's version is its release date ({@code 2025.11.12}, nightlies {@code 2025.11.12.232957}). YouTube changes
 * often and an old yt-dlp stops working, so its age matters: older than {@link #STALE} is a warning that says how to
 * update.
 */
public record YtDlpVersion(String text, LocalDate released) {

    /** Older than this, yt-dlp is likely to fail on YouTube. */
    public static final Duration STALE = Duration.ofDays(60);

    private static final Pattern DATE = Pattern.compile("^(\\d{4})\\.(\\d{2})\\.(\\d{2})(?:\\.\\d+)?\\b.*");

    /** The version of {@code yt-dlp --version}'s line; empty when it is not a date (a source build, say). */
    public static Optional<YtDlpVersion> parse(String line) {
        String text = line == null ? "" : line.strip();
        var matcher = DATE.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new YtDlpVersion(text, LocalDate.of(Integer.parseInt(matcher.group(1)),
                    Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3)))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Whole days from its release to {@code today}. */
    public long ageDays(LocalDate today) {
        return Math.max(0, released.until(today, java.time.temporal.ChronoUnit.DAYS));
    }

    /** The warning for a version older than {@link #STALE}, with how to update; empty when it is recent enough. */
    public Optional<String> warning(LocalDate today) {
        long days = ageDays(today);
        if (days <= STALE.toDays()) {
            return Optional.empty();
        }
        return Optional.of("yt-dlp " + text + " is " + days + " days old; YouTube changes often and an old yt-dlp"
                + " fails. Update it: point tubebatch.ytdlp.path (TUBEBATCH_YTDLP_PATH) at a newer yt-dlp, or rebuild"
                + " the image with --build-arg YTDLP_VERSION=<a newer release>.");
    }
}
