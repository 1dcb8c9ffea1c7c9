package dev.tubebatch.youtube;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What yt-dlp knows about a video before anything is downloaded.
 *
 * @param durationSeconds null when unknown (live streams, some non-YouTube sites)
 * @param uploadDate null when unknown
 * @param availability yt-dlp's value: {@code public}, {@code unlisted}, {@code needs_auth}... or null
 * @param subtitles captions written by the uploader: language -> formats available ({@code json3}, {@code vtt}...)
 * @param automaticCaptions YouTube's automatic captions, same shape; includes machine translations
 * @param language the spoken language when YouTube says, else null
 * @param isShort whether this is a YouTube Short
 * @param chapters the uploader's chapters in order (yt-dlp's {@code chapters}); empty when the video has none
 * @param translatedCaptions the keys of {@code automaticCaptions} that yt-dlp marks as machine translations
 *     ({@code tlang=} in their URLs); empty when it marks none
 */
public record VideoMetadata(@Nullable String id, @Nullable String title, @Nullable String channel,
        @Nullable String channelId, @Nullable Integer durationSeconds, @Nullable LocalDate uploadDate,
        @Nullable String webpageUrl, LiveStatus liveStatus, @Nullable String availability,
        Map<String, List<String>> subtitles, Map<String, List<String>> automaticCaptions, @Nullable String language,
        boolean isShort, List<VideoChapter> chapters, Set<String> translatedCaptions) {

    /** A chapter of the video: where it starts and ends, in seconds, and its title. */
    public record VideoChapter(double start, double end, String title) {}

    public VideoMetadata {
        liveStatus = liveStatus == null ? LiveStatus.UNKNOWN : liveStatus;
        subtitles = copy(subtitles);
        automaticCaptions = copy(automaticCaptions);
        chapters = chapters == null ? List.of() : List.copyOf(chapters);
        translatedCaptions = translatedCaptions == null ? Set.of() : Set.copyOf(translatedCaptions);
    }

    /** Metadata with chapters and no marked translations. */
    public VideoMetadata(@Nullable String id, @Nullable String title, @Nullable String channel,
            @Nullable String channelId, @Nullable Integer durationSeconds, @Nullable LocalDate uploadDate,
            @Nullable String webpageUrl, LiveStatus liveStatus, @Nullable String availability,
            Map<String, List<String>> subtitles, Map<String, List<String>> automaticCaptions, @Nullable String language,
            boolean isShort, List<VideoChapter> chapters) {
        this(id, title, channel, channelId, durationSeconds, uploadDate, webpageUrl, liveStatus, availability,
                subtitles, automaticCaptions, language, isShort, chapters, Set.of());
    }

    /** Metadata of a video without chapters. */
    public VideoMetadata(@Nullable String id, @Nullable String title, @Nullable String channel,
            @Nullable String channelId, @Nullable Integer durationSeconds, @Nullable LocalDate uploadDate,
            @Nullable String webpageUrl, LiveStatus liveStatus, @Nullable String availability,
            Map<String, List<String>> subtitles, Map<String, List<String>> automaticCaptions, @Nullable String language,
            boolean isShort) {
        this(id, title, channel, channelId, durationSeconds, uploadDate, webpageUrl, liveStatus, availability,
                subtitles, automaticCaptions, language, isShort, List.of());
    }

    // Keeps yt-dlp's order: the first listed language wins when several match a preference.
    private static Map<String, List<String>> copy(Map<String, List<String>> languages) {
        if (languages == null) {
            return Map.of();
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        languages.forEach((language, formats) -> copy.put(language, formats == null ? List.of() : List.copyOf(formats)));
        return Collections.unmodifiableMap(copy);
    }
}
