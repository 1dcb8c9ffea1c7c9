package dev.tubebatch.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tubebatch.batch.ProcessedVideos;
import dev.tubebatch.youtube.YtDlpClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The preview's limits: videos per batch, look-ups per preview, input size, binary files, filter ranges. */
class IntakeLimitsTest extends IntakeServiceTestBase {

    @Autowired
    YtDlpClient ytDlp;

    @Autowired
    ProcessedVideos processedVideos;

    @Test
    void a_5000_entry_playlist_expands_and_the_video_limit_is_reported() {
        PreviewResult result = preview("https://www.youtube.com/playlist?list=PLfake5000", NONE);

        assertThat(result.count()).isEqualTo(4500);
        assertThat(result.skipped()).hasSize(500)
                .allSatisfy(s -> assertThat(s.reason()).isIn("private video", "deleted or unavailable video"));

        IntakeService small = new IntakeService(new IntakeLimits(null, null, 3, null, null, null), ytDlp,
                processedVideos);
        PreviewResult limited = small.preview(new PreviewRequest("https://www.youtube.com/playlist?list=PLfake5",
                null, null, 10, NONE));
        assertThat(limited.count()).isEqualTo(3);
        assertThat(limited.skipped()).extracting(Object::toString).containsExactly("pasted text line 1: 2 entries "
                + "not taken: over the limit of 3 videos per batch (https://www.youtube.com/playlist?list=PLfake5)");
        PreviewResult pasted = small.preview(new PreviewRequest("dQw4w9WgXcQ\n9bZkp7q19f0\nkJQP7kiw5Fk\nhT_nvWreIhg",
                null, null, 10, NONE));
        assertThat(pasted.count()).isEqualTo(3);
        assertThat(pasted.skipped()).extracting(Object::toString)
                .containsExactly("pasted text line 4: over the limit of 3 videos per batch (hT_nvWreIhg)");
    }

    @Test
    void the_look_up_limit_keeps_videos_unchecked_with_a_warning() {
        IntakeService small = new IntakeService(new IntakeLimits(null, null, null, null, 1, 1), ytDlp,
                processedVideos);
        PreviewResult result = small.preview(new PreviewRequest("pasteAAAA01\npasteAAAA02", null, null, 10,
                filters(f -> f.shorts = true)));

        assertThat(ids(result)).containsExactly("pasteAAAA01", "pasteAAAA02");
        assertThat(result.warnings()).extracting(Object::toString).containsExactly("pasted text line 2: kept without "
                + "checking the filters: over the limit of 1 look-ups per preview (pasteAAAA02)");
    }

    @Test
    void inputs_over_the_limits_and_binary_files_are_refused_whole_with_the_file_named() {
        assertThatThrownBy(() -> intake.preview(PreviewRequest.ofText("dQw4w9WgXcQ\n".repeat(120_000))))
                .isInstanceOf(InputTooLargeException.class).hasMessageContaining("the limit is 1.0 MB");
        assertThatThrownBy(() -> intake.preview(new PreviewRequest("", new byte[] {'a', 0, 'b'}, "../../etc/x.txt",
                10, NONE))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("x.txt: The file is binary, not a text file of URLs");
        assertThatThrownBy(() -> new PreviewRequest.Filters(Duration.ofMinutes(5), Duration.ofMinutes(1), null, null,
                null, null, false, false, true)).hasMessage("duration: the minimum is longer than the maximum");
    }
}
