package dev.tubebatch.youtube;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CaptionTrackTest {

    private static final List<String> FORMATS = List.of("json3", "vtt");

    @Test
    void manual_captions_win_over_automatic_ones() {
        VideoMetadata video = video(languages("en"), languages("en", "en-orig"));

        assertThat(CaptionTrack.choose(video, List.of("en"))).contains(new CaptionTrack("en", false));
    }

    @Test
    void automatic_captions_are_taken_when_the_uploader_wrote_none() {
        VideoMetadata video = video(Map.of(), languages("en-orig", "en", "de"));

        assertThat(CaptionTrack.choose(video, List.of("en"))).contains(new CaptionTrack("en", true));
    }

    @Test
    void a_regional_variant_matches_its_language() {
        VideoMetadata video = video(languages("fr", "en-US", "en-GB"), Map.of());

        assertThat(CaptionTrack.choose(video, List.of("en"))).contains(new CaptionTrack("en-US", false));
    }

    @Test
    void an_exact_match_beats_a_regional_variant_listed_first() {
        VideoMetadata video = video(languages("en-GB", "en"), Map.of());

        assertThat(CaptionTrack.choose(video, List.of("en"))).contains(new CaptionTrack("en", false));
    }

    @Test
    void a_prefix_must_end_at_a_dash() {
        VideoMetadata video = video(languages("eng", "enx-US"), Map.of());

        assertThat(CaptionTrack.choose(video, List.of("en"))).isEmpty();
    }

    @Test
    void preferences_are_tried_in_order() {
        VideoMetadata video = video(languages("de", "fr"), Map.of());

        assertThat(CaptionTrack.choose(video, List.of("es", "fr", "de"))).contains(new CaptionTrack("fr", false));
    }

    @Test
    void no_wanted_language_gives_nothing() {
        VideoMetadata video = video(languages("de"), languages("fr"));

        assertThat(CaptionTrack.choose(video, List.of("en"))).isEmpty();
        assertThat(CaptionTrack.choose(video(Map.of(), Map.of()), List.of("en"))).isEmpty();
    }

    @Test
    void language_keys_that_could_be_options_or_regexes_are_never_chosen() {
        VideoMetadata video = video(languages("-en", "en.*", "en;rm", "live_chat"), languages("en-$(x)"));

        assertThat(CaptionTrack.choose(video, List.of("en", "live_chat"))).isEqualTo(Optional.empty());
    }

    private static Map<String, List<String>> languages(String... keys) {
        Map<String, List<String>> languages = new LinkedHashMap<>();
        for (String key : keys) {
            languages.put(key, FORMATS);
        }
        return languages;
    }

    static VideoMetadata video(Map<String, List<String>> subtitles, Map<String, List<String>> automatic) {
        return new VideoMetadata("dQw4w9WgXcQ", "A video", "A channel", "UC0123456789012345678901", 212, null,
                "https://www.youtube.com/watch?v=dQw4w9WgXcQ", LiveStatus.NOT_LIVE, "public", subtitles, automatic,
                "en", false);
    }
}
