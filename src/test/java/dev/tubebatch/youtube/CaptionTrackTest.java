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

    @Test
    void a_batch_that_lists_de_before_en_gets_the_german_captions_and_en_before_de_the_english_ones() {
        VideoMetadata video = video(languages("en", "de"), languages("en-orig", "en"));

        assertThat(CaptionTrack.choose(video, List.of("de", "en"))).contains(new CaptionTrack("de", false));
        assertThat(CaptionTrack.choose(video, List.of("en", "de"))).contains(new CaptionTrack("en", false));
    }

    @Test
    void orig_stands_for_the_language_yt_dlp_reports_where_it_appears_in_the_list() {
        VideoMetadata german = spoken("de", languages("en", "de"), languages("de-orig", "de", "en"));

        assertThat(CaptionTrack.choose(german, List.of("orig", "en"))).contains(new CaptionTrack("de", false));
        assertThat(CaptionTrack.choose(german, List.of("en", "orig"))).contains(new CaptionTrack("en", false));
        assertThat(CaptionTrack.choose(spoken("pt-BR", Map.of(), languages("pt", "en")), List.of("orig")))
                .as("a regional original also takes its language's track").contains(new CaptionTrack("pt", true));
    }

    @Test
    void orig_is_passed_over_when_yt_dlp_reports_no_language() {
        VideoMetadata unknown = spoken(null, languages("fr", "en"), Map.of());

        assertThat(CaptionTrack.choose(unknown, List.of("orig", "en"))).contains(new CaptionTrack("en", false));
        assertThat(CaptionTrack.choose(unknown, List.of("orig"))).isEmpty();
    }

    @Test
    void machine_translations_are_never_taken_without_the_option() {
        // YouTube lists every translation of the English automatic track; yt-dlp marks them with tlang=.
        VideoMetadata marked = translated(video(Map.of(), languages("en-orig", "en", "de")), "de");
        VideoMetadata unmarked = video(Map.of(), languages("en-orig", "en", "de"));

        assertThat(CaptionTrack.choose(marked, List.of("de"), false)).isEmpty();
        assertThat(CaptionTrack.choose(unmarked, List.of("de"), false)).as("another language than the original's")
                .isEmpty();
    }

    @Test
    void with_the_option_a_translation_is_taken_only_when_no_wanted_language_has_a_track_of_its_own() {
        VideoMetadata video = translated(video(Map.of(), languages("en-orig", "en", "de", "fr")), "de", "fr");

        assertThat(CaptionTrack.choose(video, List.of("de"), true)).contains(new CaptionTrack("de", true, true));
        assertThat(CaptionTrack.choose(video, List.of("de", "en"), true)).as("English has its own automatic track")
                .contains(new CaptionTrack("en", true, false));
        assertThat(CaptionTrack.choose(video(languages("es"), languages("en", "es")), List.of("es"), true))
                .as("the uploader's Spanish").contains(new CaptionTrack("es", false));
    }

    @Test
    void an_automatic_track_in_another_language_is_its_own_when_the_original_language_has_no_automatic_track() {
        VideoMetadata video = video(Map.of(), languages("de"));

        assertThat(CaptionTrack.choose(video, List.of("de"), false)).contains(new CaptionTrack("de", true));
    }

    @Test
    void an_original_track_labelled_orig_is_recorded_in_its_language() {
        assertThat(new CaptionTrack("en-orig", true).spokenLanguage()).isEqualTo("en");
        assertThat(new CaptionTrack("pt-BR", false).spokenLanguage()).isEqualTo("pt-BR");
    }

    private static VideoMetadata spoken(String language, Map<String, List<String>> subtitles,
            Map<String, List<String>> automatic) {
        return new VideoMetadata("dQw4w9WgXcQ", "A video", "A channel", "UC0123456789012345678901", 212, null,
                "https://www.youtube.com/watch?v=dQw4w9WgXcQ", LiveStatus.NOT_LIVE, "public", subtitles, automatic,
                language, false);
    }

    private static VideoMetadata translated(VideoMetadata video, String... keys) {
        return new VideoMetadata(video.id(), video.title(), video.channel(), video.channelId(),
                video.durationSeconds(), video.uploadDate(), video.webpageUrl(), video.liveStatus(),
                video.availability(), video.subtitles(), video.automaticCaptions(), video.language(), video.isShort(),
                video.chapters(), java.util.Set.of(keys));
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
