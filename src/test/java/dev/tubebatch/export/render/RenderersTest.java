package dev.tubebatch.export.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.Segment;
import dev.tubebatch.batch.Transcript;
import dev.tubebatch.batch.TranscriptSource;
import dev.tubebatch.batch.BatchDigest;
import dev.tubebatch.batch.ChapterSummary;
import dev.tubebatch.batch.Summary;
import dev.tubebatch.batch.VideoItem;
import dev.tubebatch.batch.ItemStatus;
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
        assertThat(BatchReports.state(new BatchSnapshot(batch, videos, Snapshots.START, java.time.Duration.ofSeconds(75), null)))
                .contains("\"eta_seconds\" : 75");
        assertThat(BatchReports.state(new BatchSnapshot(batch, videos, Snapshots.START)))
                .contains("\"eta_seconds\" : null");
    }

    @Test
    void peak_overlap_counts_tries_running_at_once_and_back_to_back_tries_once() {
        Instant t = Instant.EPOCH;
        assertThat(BatchStatsJson.peakOverlap(List.of(new BatchStatsJson.Interval(t, t.plusSeconds(10)),
                new BatchStatsJson.Interval(t.plusSeconds(5), t.plusSeconds(15)),
                new BatchStatsJson.Interval(t.plusSeconds(15), t.plusSeconds(20))))).isEqualTo(2);
        assertThat(BatchStatsJson.percentile(List.of(1.0, 2.0, 3.0, 4.0, 100.0), 95)).isEqualTo(100.0);
        assertThat(BatchStatsJson.percentile(List.of(1.0, 2.0, 3.0, 4.0, 100.0), 50)).isEqualTo(3.0);
    }

    @Test
    void an_llm_summary_lists_its_chapters_under_deep_links_and_says_how_it_was_made() {
        Batch batch = Snapshots.batch("Chapters", 1);
        VideoItem item = Snapshots.item(batch, 1, "chpRENDER01", "A talk", ItemStatus.COMPLETED);
        Summary summary = new Summary(item.id(), "extractive-minilm", "The text.", List.of("A point"),
                List.of(new ChapterSummary(0, "Intro", "Hello."), new ChapterSummary(125.9, "Main *part*", "Body.")),
                "The LLM failed (HTTP 500); the extractive-minilm summary was made instead.", null);

        String md = TranscriptFormats.summaryMarkdown(item, summary, null);

        assertThat(md).contains("## Chapters\n\n### [00:00](https://youtu.be/chpRENDER01?t=0) Intro\n\nHello.")
                .contains("### [02:05](https://youtu.be/chpRENDER01?t=125) Main \\*part\\*\n\nBody.")
                .contains("_Method: extractive-minilm_").contains("_The LLM failed (HTTP 500)");
        assertThat(TranscriptFormats.chapters(item, summary)).hasSize(2).last()
                .satisfies(c -> assertThat(c).containsEntry("link", "https://youtu.be/chpRENDER01?t=125"));
    }

    @Test
    void the_manifest_and_transcript_json_say_the_transcript_s_kind_and_language() {
        Batch batch = Snapshots.batch("Kinds", 2);
        BatchSnapshot.Video plain = Snapshots.completed(batch, 1, "autKINDS001", "Translated", 2, null);
        Transcript german = new Transcript(plain.item().id(), "de", TranscriptSource.TRANSLATED_CAPTIONS,
                plain.transcript().segments());
        BatchSnapshot.Video translated = new BatchSnapshot.Video(plain.item(), plain.steps(), plain.attempts(), german,
                null);
        BatchSnapshot.Video manual = Snapshots.completed(batch, 2, "capKINDS002", "Manual", 2, null);

        String manifest = BatchReports.manifest(new BatchSnapshot(batch, List.of(translated, manual), Snapshots.START));

        assertThat(manifest).containsSubsequence("\"transcript_source\" : \"translated_captions\"",
                "\"transcript_kind\" : \"translated\"", "\"language\" : \"de\"",
                "\"transcript_source\" : \"captions\"", "\"transcript_kind\" : \"manual\"",
                "\"language\" : \"en\"");
        assertThat(TranscriptFormats.json(plain.item(), german)).contains("\"source\" : \"translated_captions\"")
                .contains("\"kind\" : \"translated\"").contains("\"language\" : \"de\"");
        assertThat(TranscriptSource.WHISPER.kind()).isEqualTo("speech-to-text");
        assertThat(TranscriptSource.AUTO_CAPTIONS.label()).isEqualTo("automatic");
    }

    @Test
    void the_digest_has_the_themes_then_a_linked_line_per_video_and_stats_count_llm_calls_per_video() {
        Batch batch = Snapshots.batch("Digest", 2);
        BatchDigest digest = new BatchDigest(batch.id(), "llm:m", List.of("Theme one", "Theme two"),
                List.of(new BatchDigest.Line(1, "capDIGEST01", "First [talk]", "About the first.")),
                new Summary.Usage(2, 100, 20, 300, null));

        assertThat(BatchReports.digestMarkdown(batch, digest)).contains("## Common themes\n\n- Theme one\n- Theme two")
                .contains("- [First \\[talk\\]](https://youtu.be/capDIGEST01): About the first.")
                .contains("_Method: llm:m_");

        BatchSnapshot.Video plain = Snapshots.completed(batch, 1, "capDIGEST01", "First", 2, "Sum.");
        VideoItem item = plain.item();
        BatchSnapshot.Video withLlm = new BatchSnapshot.Video(item, plain.steps(), plain.attempts(),
                plain.transcript(), new Summary(item.id(), "llm:m", "Sum.", List.of(), List.of(), null,
                        new Summary.Usage(3, 900, 100, 1500, new java.math.BigDecimal("0.012000"))));
        String stats = BatchReports.stats(new BatchSnapshot(batch, List.of(withLlm,
                Snapshots.completed(batch, 2, "capDIGEST02", "Second", 2, "Sum.")), Snapshots.START));
        assertThat(stats).contains("\"llm\" : {").contains("\"calls\" : 3,").contains("\"tokens_in\" : 900")
                .contains("\"calls_per_video\" : 3.0").contains("\"cost\" : 0.012");
    }
}
