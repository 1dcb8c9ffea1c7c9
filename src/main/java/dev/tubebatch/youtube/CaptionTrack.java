package dev.tubebatch.youtube;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Which captions to download: a language key exactly as yt-dlp lists it, whether it is YouTube's automatic track,
 * and whether that automatic track is YouTube's machine translation into another language.
 */
record CaptionTrack(String language, boolean automatic, boolean translated) {

    /** The entry of a preference list that stands for the video's own language ({@code language} in yt-dlp's JSON). */
    static final String ORIGINAL = "orig";

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

    CaptionTrack(String language, boolean automatic) {
        this(language, automatic, false);
    }

    /** Without machine translations: see {@link #choose(VideoMetadata, List, boolean)}. */
    static Optional<CaptionTrack> choose(VideoMetadata metadata, List<String> preferences) {
        return choose(metadata, preferences, false);
    }

    /**
     * The uploader's captions in the first preferred language that has them, else YouTube's automatic ones the same
     * way, else (only with {@code translations}) YouTube's machine translations the same way. A preference matches a
     * listed language exactly or as its prefix ({@code en} matches {@code en-US}), exact matches first; {@code orig}
     * stands for the video's own language where it appears in the list, and is passed over when yt-dlp reports none.
     */
    static Optional<CaptionTrack> choose(VideoMetadata metadata, List<String> preferences, boolean translations) {
        List<String> wanted = wanted(preferences, metadata.language());
        Set<String> machine = translatedKeys(metadata);
        Map<String, List<String>> automatic = new LinkedHashMap<>();
        Map<String, List<String>> translated = new LinkedHashMap<>();
        metadata.automaticCaptions().forEach((key, formats) -> (machine.contains(key) ? translated : automatic)
                .put(key, formats));
        Optional<CaptionTrack> chosen = find(metadata.subtitles(), wanted).map(key -> new CaptionTrack(key, false))
                .or(() -> find(automatic, wanted).map(key -> new CaptionTrack(key, true)));
        return chosen.isPresent() || !translations ? chosen
                : find(translated, wanted).map(key -> new CaptionTrack(key, true, true));
    }

    /** The preferences with {@code orig} replaced by the video's language (and its primary subtag after it). */
    private static List<String> wanted(List<String> preferences, @Nullable String original) {
        List<String> wanted = new ArrayList<>();
        for (String preference : preferences) {
            if (!preference.equalsIgnoreCase(ORIGINAL)) {
                wanted.add(preference);
            } else if (original != null && isSafe(original)) {
                wanted.add(original);
                wanted.add(primary(original));
            }
        }
        return wanted.stream().distinct().toList();
    }

    /**
     * The automatic tracks that are translations: those yt-dlp marks ({@code tlang=}), and, when the video's language
     * is known and has an automatic track of its own, every automatic track in another language.
     */
    private static Set<String> translatedKeys(VideoMetadata metadata) {
        Set<String> translated = new HashSet<>(metadata.translatedCaptions());
        String original = metadata.language();
        if (original != null && !original.isBlank()) {
            String spoken = primary(original);
            Set<String> keys = metadata.automaticCaptions().keySet();
            if (keys.stream().anyMatch(key -> primary(key).equals(spoken))) {
                keys.stream().filter(key -> !primary(key).equals(spoken)).forEach(translated::add);
            }
        }
        return translated;
    }

    /** {@code pt-BR} → {@code pt}, {@code en-orig} → {@code en}, in lower case. */
    private static String primary(String language) {
        int dash = language.indexOf('-');
        return (dash < 0 ? language : language.substring(0, dash)).toLowerCase(Locale.ROOT);
    }

    /** The language the text is in: the key without yt-dlp's {@code -orig} label of an original automatic track. */
    String spokenLanguage() {
        return language.endsWith("-orig") ? language.substring(0, language.length() - 5) : language;
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
