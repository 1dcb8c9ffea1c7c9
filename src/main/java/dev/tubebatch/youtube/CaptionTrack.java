package dev.tubebatch.youtube;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which captions to download: a language key exactly as yt-dlp lists it, and whether it is YouTube's automatic track.
 */
record CaptionTrack(String language, boolean automatic) {

    /**
     * What may follow {@code --sub-langs}: {@link YtDlpProperties#LANGUAGE}, and not starting with '-', which yt-dlp
     * reads as "exclude this language". yt-dlp reads the value as a regex; these characters match only themselves.
     */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,19}");

    CaptionTrack {
        if (!isSafe(language)) {
            throw new IllegalArgumentException("not a language code: " + language);
        }
    }

    /**
     * The uploader's captions in the first preferred language that has them, else YouTube's automatic ones the same
     * way. A preference matches a listed language exactly or as its prefix ({@code en} matches {@code en-US}), exact
     * matches first.
     */
    static Optional<CaptionTrack> choose(VideoMetadata metadata, List<String> preferences) {
        return find(metadata.subtitles(), preferences).map(language -> new CaptionTrack(language, false))
                .or(() -> find(metadata.automaticCaptions(), preferences).map(language -> new CaptionTrack(language, true)));
    }

    static boolean isSafe(String language) {
        return language != null && SAFE.matcher(language).matches();
    }

    private static Optional<String> find(Map<String, List<String>> available, List<String> preferences) {
        for (String wanted : preferences) {
            String prefixed = null;
            for (String language : available.keySet()) {
                // Keys come from yt-dlp's JSON, i.e. from YouTube: never pass one on unchecked. live_chat is a replay
                // of a stream's chat that yt-dlp lists among the subtitles.
                if (!isSafe(language) || language.equals("live_chat")) {
                    continue;
                }
                if (language.equalsIgnoreCase(wanted)) {
                    return Optional.of(language);
                }
                if (prefixed == null && language.length() > wanted.length()
                        && language.regionMatches(true, 0, wanted, 0, wanted.length())
                        && language.charAt(wanted.length()) == '-') {
                    prefixed = language;
                }
            }
            if (prefixed != null) {
                return Optional.of(prefixed);
            }
        }
        return Optional.empty();
    }
}
