package dev.tubebatch.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class YouTubeUrlsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "http://youtube.com/watch?v=dQw4w9WgXcQ",
            "www.youtube.com/watch?v=dQw4w9WgXcQ",
            "youtube.com/watch?v=dQw4w9WgXcQ",
            "https://m.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://music.youtube.com/watch?v=dQw4w9WgXcQ&feature=share",
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s",
            "https://www.youtube.com/watch?feature=shared&v=dQw4w9WgXcQ",
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ&list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG&index=3",
            "https://youtu.be/dQw4w9WgXcQ",
            "https://youtu.be/dQw4w9WgXcQ?si=abcDEF123&t=10",
            "https://www.youtube.com/shorts/dQw4w9WgXcQ",
            "https://www.youtube.com/live/dQw4w9WgXcQ?feature=share",
            "https://www.youtube.com/embed/dQw4w9WgXcQ",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0",
            "https://www.youtube.com/v/dQw4w9WgXcQ",
            "HTTPS://WWW.YOUTUBE.COM/watch?v=dQw4w9WgXcQ",
            "dQw4w9WgXcQ",
            "  https://youtu.be/dQw4w9WgXcQ  ",
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ&si=AbCdEf-123_xyz",
            "https://www.youtube.com/watch?app=desktop&v=dQw4w9WgXcQ",
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ#t=30",
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ&v=9bZkp7q19f0",
            "https://m.youtube.com/shorts/dQw4w9WgXcQ?feature=share",
            "https://music.youtube.com/watch?v=dQw4w9WgXcQ&list=RDAMVMdQw4w9WgXcQ",
            "https://youtu.be/dQw4w9WgXcQ?feature=shared",
            "https://www.youtu.be/dQw4w9WgXcQ",
            "youtu.be/dQw4w9WgXcQ",
            "https://youtube-nocookie.com/embed/dQw4w9WgXcQ",
            "https://www.youtube.com/v/dQw4w9WgXcQ?version=3",
            "https://www.youtube.com/e/dQw4w9WgXcQ",
            "https://www.youtube.com/live/dQw4w9WgXcQ",
            "https://www.youtube.com/shorts/dQw4w9WgXcQ/"})
    void video_urls_in_every_form_name_the_same_canonical_video(String text) {
        YouTubeUrls.Parsed parsed = YouTubeUrls.parse(text);

        assertThat(parsed.error()).isNull();
        assertThat(parsed.ref()).isEqualTo(new YouTubeRef.Video("dQw4w9WgXcQ"));
        assertThat(parsed.ref().canonicalUrl()).isEqualTo("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "https://www.youtube.com/playlist?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG | https://www.youtube.com/playlist?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG",
            "https://www.youtube.com/@veritasium | https://www.youtube.com/@veritasium/videos",
            "https://www.youtube.com/@veritasium/shorts | https://www.youtube.com/@veritasium/shorts",
            "https://www.youtube.com/@veritasium/featured | https://www.youtube.com/@veritasium/videos",
            "https://www.youtube.com/channel/UCHnyfMqiRRG1u-2MsSQLbXA/streams | https://www.youtube.com/channel/UCHnyfMqiRRG1u-2MsSQLbXA/streams",
            "https://www.youtube.com/c/Veritasium/videos | https://www.youtube.com/c/Veritasium/videos",
            "https://www.youtube.com/user/1veritasium | https://www.youtube.com/user/1veritasium/videos",
            "https://www.youtube.com/watch?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG | https://www.youtube.com/playlist?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG",
            "https://music.youtube.com/playlist?list=OLAK5uy_kZsomething | https://www.youtube.com/playlist?list=OLAK5uy_kZsomething",
            "https://m.youtube.com/playlist?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG&si=xyz | https://www.youtube.com/playlist?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG",
            "youtube.com/@veritasium/streams | https://www.youtube.com/@veritasium/streams",
            "https://www.youtube.com/@veritasium/ | https://www.youtube.com/@veritasium/videos",
            "https://www.youtube.com/@veritasium/VIDEOS | https://www.youtube.com/@veritasium/videos",
            "https://www.youtube.com/channel/UCHnyfMqiRRG1u-2MsSQLbXA | https://www.youtube.com/channel/UCHnyfMqiRRG1u-2MsSQLbXA/videos",
            "https://www.youtube.com/c/Veritasium/shorts | https://www.youtube.com/c/Veritasium/shorts",
            "https://www.youtube.com/user/1veritasium/videos?view=0 | https://www.youtube.com/user/1veritasium/videos"})
    void playlist_and_channel_urls_are_recognized(String text, String canonical) {
        YouTubeUrls.Parsed parsed = YouTubeUrls.parse(text);

        assertThat(parsed.error()).isNull();
        assertThat(parsed.ref().canonicalUrl()).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "https://vimeo.com/123456 | not a YouTube URL (host vimeo.com)",
            "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ | not a YouTube URL (host youtube.com.evil.example)",
            "javascript:alert(1) | 'javascript:' links are not accepted: use an https YouTube URL",
            "file:///etc/passwd | 'file:' links are not accepted: use an https YouTube URL",
            "-o/etc/passwd | starts with '-': not a URL",
            "--exec=rm | starts with '-': not a URL",
            "https://www.youtube.com/watch?v=short | watch URL without a valid 11-character video id",
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ;rm | watch URL without a valid 11-character video id",
            "https://youtu.be/ | youtu.be link without a valid 11-character video id",
            "https://www.youtube.com/feed/trending | not a video, playlist or channel URL (path /feed/trending)",
            "https://www.youtube.com/channel/notachannel | a channel id starts with UC and has 24 characters",
            "https://www.youtube.com/@veritasium/community | channel tab 'community' is not one of videos, shorts, streams",
            "junk | not a YouTube URL or video id",
            "hello world | contains spaces or control characters: one URL per line",
            "https://www.youtube.com:8443/watch?v=dQw4w9WgXcQ | not a YouTube URL (unexpected port or user)",
            "https://user@www.youtube.com/watch?v=dQw4w9WgXcQ | not a YouTube URL (unexpected port or user)",
            "https://youtube.evil.com/watch?v=dQw4w9WgXcQ | not a YouTube URL (host youtube.evil.com)",
            "https://www.youtube.co/watch?v=dQw4w9WgXcQ | not a YouTube URL (host www.youtube.co)",
            "ftp://www.youtube.com/watch?v=dQw4w9WgXcQ | 'ftp:' links are not accepted: use an https YouTube URL",
            "data:text/html,hello | 'data:' links are not accepted: use an https YouTube URL",
            "/etc/passwd | not a YouTube URL or video id",
            "https://youtu.be/dQw4w9WgXc | youtu.be link without a valid 11-character video id",
            "https://www.youtube.com/watch | watch URL without a video id (v=)",
            "https://www.youtube.com/watch?v= | watch URL without a valid 11-character video id",
            "https://www.youtube.com/playlist | playlist URL without a valid list id",
            "https://www.youtube.com/playlist?list=a%3Bb | playlist URL without a valid list id",
            "https://www.youtube.com/shorts/ | /shorts/ URL without a valid 11-character video id",
            "https://www.youtube.com/embed/dQw4w9WgXcQx | /embed/ URL without a valid 11-character video id",
            "https://www.youtube.com/@ab | not a valid channel handle",
            "https://www.youtube.com/@veritasium/videos/extra | not a channel URL: unexpected path after the tab",
            "https://www.youtube.com/c/ | not a valid channel name",
            "https://www.youtube.com/ | not a video, playlist or channel URL (path /)",
            "dQw4w9WgXcQ? | not a YouTube URL or video id",
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ extra | contains spaces or control characters: one URL per line"})
    void anything_else_is_rejected_with_a_reason(String text, String reason) {
        YouTubeUrls.Parsed parsed = YouTubeUrls.parse(text);

        assertThat(parsed.ref()).isNull();
        assertThat(parsed.error()).isEqualTo(reason);
    }

    @org.junit.jupiter.api.Test
    void overlong_lines_and_control_characters_are_rejected() {
        assertThat(YouTubeUrls.parse("https://www.youtube.com/watch?v=dQw4w9WgXcQ&x=" + "a".repeat(2100)).error())
                .isEqualTo("longer than 2048 characters");
        assertThat(YouTubeUrls.parse("https://youtu.be/dQw4w9WgXcQ\u0000").error())
                .isEqualTo("contains spaces or control characters: one URL per line");
        assertThat(YouTubeUrls.parse("https://youtu.be/dQw4w9WgXcQ\tx").error())
                .isEqualTo("contains spaces or control characters: one URL per line");
        assertThat(YouTubeUrls.parse(null).error()).isEqualTo("empty");
        assertThat(YouTubeUrls.parse("   ").error()).isEqualTo("empty");
    }
}
