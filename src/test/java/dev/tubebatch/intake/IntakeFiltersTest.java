package dev.tubebatch.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The preview's filters: duration, upload date, title words, Shorts and live, and the look-ups they need. */
class IntakeFiltersTest extends IntakeServiceTestBase {

    @Test
    void the_minimum_duration_skips_shorter_videos_and_those_of_unknown_length() {
        PreviewResult result = preview(FILTERS, filters(f -> f.min = Duration.ofMinutes(10)));

        assertThat(ids(result)).containsExactly("filtAAAAA01", "filtAAAAA02", "filtAAAAA09");
        assertThat(skipped(result)).contains(
                "pasted text line 1, entry 3: shorter than 10:00 (0:45) (filtAAAAA03 Quick tip #shorts)",
                "pasted text line 1, entry 8: shorter than 10:00 (5:00) (filtAAAAA08 SPONSORED: Python tips)",
                "pasted text line 1, entry 7: duration unknown, so it cannot be checked against the duration filter "
                        + "(filtAAAAA07 Live coding now)");
    }

    @Test
    void the_maximum_duration_skips_longer_videos() {
        PreviewResult result = preview(FILTERS, filters(f -> f.max = Duration.ofMinutes(20)));

        assertThat(ids(result)).containsExactly("filtAAAAA01", "filtAAAAA03", "filtAAAAA08", "filtAAAAA09");
        assertThat(skipped(result)).contains(
                "pasted text line 1, entry 2: longer than 20:00 (1:00:00) (filtAAAAA02 Rust async deep dive)");
    }

    @Test
    void upload_date_after_is_inclusive_and_looks_up_dates_the_listing_lacks() {
        PreviewResult result = preview(FILTERS, filters(f -> f.after = LocalDate.of(2024, 3, 1)));

        assertThat(ids(result)).containsExactly("filtAAAAA02", "filtAAAAA03", "filtAAAAA07", "filtAAAAA09");
        assertThat(skipped(result)).contains(
                "pasted text line 1, entry 1: uploaded 2024-01-10, before 2024-03-01 (filtAAAAA01 Intro to Rust)",
                "pasted text line 1, entry 8: uploaded 2023-12-01, before 2024-03-01 (filtAAAAA08 SPONSORED: Python tips)");
        // Entries 7 and 9 have no date in the listing: each was looked up once, and nothing else was.
        assertThat(newCalls()).hasSize(3);
        assertThat(newCalls().subList(1, 3)).extracting(List::getLast).containsExactlyInAnyOrder(
                "https://www.youtube.com/watch?v=filtAAAAA07", "https://www.youtube.com/watch?v=filtAAAAA09");
        assertThat(result.videos().get(3).uploadDate()).isEqualTo(LocalDate.of(2024, 6, 15));
    }

    @Test
    void upload_date_before_is_inclusive() {
        PreviewResult result = preview(FILTERS, filters(f -> f.before = LocalDate.of(2024, 3, 1)));

        assertThat(ids(result)).containsExactly("filtAAAAA01", "filtAAAAA02", "filtAAAAA08");
        assertThat(skipped(result)).contains(
                "pasted text line 1, entry 3: uploaded 2024-03-05, after 2024-03-01 (filtAAAAA03 Quick tip #shorts)",
                "pasted text line 1, entry 9: uploaded 2024-06-15, after 2024-03-01 (filtAAAAA09 Go generics)");
    }

    @Test
    void title_contains_and_excludes_ignore_case() {
        assertThat(ids(preview(FILTERS, filters(f -> f.contains = "RUST"))))
                .containsExactly("filtAAAAA01", "filtAAAAA02");
        PreviewResult excluded = preview(FILTERS, filters(f -> f.excludes = "sponsored"));
        assertThat(ids(excluded)).containsExactly("filtAAAAA01", "filtAAAAA02", "filtAAAAA03", "filtAAAAA07",
                "filtAAAAA09");
        assertThat(skipped(excluded)).contains(
                "pasted text line 1, entry 8: title contains 'sponsored' (filtAAAAA08 SPONSORED: Python tips)");
    }

    @Test
    void skip_shorts_and_skip_live() {
        PreviewResult noShorts = preview(FILTERS, filters(f -> f.shorts = true));
        assertThat(ids(noShorts)).containsExactly("filtAAAAA01", "filtAAAAA02", "filtAAAAA07", "filtAAAAA08",
                "filtAAAAA09");
        assertThat(skipped(noShorts)).contains(
                "pasted text line 1, entry 3: YouTube Short (skip Shorts is on) (filtAAAAA03 Quick tip #shorts)");

        PreviewResult noLive = preview(FILTERS, filters(f -> f.live = true));
        assertThat(ids(noLive)).containsExactly("filtAAAAA01", "filtAAAAA02", "filtAAAAA03", "filtAAAAA08",
                "filtAAAAA09");
        assertThat(skipped(noLive)).contains(
                "pasted text line 1, entry 7: live stream (skip live is on) (filtAAAAA07 Live coding now)");

        PreviewResult shortsTab = intake.preview(new PreviewRequest("https://www.youtube.com/@intakeshorts/shorts",
                null, null, 10, filters(f -> f.shorts = true)));
        assertThat(shortsTab.videos()).isEmpty();
        assertThat(shortsTab.skipped()).hasSize(3);
    }

    @Test
    void pasted_videos_are_looked_up_when_a_filter_needs_their_facts() {
        PreviewResult result = preview("pasteAAAA01\nhttps://youtu.be/pasteAAAA02\npasteAAAA03\nprvAAAAAA99\n",
                filters(f -> {
                    f.shorts = true;
                    f.live = true;
                    f.min = Duration.ofMinutes(1);
                }));

        assertThat(result.videos()).containsExactly(new PreviewResult.PreviewVideo("pasteAAAA01",
                "https://www.youtube.com/watch?v=pasteAAAA01", "Pasted long talk", 5400, LocalDate.of(2024, 5, 20),
                new PreviewResult.Source("pasted text", 1, null), "Intake Channel"));
        assertThat(skipped(result)).containsExactly(
                "pasted text line 2: YouTube Short (skip Shorts is on) (pasteAAAA02 Pasted short clip)",
                "pasted text line 3: live stream (skip live is on) (pasteAAAA03 Pasted live)",
                "pasted text line 4: unavailable: yt-dlp failed (PRIVATE, exit 1): ERROR: [youtube] prvAAAAAA99: "
                        + "Private video. Sign in if you've been granted access to this video (prvAAAAAA99)");
        assertThat(newCalls()).hasSize(4).allSatisfy(argv -> assertThat(argv).contains("--no-playlist", "-J"));
    }
}
