package dev.tubebatch.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits on what one batch may be given.
 *
 * @param maxInputBytes pasted text or an uploaded file larger than this is refused whole
 * @param maxLines more lines than this are refused whole
 * @param maxVideos the most videos one preview lists; further ones are listed as skipped with the limit named
 * @param maxRecent the largest "most recent N videos" a channel may be asked for
 * @param maxLookups the most single-video metadata look-ups one preview makes to check filters; videos beyond are
 *     kept unchecked, with a warning
 * @param lookupConcurrency how many look-ups run at once
 */
@ConfigurationProperties("tubebatch.intake")
public record IntakeLimits(Integer maxInputBytes, Integer maxLines, Integer maxVideos, Integer maxRecent,
        Integer maxLookups, Integer lookupConcurrency) {

    public IntakeLimits {
        maxInputBytes = maxInputBytes == null ? 1_048_576 : maxInputBytes;
        maxLines = maxLines == null ? 10_000 : maxLines;
        maxVideos = maxVideos == null ? 10_000 : maxVideos;
        maxRecent = maxRecent == null ? 5_000 : maxRecent;
        maxLookups = maxLookups == null ? 200 : maxLookups;
        lookupConcurrency = lookupConcurrency == null ? 4 : Math.max(1, lookupConcurrency);
    }

    // Null is how Spring's binder says "not configured", and the constructor turns each into its default; a record
    // cannot declare a parameter nullable while its accessor never returns null.
    @SuppressWarnings("NullAway")
    public static IntakeLimits defaults() {
        return new IntakeLimits(null, null, null, null, null, null);
    }
}
