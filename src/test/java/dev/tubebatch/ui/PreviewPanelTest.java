package dev.tubebatch.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Image;
import dev.tubebatch.batch.BatchQueries;
import dev.tubebatch.intake.PreviewResult;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The preview under the new-batch form, rendered from a result and a plan alone (no services, no database). */
class PreviewPanelTest {

    private static final PreviewResult.Source PASTED = new PreviewResult.Source("pasted text", 1, null);
    /** 120 recommended, 4 workers, 1 slot at 120 videos an hour, nothing measured. */
    private static final PreviewPlan UNMEASURED = new PreviewPlan(120, 4, 1, 120, null);

    private final PreviewPanel panel = new PreviewPanel();

    @BeforeEach
    void setUp() {
        MockVaadin.setup();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void the_grid_shows_each_video_with_a_thumbnail_built_from_its_id_and_its_title_channel_duration_date_and_source() {
        panel.show(result(List.of(new PreviewResult.PreviewVideo("dQw4w9WgXcQ",
                "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "Never gonna", 212, LocalDate.of(2009, 10, 25),
                new PreviewResult.Source("urls.csv", 3, 2), "Rick")), List.of()), UNMEASURED);

        PreviewGrid grid = Objects.requireNonNull(panel.videos);
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(List.of("title", "channel", "duration", "uploaded", "source"))
                .map(column -> GridKt._getFormatted(grid, 0, column))
                .containsExactly("Never gonna", "Rick", "3:32", "2009-10-25", "urls.csv line 3, entry 2");
        assertThat(GridKt._getCellComponent(grid, 0, "thumbnail")).isInstanceOfSatisfying(Image.class,
                image -> assertThat(image.getSrc()).isEqualTo("https://i.ytimg.com/vi/dQw4w9WgXcQ/mqdefault.jpg"));
    }

    @Test
    void a_thumbnail_url_is_built_only_from_a_valid_eleven_character_video_id() {
        assertThat(PreviewGrid.thumbnailUrl("9bZkp7q19f0")).isEqualTo("https://i.ytimg.com/vi/9bZkp7q19f0/mqdefault.jpg");
        assertThat(PreviewGrid.thumbnailUrl("../../evil")).isNull();
        assertThat(PreviewGrid.thumbnailUrl("dQw4w9WgXcQ\"onerror")).isNull();
        assertThat(PreviewGrid.thumbnailUrl("")).isNull();
    }

    @Test
    void skipped_lines_are_grouped_by_cause_each_group_with_its_count_and_its_lines() {
        panel.show(result(List.of(video("dQw4w9WgXcQ")), List.of(
                new PreviewResult.Skipped(line(2), "junk", "not a YouTube URL or video id"),
                new PreviewResult.Skipped(line(3), "https://vimeo.com/1", "not a YouTube URL (host vimeo.com)"),
                new PreviewResult.Skipped(line(4), "https://youtu.be/dQw4w9WgXcQ", "duplicate of pasted text line 1"),
                new PreviewResult.Skipped(line(5), "https://vimeo.com/2", "not a YouTube URL (host vimeo.com)"),
                new PreviewResult.Skipped(line(6), "dQw4w9WgXcQ", "duplicate of pasted text line 1"))), UNMEASURED);

        List<Details> groups = _find(Objects.requireNonNull(panel.skipped), Details.class);
        assertThat(groups).extracting(Details::getSummaryText).containsExactly(
                "not a YouTube URL or video id — 1", "not a YouTube URL — 2", "duplicate — 2");
        assertThat(groups).noneMatch(Details::isOpened);
        assertThat(groups.get(1).getElement().getTextRecursively())
                .contains("pasted text line 3: not a YouTube URL (host vimeo.com) (https://vimeo.com/1)")
                .contains("pasted text line 5: not a YouTube URL (host vimeo.com) (https://vimeo.com/2)");
        assertThat(panel.getElement().getTextRecursively()).contains("5 line(s) or video(s) skipped:");
    }

    @Test
    void a_batch_larger_than_recommended_gets_a_warning_that_says_to_split_it_or_raise_workers() {
        List<PreviewResult.PreviewVideo> many = IntStream.range(0, 250).mapToObj(n -> video(String.format("v%010d", n)))
                .toList();
        panel.show(result(many, List.of()), UNMEASURED);

        assertThat(Objects.requireNonNull(panel.sizeWarning).getText())
                .contains("This batch has 250 videos, more than the 120 recommended")
                .contains("Split it into 3 batches of at most 120").contains("raise workers");
        assertThat(panel.getElement().getTextRecursively())
                .contains("Recommended batch size on this machine: 120 videos");

        panel.show(result(many.subList(0, 120), List.of()), UNMEASURED);
        assertThat(panel.sizeWarning).isNull();
    }

    @Test
    void the_estimate_is_count_times_the_measured_time_per_video_over_the_workers_or_says_nothing_was_measured() {
        PreviewPlan measured = new PreviewPlan(120, 4, 1, 120, new BatchQueries.VideoTimes(12, 90));
        assertThat(measured.estimate(40)).isEqualTo("Estimated time: about 15:00 (40 × 1:30 per video, the average "
                + "of 12 recently completed videos, ÷ 4 workers).");
        assertThat(UNMEASURED.estimate(60)).startsWith("Estimated time: no measurements yet")
                .contains("about 30:00 at 120 videos per hour");
    }

    private static PreviewResult result(List<PreviewResult.PreviewVideo> videos, List<PreviewResult.Skipped> skipped) {
        return new PreviewResult(videos, skipped, List.of(), 0, videos.size());
    }

    private static PreviewResult.PreviewVideo video(String id) {
        return new PreviewResult.PreviewVideo(id, "https://www.youtube.com/watch?v=" + id, null, null, null, PASTED);
    }

    private static PreviewResult.Source line(int n) {
        return new PreviewResult.Source("pasted text", n, null);
    }
}
