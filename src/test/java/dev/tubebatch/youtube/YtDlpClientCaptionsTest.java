package dev.tubebatch.youtube;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link YtDlpClient}'s caption downloads against the fake: manual, automatic, translated, languages, VTT. */
class YtDlpClientCaptionsTest extends YtDlpClientTestBase {

    @Test
    void manual_captions_are_downloaded_as_json3() {
        VideoMetadata video = client.fetchMetadata(watch("capAAAAAAAA"));

        Captions captions = client.downloadCaptions(watch("capAAAAAAAA"), video, work).orElseThrow();

        assertThat(captions.language()).isEqualTo("en");
        assertThat(captions.automatic()).isFalse();
        assertThat(captions.cues()).hasSizeBetween(3, 6);
        assertThat(captions.cues().getFirst().text()).isEqualTo("Welcome to fake video capAAAAAAAA.");
        assertThat(captions.cues()).allSatisfy(cue -> assertThat(cue.end()).isGreaterThan(cue.start()));
        assertThat(work.resolve("capAAAAAAAA.en.json3")).isRegularFile();
        assertThat(FakeYtDlp.argvs(fake).getLast()).containsExactly("--ignore-config", "--no-playlist",
                "--skip-download", "--write-subs", "--sub-langs", "en", "--sub-format", "json3/vtt/best",
                "-o", work.toAbsolutePath() + "/%(id)s.%(ext)s", "--", watch("capAAAAAAAA"));
    }

    @Test
    void automatic_captions_are_marked_automatic_and_read_once_per_line() {
        VideoMetadata video = client.fetchMetadata(watch("autAAAAAAAA"));

        Captions captions = client.downloadCaptions(watch("autAAAAAAAA"), video, work).orElseThrow();

        assertThat(captions.automatic()).isTrue();
        assertThat(captions.language()).isEqualTo("en");
        assertThat(captions.cues().getFirst().text()).isEqualTo("Welcome to fake video autAAAAAAAA");
        assertThat(captions.cues()).extracting(CaptionCue::text).doesNotHaveDuplicates();
        assertThat(FakeYtDlp.argvs(fake).getLast()).contains("--write-auto-subs").doesNotContain("--write-subs");
    }

    @Test
    void translations_are_read_from_tlang_and_downloaded_only_when_asked_for_as_a_last_resort() {
        VideoMetadata video = client.fetchMetadata(watch("autCCCCCCCC"));
        assertThat(video.language()).isEqualTo("en");
        assertThat(video.translatedCaptions()).containsExactlyInAnyOrder("de", "fr");

        assertThat(client.downloadCaptions(watch("autCCCCCCCC"), video, work, List.of("de"), false)).isEmpty();
        Captions german = client.downloadCaptions(watch("autCCCCCCCC"), video, work, List.of("de"), true)
                .orElseThrow();

        assertThat(german.translated()).isTrue();
        assertThat(german.automatic()).isTrue();
        assertThat(german.language()).isEqualTo("de");
        assertThat(FakeYtDlp.argvs(fake).getLast()).containsSubsequence("--write-auto-subs", "--sub-langs", "de",
                "--sub-format");
    }

    @Test
    void a_batch_s_languages_replace_the_node_s_and_orig_takes_the_video_s_language() {
        VideoMetadata video = client.fetchMetadata(watch("mulAAAAAAAA"));

        Captions original = client.downloadCaptions(watch("mulAAAAAAAA"), video, work, List.of("orig", "en"), false)
                .orElseThrow();
        assertThat(original.language()).isEqualTo("de");
        assertThat(original.automatic()).isFalse();
        assertThat(FakeYtDlp.argvs(fake).getLast()).containsSubsequence("--write-subs", "--sub-langs", "de");

        Captions english = client.downloadCaptions(watch("mulAAAAAAAA"), video, work, List.of(), false).orElseThrow();
        assertThat(english.language()).as("the node's en").isEqualTo("en");
    }

    @Test
    void vtt_is_used_when_json3_is_not_offered() throws IOException {
        VideoMetadata listed = client.fetchMetadata(watch("capBBBBBBBB"));
        writeFixture("videos/capBBBBBBBB.json", """
                {"id": "capBBBBBBBB", "title": "Only VTT", "subtitles": {"en-GB": [{"ext": "vtt", "url": "x"}]}}""");

        Captions captions = client.downloadCaptions(watch("capBBBBBBBB"), client.fetchMetadata(watch("capBBBBBBBB")), work)
                .orElseThrow();

        assertThat(listed.subtitles()).containsKey("en");
        assertThat(captions.language()).isEqualTo("en-GB");
        assertThat(work.resolve("capBBBBBBBB.en-GB.vtt")).isRegularFile();
        assertThat(captions.cues().getFirst().text()).isEqualTo("Welcome to fake video capBBBBBBBB.");
    }

    @Test
    void a_video_without_captions_runs_no_caption_download() {
        VideoMetadata video = client.fetchMetadata(watch("nocAAAAAAAA"));

        Optional<Captions> captions = client.downloadCaptions(watch("nocAAAAAAAA"), video, work);

        assertThat(captions).isEmpty();
        assertThat(FakeYtDlp.invocations(fake)).hasSize(1);
        assertThat(FakeYtDlp.argvs(fake).getFirst()).contains("-J");
    }
}
