package dev.tubebatch.youtube;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link YtDlpClient}'s metadata from the fake yt-dlp's JSON: fields, chapters, Shorts, fixtures, version. */
class YtDlpClientMetadataTest extends YtDlpClientTestBase {

    @Test
    void chapters_come_from_yt_dlp_json_in_order_and_a_video_without_them_has_none() {
        VideoMetadata video = client.fetchMetadata(watch("chpAAAAAAA1"));

        assertThat(video.chapters()).extracting(VideoMetadata.VideoChapter::title)
                .containsExactly("Welcome", "The middle part", "Closing words");
        assertThat(video.chapters().getFirst().start()).isZero();
        assertThat(video.chapters().get(1).start()).isPositive().isEqualTo(video.chapters().getFirst().end());
        assertThat(video.chapters().getLast().end()).isEqualTo((double) video.durationSeconds());
        assertThat(client.fetchMetadata(watch("capAAAAAAAA")).chapters()).isEmpty();
    }

    @Test
    void metadata_fields_come_from_yt_dlp_json() {
        VideoMetadata video = client.fetchMetadata(watch("capAAAAAAAA"));

        assertThat(video.id()).isEqualTo("capAAAAAAAA");
        assertThat(video.title()).isEqualTo("Fake video capAAAAAAAA");
        assertThat(video.channel()).isEqualTo("Fake Channel");
        assertThat(video.channelId()).isEqualTo("UCfakefakefakefakefake00");
        assertThat(video.durationSeconds()).isEqualTo(60 + "capAAAAAAAA".chars().sum() % 600);
        assertThat(video.uploadDate()).isBetween(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
        assertThat(video.webpageUrl()).isEqualTo(watch("capAAAAAAAA"));
        assertThat(video.liveStatus()).isEqualTo(LiveStatus.NOT_LIVE);
        assertThat(video.availability()).isEqualTo("public");
        assertThat(video.subtitles()).isEqualTo(Map.of("en", List.of("json3", "vtt")));
        assertThat(video.automaticCaptions()).containsOnlyKeys("en-orig", "en");
        assertThat(video.language()).isEqualTo("en");
        assertThat(video.isShort()).isFalse();
        assertThat(FakeYtDlp.argvs(fake)).containsExactly(List.of(
                "--ignore-config", "--no-playlist", "--skip-download", "-J", "--", watch("capAAAAAAAA")));
    }

    @Test
    void the_same_video_gives_the_same_metadata_every_time() {
        assertThat(client.fetchMetadata("https://youtu.be/capAAAAAAAA"))
                .isEqualTo(client.fetchMetadata("https://youtu.be/capAAAAAAAA"));
    }

    @Test
    void a_short_is_recognised() {
        VideoMetadata video = client.fetchMetadata("https://www.youtube.com/shorts/srtAAAAAAAA");

        assertThat(video.isShort()).isTrue();
        assertThat(video.durationSeconds()).isEqualTo(30);
    }

    @Test
    void a_metadata_fixture_replaces_the_generated_json() throws IOException {
        writeFixture("videos/capFIXTURE1.json", """
                {"id": "capFIXTURE1", "title": "Fixture title", "channel": null, "uploader": "An uploader",
                 "duration": 12.6, "timestamp": 1700000000, "live_status": "was_live",
                 "automatic_captions": {"de": [{"ext": "json3"}, {"ext": "vtt"}]}}""");

        VideoMetadata video = client.fetchMetadata(watch("capFIXTURE1"));

        assertThat(video.title()).isEqualTo("Fixture title");
        assertThat(video.channel()).isEqualTo("An uploader");
        assertThat(video.durationSeconds()).isEqualTo(13);
        assertThat(video.uploadDate()).isEqualTo(LocalDate.of(2023, 11, 14));
        assertThat(video.liveStatus()).isEqualTo(LiveStatus.WAS_LIVE);
        assertThat(video.subtitles()).isEmpty();
        assertThat(video.automaticCaptions()).isEqualTo(Map.of("de", List.of("json3", "vtt")));
        assertThat(client.downloadCaptions(watch("capFIXTURE1"), video, work)).isEmpty();
    }

    @Test
    void the_version_is_what_yt_dlp_prints() {
        assertThat(client.version()).isEqualTo("2025.01.15");
        assertThat(FakeYtDlp.argvs(fake)).containsExactly(List.of("--version"));
    }
}
