package dev.tubebatch.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Limits on what one batch may be given, and on how many previews this node runs at once.
 *
 * @param maxInputBytes pasted text or an uploaded file larger than this is refused whole
 * @param maxLines more lines than this are refused whole
 * @param maxVideos the most videos one preview lists; further ones are listed as skipped with the limit named
 * @param maxRecent the largest "most recent N videos" a channel may be asked for
 * @param maxLookups the most single-video metadata look-ups one preview makes to check filters; videos beyond are
 *     kept unchecked, with a warning
 * @param lookupConcurrency how many look-ups run at once
 * @param previewConcurrency how many previews run at once on this node, web app and API together (each may run
 *     several yt-dlp processes); one more is refused until a place is free (see {@link PreviewRunner})
 */
@ConfigurationProperties("tubebatch.intake")
public record IntakeLimits(Integer maxInputBytes, Integer maxLines, Integer maxVideos, Integer maxRecent,
        Integer maxLookups, Integer lookupConcurrency, Integer previewConcurrency) {

    @ConstructorBinding
    public IntakeLimits {
        maxInputBytes = maxInputBytes == null ? 1_048_576 : maxInputBytes;
        maxLines = maxLines == null ? 10_000 : maxLines;
        maxVideos = maxVideos == null ? 10_000 : maxVideos;
        maxRecent = maxRecent == null ? 5_000 : maxRecent;
        maxLookups = maxLookups == null ? 200 : maxLookups;
        lookupConcurrency = lookupConcurrency == null ? 4 : Math.max(1, lookupConcurrency);
        previewConcurrency = previewConcurrency == null ? 4 : Math.max(1, previewConcurrency);
    }

    /** Limits on one input, with previews at once at their default. */
    @SuppressWarnings("NullAway") // null is "not configured" here too; the canonical constructor sets the default
    public IntakeLimits(Integer maxInputBytes, Integer maxLines, Integer maxVideos, Integer maxRecent,
            Integer maxLookups, Integer lookupConcurrency) {
        this(maxInputBytes, maxLines, maxVideos, maxRecent, maxLookups, lookupConcurrency, null);
    }

    // Null is how Spring's binder says "not configured", and the constructor turns each into its default; a record
    // cannot declare a parameter nullable while its accessor never returns null.
    @SuppressWarnings("NullAway")
    public static IntakeLimits defaults() {
        return new IntakeLimits(null, null, null, null, null, null, null);
    }
}
