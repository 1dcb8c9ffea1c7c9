package dev.tubebatch.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a preview's skipped lines group by cause, for the preview's grouped list. */
class PreviewResultTest {

    private static final PreviewResult.Source LINE = new PreviewResult.Source("pasted text", 1, null);

    @Test
    void a_skipped_lines_kind_is_its_reason_without_what_varies_from_line_to_line() {
        assertThat(List.of(
                "not a YouTube URL (host vimeo.com)",
                "duplicate of pasted text line 1, entry 1",
                "already processed in batch 'Talks': its transcript is stored (turn off 'skip already processed')",
                "uploaded 2024-07-01, after 2024-06-30",
                "12 entries not taken: over the limit of 5000 videos per batch",
                "could not list it: yt-dlp failed (exit 1)",
                "'javascript:' links are not accepted: use an https YouTube URL",
                "shorter than 1:00 (0:45)",
                "private video"))
                .map(reason -> new PreviewResult.Skipped(LINE, "x", reason).kind())
                .containsExactly(
                        "not a YouTube URL",
                        "duplicate",
                        "already processed in an earlier batch",
                        "uploaded after 2024-06-30",
                        "entries not taken: over the limit of 5000 videos per batch",
                        "could not list it",
                        "'javascript:' links are not accepted",
                        "shorter than 1:00",
                        "private video");
    }

    @Test
    void skipped_lines_group_by_kind_in_the_order_of_their_first_line() {
        PreviewResult result = new PreviewResult(List.of(), List.of(
                new PreviewResult.Skipped(LINE, "a", "private video"),
                new PreviewResult.Skipped(LINE, "b", "duplicate of line 1"),
                new PreviewResult.Skipped(LINE, "c", "private video")), List.of(), 0, 0);

        assertThat(result.skippedByKind()).containsOnlyKeys("private video", "duplicate");
        assertThat(result.skippedByKind().keySet()).containsExactly("private video", "duplicate");
        assertThat(result.skippedByKind().get("private video")).extracting(PreviewResult.Skipped::text)
                .containsExactly("a", "c");
    }
}
