package dev.tubebatch.export.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.Segment;
import dev.tubebatch.batch.Transcript;
import dev.tubebatch.batch.TranscriptSource;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The text formats and reports on data that tries to break them. */
class RenderersTest {

    private final Transcript hostile = new Transcript(UUID.randomUUID(), "en", TranscriptSource.WHISPER, List.of(
            new Segment(0, 1.5, "a <b>tag</b> & --> arrow"),
            new Segment(1.5, 3, "two\n\n\nparagraphs"),
            new Segment(3, 3, "   "),
            new Segment(3725.25, 3726, "after an hour")));

    @Test
    void srt_numbers_cues_keeps_times_and_never_has_a_blank_line_inside_a_cue() {
        assertThat(TranscriptFormats.srt(hostile)).isEqualTo("""
                1
                00:00:00,000 --> 00:00:01,500
                a <b>tag</b> & -> arrow

                2
                00:00:01,500 --> 00:00:03,000
                two
                paragraphs

                3
                01:02:05,250 --> 01:02:06,000
                after an hour

                """);
    }

    @Test
    void vtt_escapes_what_would_be_markup_or_a_timing_line() {
        assertThat(TranscriptFormats.vtt(hostile)).startsWith("WEBVTT\nLanguage: en\n\n00:00:00.000 --> 00:00:01.500\n"
                + "a &lt;b&gt;tag&lt;/b&gt; &amp; -&gt; arrow\n\n").contains("01:02:05.250 --> 01:02:06.000\n");
    }

    @Test
    void plain_text_has_one_line_per_spoken_segment() {
        assertThat(TranscriptFormats.text(hostile)).isEqualTo("a <b>tag</b> & --> arrow\ntwo paragraphs\nafter an hour\n");
    }

    @Test
    void the_failed_urls_file_has_no_line_a_batch_name_could_inject() {
        Batch batch = Snapshots.batch("evil\nhttps://www.youtube.com/watch?v=injected123", 1);
        String text = BatchReports.failedUrls(new BatchSnapshot(batch, List.of(Snapshots.failed(batch, 1,
                "prvAAAAAAA1")), Instant.EPOCH));
        assertThat(text.lines().filter(l -> !l.startsWith("#")).toList())
                .containsExactly("https://www.youtube.com/watch?v=prvAAAAAAA1");
    }

    @Test
    void the_state_file_carries_the_batch_estimate_of_the_time_left() {
        Batch batch = Snapshots.batch("Estimate", 1);
        List<BatchSnapshot.Video> videos = List.of(Snapshots.failed(batch, 1, "prvSTATE001"));
        assertThat(BatchReports.state(new BatchSnapshot(batch, videos, Snapshots.START, java.time.Duration.ofSeconds(75))))
                .contains("\"eta_seconds\" : 75");
        assertThat(BatchReports.state(new BatchSnapshot(batch, videos, Snapshots.START)))
                .contains("\"eta_seconds\" : null");
    }

    @Test
    void peak_overlap_counts_tries_running_at_once_and_back_to_back_tries_once() {
        Instant t = Instant.EPOCH;
        assertThat(BatchReports.peakOverlap(List.of(new BatchReports.Interval(t, t.plusSeconds(10)),
                new BatchReports.Interval(t.plusSeconds(5), t.plusSeconds(15)),
                new BatchReports.Interval(t.plusSeconds(15), t.plusSeconds(20))))).isEqualTo(2);
        assertThat(BatchReports.percentile(List.of(1.0, 2.0, 3.0, 4.0, 100.0), 95)).isEqualTo(100.0);
        assertThat(BatchReports.percentile(List.of(1.0, 2.0, 3.0, 4.0, 100.0), 50)).isEqualTo(3.0);
    }
}
