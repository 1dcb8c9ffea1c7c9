package dev.tubebatch.intake;

import dev.tubebatch.youtube.LiveStatus;
import dev.tubebatch.youtube.VideoMetadata;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A video on its way into a preview, with what is known of it so far.
 *
 * @param isShort null while unknown
 * @param fromListing whether a playlist or channel listing described it (its live status is then taken as known)
 * @param resolved whether its own metadata was looked up (everything a filter needs is then known)
 * @param channel null while unknown
 */
record Candidate(String videoId, @Nullable String title, @Nullable Integer durationSeconds,
        @Nullable LocalDate uploadDate, boolean live, @Nullable Boolean isShort, PreviewResult.Source source,
        boolean fromListing, boolean resolved, @Nullable String channel) {

    /** Longer than this is not a Short (YouTube's limit since October 2024). */
    static final int SHORT_MAX_SECONDS = 180;

    static Candidate pasted(String videoId, boolean shortsUrl, PreviewResult.Source source) {
        return new Candidate(videoId, null, null, null, false, shortsUrl ? Boolean.TRUE : null, source, false, false,
                null);
    }

    Candidate withMetadata(VideoMetadata metadata) {
        LiveStatus status = metadata.liveStatus();
        return new Candidate(videoId, metadata.title() != null ? metadata.title() : title,
                metadata.durationSeconds() != null ? metadata.durationSeconds() : durationSeconds,
                metadata.uploadDate() != null ? metadata.uploadDate() : uploadDate,
                status == LiveStatus.IS_LIVE || status == LiveStatus.POST_LIVE,
                metadata.isShort() || Boolean.TRUE.equals(isShort), source, fromListing, true,
                metadata.channel() != null ? metadata.channel() : channel);
    }

    String url() {
        return "https://www.youtube.com/watch?v=" + videoId;
    }

    /** Whether checking these filters needs facts this candidate lacks. */
    boolean needsLookup(PreviewRequest.Filters filters) {
        if (resolved) {
            return false;
        }
        return (filters.needsDuration() && durationSeconds == null)
                || (filters.needsDate() && uploadDate == null)
                || (filters.needsTitle() && title == null)
                || (filters.skipShorts() && shortUnknown())
                || (filters.skipLive() && !fromListing);
    }

    private boolean shortUnknown() {
        if (isShort != null) {
            return false;
        }
        return durationSeconds == null || durationSeconds <= SHORT_MAX_SECONDS;
    }

    /** Short-ness as far as known without a look-up: a long video is not a Short. */
    Candidate settledShort() {
        if (isShort == null && durationSeconds != null && durationSeconds > SHORT_MAX_SECONDS) {
            return new Candidate(videoId, title, durationSeconds, uploadDate, live, Boolean.FALSE, source, fromListing,
                    resolved, channel);
        }
        return this;
    }

    PreviewResult.PreviewVideo toVideo() {
        return new PreviewResult.PreviewVideo(videoId, url(), title, durationSeconds, uploadDate, source, channel);
    }
}
