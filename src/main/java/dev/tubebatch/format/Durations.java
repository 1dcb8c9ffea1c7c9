package dev.tubebatch.format;

import java.time.Duration;
import java.util.Locale;

/**
 * The one way durations and times within a video are written for people: elapsed times and lengths as
 * {@code 1:15} or {@code 1:02:05}, and positions in a recording as {@code 01:15} or {@code 1:02:05} (the form
 * transcripts and key points use).
 */
public final class Durations {

    private Durations() {
    }

    /** 75 → "1:15", 3725 → "1:02:05"; negative counts as 0. */
    public static String elapsed(long seconds) {
        long s = Math.max(0, seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** Whole seconds of {@code duration}, written as {@link #elapsed(long)}. */
    public static String elapsed(Duration duration) {
        return elapsed(duration.toSeconds());
    }

    /** A position in a recording: 75.9 → "01:15", 3725 → "1:02:05"; negative counts as 0. */
    public static String timestamp(double seconds) {
        long s = (long) Math.floor(Math.max(0, seconds));
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }
}
