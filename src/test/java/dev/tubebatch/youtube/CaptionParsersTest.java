package dev.tubebatch.youtube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaptionParsersTest {

    @Test
    void youtube_automatic_vtt_keeps_each_spoken_line_once() {
        List<CaptionCue> cues = CaptionParsers.parseVtt(fixture("auto.en.vtt"));

        assertThat(cues).extracting(CaptionCue::text).containsExactly(
                "hey everyone welcome back to the channel",
                "today we're going to talk about",
                "R&D budgets > 10%",
                "[Music]");
        assertCue(cues.get(0), 0.0, 2.36);
        assertCue(cues.get(1), 2.36, 4.88);
        assertCue(cues.get(2), 4.88, 8.0);
        assertCue(cues.get(3), 8.0, 10.5);
    }

    @Test
    void manual_vtt_drops_markup_settings_and_note_and_style_blocks() {
        List<CaptionCue> cues = CaptionParsers.parseVtt(fixture("manual.en.vtt"));

        assertThat(cues).extracting(CaptionCue::text).containsExactly(
                "Hello & welcome",
                "Tom & Jerry are here <laughs> \u2014 \u2014",
                "It's an hour in.");
        assertCue(cues.get(0), 1.0, 4.0);
        assertCue(cues.get(1), 4.5, 6.0);
        assertCue(cues.get(2), 3723.25, 3725.0);
    }

    @Test
    void vtt_with_windows_line_endings_and_a_byte_order_mark_parses() {
        String vtt = "\uFEFFWEBVTT\r\n\r\n00:00:01.000 --> 00:00:02.000\r\nfirst\r\n\r\n00:00:02.000 --> 00:00:03.000\r\nsecond\r\n";

        assertThat(CaptionParsers.parseVtt(vtt)).containsExactly(
                new CaptionCue(1.0, 2.0, "first"), new CaptionCue(2.0, 3.0, "second"));
    }

    @Test
    void subrip_numbering_and_comma_times_are_understood() {
        String srt = "1\n00:00:01,000 --> 00:00:02,500\nHello\n\n2\n00:00:03,000 --> 00:00:04,000\nWorld\n";

        assertThat(CaptionParsers.parseVtt(srt)).containsExactly(
                new CaptionCue(1.0, 2.5, "Hello"), new CaptionCue(3.0, 4.0, "World"));
    }

    @Test
    void a_line_repeated_long_after_is_kept() {
        String vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n[Music]\n\n00:00:30.000 --> 00:00:31.000\n[Music]\n";

        assertThat(CaptionParsers.parseVtt(vtt)).extracting(CaptionCue::text).containsExactly("[Music]", "[Music]");
    }

    @Test
    void overlapping_cues_end_where_the_next_begins() {
        String vtt = "WEBVTT\n\n00:00:05.000 --> 00:00:09.000\nlater\n\n00:00:01.000 --> 00:00:06.000\nearlier\n";

        assertThat(CaptionParsers.parseVtt(vtt)).containsExactly(
                new CaptionCue(1.0, 5.0, "earlier"), new CaptionCue(5.0, 9.0, "later"));
    }

    @Test
    void empty_or_cue_less_vtt_gives_no_cues() {
        assertThat(CaptionParsers.parseVtt("")).isEmpty();
        assertThat(CaptionParsers.parseVtt(null)).isEmpty();
        assertThat(CaptionParsers.parseVtt("WEBVTT\nKind: captions\nLanguage: en\n\n")).isEmpty();
    }

    @Test
    void manual_json3_joins_rows_and_skips_events_without_text() {
        List<CaptionCue> cues = CaptionParsers.parseJson3(fixture("manual.en.json3"));

        assertThat(cues).containsExactly(
                new CaptionCue(1.2, 4.0, "Hello and welcome to the show."),
                new CaptionCue(6.0, 6.0, "No duration here."),
                new CaptionCue(8.0, 9.0, "x < y & y > z \u2013 \u201cquoted\u201d"));
    }

    @Test
    void automatic_json3_joins_word_segments_and_ends_each_line_when_the_next_starts() {
        List<CaptionCue> cues = CaptionParsers.parseJson3(fixture("auto.en.json3"));

        assertThat(cues).extracting(CaptionCue::text).containsExactly("hey everyone welcome", "today we're", "[Music]");
        assertCue(cues.get(0), 0.08, 2.36);
        assertCue(cues.get(1), 2.36, 4.88);
        assertCue(cues.get(2), 4.88, 7.99);
    }

    @Test
    void json3_without_events_gives_no_cues() {
        assertThat(CaptionParsers.parseJson3("{\"wireMagic\":\"pb3\"}")).isEmpty();
        assertThat(CaptionParsers.parseJson3("")).isEmpty();
    }

    @Test
    void text_that_is_not_json3_is_refused() {
        assertThatThrownBy(() -> CaptionParsers.parseJson3("WEBVTT\n\n"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void entities_decode_and_unknown_ones_stay_as_written() {
        assertThat(CaptionParsers.clean("a&nbsp;b &amp;amp; &lt;i&gt; &unknown; &#65;&#x42;"))
                .isEqualTo("a b &amp; <i> &unknown; AB");
    }

    @Test
    void cue_times_must_be_ordered() {
        assertThatThrownBy(() -> new CaptionCue(2.0, 1.0, "backwards")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CaptionCue(-1.0, 1.0, "negative")).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertCue(CaptionCue cue, double start, double end) {
        assertThat(cue.start()).as("start of %s", cue.text()).isCloseTo(start, within(1e-9));
        assertThat(cue.end()).as("end of %s", cue.text()).isCloseTo(end, within(1e-9));
    }

    static String fixture(String name) {
        try (InputStream in = CaptionParsersTest.class.getResourceAsStream(name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
