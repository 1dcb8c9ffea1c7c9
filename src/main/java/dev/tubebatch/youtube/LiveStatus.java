package dev.tubebatch.youtube;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** yt-dlp's {@code live_status}. */
public enum LiveStatus {
    NOT_LIVE,
    IS_LIVE,
    IS_UPCOMING,
    WAS_LIVE,
    POST_LIVE,
    /** Missing from the JSON (flat playlist entries, non-YouTube sites) or a value this build does not know. */
    UNKNOWN;

    /** Reads yt-dlp's lower-case value ({@code "is_upcoming"}); null or anything unknown gives {@link #UNKNOWN}. */
    public static LiveStatus parse(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return UNKNOWN;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return UNKNOWN;
        }
    }
}
