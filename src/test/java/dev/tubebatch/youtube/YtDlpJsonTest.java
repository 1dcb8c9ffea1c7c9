package dev.tubebatch.youtube;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class YtDlpJsonTest {

    @Test
    void a_video_url_listed_as_a_playlist_gives_one_entry() {
        Listed playlist = read(json("""
                {"id": "dQw4w9WgXcQ", "title": "One video", "formats": [{"format_id": "18", "url": "x"}],
                 "duration": 212, "upload_date": "20091025", "live_status": "not_live", "channel": "Someone",
                 "webpage_url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "_type": "video"}"""), 0);

        assertThat(playlist.entries()).containsExactly(new PlaylistEntry("dQw4w9WgXcQ",
                "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "One video", 212, LocalDate.of(2009, 10, 25),
                LiveStatus.NOT_LIVE, null, "Someone"));
        assertThat(playlist.channel()).isEqualTo("Someone");
    }

    @Test
    void a_channel_root_lists_tabs_which_are_not_videos() {
        Listed playlist = read(json("""
                {"id": "UC0123456789012345678901", "title": "Someone", "_type": "playlist", "entries": [
                  {"_type": "url", "ie_key": "YoutubeTab", "url": "https://www.youtube.com/@someone/videos", "title": "Someone - Videos"},
                  {"_type": "url", "ie_key": "Youtube", "id": "dQw4w9WgXcQ", "url": "dQw4w9WgXcQ", "title": "A video"}
                ]}"""), 0);

        assertThat(playlist.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.id()).isEqualTo("dQw4w9WgXcQ");
            assertThat(entry.url()).isEqualTo("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
        });
    }

    @Test
    void the_limit_holds_even_when_yt_dlp_lists_more() {
        Listed playlist = read(json("""
                {"id": "PL1", "entries": [{"id": "aaaaaaaaaaa"}, {"id": "bbbbbbbbbbb"}, {"id": "ccccccccccc"}],
                 "title": "Listed after the entries"}"""), 2);

        assertThat(playlist.entries()).extracting(PlaylistEntry::id).containsExactly("aaaaaaaaaaa", "bbbbbbbbbbb");
        assertThat(playlist.title()).isEqualTo("Listed after the entries");
    }

    @Test
    void flat_entries_keep_what_youtube_shows() {
        Listed playlist = read(json("""
                {"id": "PL1", "entries": [
                  {"_type": "url", "ie_key": "Youtube", "id": "aaaaaaaaaaa", "url": "https://www.youtube.com/shorts/aaaaaaaaaaa",
                   "title": "Upcoming", "duration": null, "live_status": "is_upcoming", "availability": "subscriber_only"},
                  {"_type": "url", "ie_key": "Youtube", "id": "bbbbbbbbbbb", "url": "https://www.youtube.com/watch?v=bbbbbbbbbbb",
                   "title": "[Private video]", "duration": null, "live_status": null}
                ]}"""), 0);

        assertThat(playlist.entries()).containsExactly(
                new PlaylistEntry("aaaaaaaaaaa", "https://www.youtube.com/shorts/aaaaaaaaaaa", "Upcoming", null, null,
                        LiveStatus.IS_UPCOMING, "subscriber_only"),
                new PlaylistEntry("bbbbbbbbbbb", "https://www.youtube.com/watch?v=bbbbbbbbbbb", "[Private video]", null,
                        null, LiveStatus.UNKNOWN, null));
    }

    @Test
    void a_short_is_known_from_its_url_when_yt_dlp_predates_media_type() {
        VideoMetadata video = YtDlpJson.videoMetadata(YtDlpJson.readObject(json("""
                {"id": "aaaaaaaaaaa", "original_url": "https://www.youtube.com/shorts/aaaaaaaaaaa", "duration": 40}""")));

        assertThat(video.isShort()).isTrue();
    }

    @Test
    void a_vertical_video_of_shorts_length_is_a_short_when_yt_dlp_predates_media_type() {
        VideoMetadata vertical = YtDlpJson.videoMetadata(YtDlpJson.readObject(json("""
                {"id": "aaaaaaaaaaa", "duration": 58, "width": 1080, "height": 1920}""")));
        VideoMetadata wide = YtDlpJson.videoMetadata(YtDlpJson.readObject(json("""
                {"id": "aaaaaaaaaaa", "duration": 58, "width": 1920, "height": 1080}""")));
        VideoMetadata saysVideo = YtDlpJson.videoMetadata(YtDlpJson.readObject(json("""
                {"id": "aaaaaaaaaaa", "duration": 58, "width": 1080, "height": 1920, "media_type": "video"}""")));

        assertThat(vertical.isShort()).isTrue();
        assertThat(wide.isShort()).isFalse();
        assertThat(saysVideo.isShort()).isFalse();
    }

    @Test
    void missing_fields_are_null_and_maps_are_empty() {
        VideoMetadata video = YtDlpJson.videoMetadata(YtDlpJson.readObject(json("{\"id\": \"x\", \"upload_date\": \"bad\"}")));

        assertThat(video).isEqualTo(new VideoMetadata("x", null, null, null, null, null, null, LiveStatus.UNKNOWN, null,
                null, null, null, false));
        assertThat(video.subtitles()).isEmpty();
    }

    @Test
    void automatic_tracks_with_tlang_in_their_urls_are_marked_as_translations() {
        VideoMetadata video = YtDlpJson.videoMetadata(YtDlpJson.readObject(json("""
                {"id": "x", "language": "en", "automatic_captions": {
                  "en-orig": [{"ext": "json3", "url": "https://www.youtube.com/api/timedtext?v=x&lang=en&fmt=json3"}],
                  "en": [{"ext": "json3", "url": "https://www.youtube.com/api/timedtext?v=x&lang=en&fmt=json3"}],
                  "de": [{"ext": "json3", "url": "https://www.youtube.com/api/timedtext?v=x&lang=en&fmt=json3&tlang=de"}]
                }}""")));

        assertThat(video.automaticCaptions()).containsOnlyKeys("en-orig", "en", "de");
        assertThat(video.translatedCaptions()).containsExactly("de");
        assertThat(video.language()).isEqualTo("en");
    }

    @Test
    void older_yt_dlp_live_flags_give_a_live_status() {
        VideoMetadata live = YtDlpJson.videoMetadata(YtDlpJson.readObject(json("{\"is_live\": true}")));
        VideoMetadata was = YtDlpJson.videoMetadata(YtDlpJson.readObject(json("{\"is_live\": false, \"was_live\": true}")));

        assertThat(live.liveStatus()).isEqualTo(LiveStatus.IS_LIVE);
        assertThat(was.liveStatus()).isEqualTo(LiveStatus.WAS_LIVE);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "NULL", value = {"not_live, NOT_LIVE", "is_live, IS_LIVE", "is_upcoming, IS_UPCOMING",
            "was_live, WAS_LIVE", "post_live, POST_LIVE", "something_new, UNKNOWN", "'', UNKNOWN", "NULL, UNKNOWN"})
    void live_status_reads_yt_dlp_values(String value, LiveStatus expected) {
        assertThat(LiveStatus.parse(value)).isEqualTo(expected);
    }

    /** A listing and the entries handed over while it was read, in that order. */
    private record Listed(Playlist header, List<PlaylistEntry> entries) {
        String title() {
            return header.title();
        }

        String channel() {
            return header.channel();
        }
    }

    private static Listed read(InputStream in, int limit) {
        List<PlaylistEntry> entries = new ArrayList<>();
        return new Listed(YtDlpJson.readPlaylist(in, limit, entries::add), entries);
    }

    private static InputStream json(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void chapters_without_an_end_or_a_title_take_the_next_start_and_a_number() {
        var chapters = YtDlpJson.chapters(JsonMapper.builder().build().readTree("""
                [{"start_time": 0.0, "title": "Intro"}, {"start_time": 30.5, "title": " "},
                 {"title": "no start"}, {"start_time": 90, "end_time": 120.0, "title": "End"}]"""), 120);

        assertThat(chapters).containsExactly(new VideoMetadata.VideoChapter(0, 30.5, "Intro"),
                new VideoMetadata.VideoChapter(30.5, 90, "Chapter 2"),
                new VideoMetadata.VideoChapter(90, 120, "End"));
        assertThat(YtDlpJson.chapters(JsonMapper.builder().build().readTree("null"), 60)).isEmpty();
    }
}
