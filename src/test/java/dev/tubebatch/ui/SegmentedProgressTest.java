package dev.tubebatch.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import dev.tubebatch.batch.BatchProgress;
import dev.tubebatch.batch.ItemStatus;
import dev.tubebatch.batch.Step;
import dev.tubebatch.batch.VideoItem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The batch's bar in segments and a video's step with its percent, drawn from counts and the item alone. */
class SegmentedProgressTest {

    // total, pending, queued, running, retrying, completed, failed, cancelled
    private static final BatchProgress MIXED = new BatchProgress(20, 4, 2, 3, 1, 8, 2, 0);

    @Test
    void each_kind_of_video_gets_a_segment_as_wide_as_its_share() {
        assertThat(SegmentedProgress.segments(MIXED)).containsExactly(
                new SegmentedProgress.Segment("completed", 8, 40),
                new SegmentedProgress.Segment("failed", 2, 10),
                new SegmentedProgress.Segment("running", 3, 15),
                new SegmentedProgress.Segment("waiting", 7, 35));
        assertThat(SegmentedProgress.words(MIXED))
                .isEqualTo("8 completed, 2 failed, 3 running, 7 waiting of 20 videos");
    }

    @Test
    void the_bar_shows_only_the_segments_there_are_with_their_widths_and_counts() {
        SegmentedProgress bar = new SegmentedProgress(MIXED);

        List<Component> shown = bar.getChildren().filter(Component::isVisible).toList();
        assertThat(shown).extracting(c -> c.getElement().getAttribute("class"))
                .containsExactly("segment segment-completed", "segment segment-failed", "segment segment-running",
                        "segment segment-waiting");
        assertThat(shown).extracting(c -> c.getElement().getStyle().get("width"))
                .containsExactly("40.000%", "10.000%", "15.000%", "35.000%");
        assertThat(shown.getFirst().getElement().getAttribute("title")).isEqualTo("8 completed");
        assertThat(bar.getElement().getAttribute("aria-label")).isEqualTo(SegmentedProgress.words(MIXED));

        bar.show(new BatchProgress(4, 0, 0, 0, 0, 3, 0, 1));
        assertThat(bar.getChildren().filter(Component::isVisible)).extracting(c -> c.getElement().getStyle().get("width"))
                .containsExactly("75.000%", "25.000%");
    }

    @Test
    void an_empty_batch_draws_an_empty_track() {
        BatchProgress none = new BatchProgress(0, 0, 0, 0, 0, 0, 0, 0);

        assertThat(SegmentedProgress.segments(none)).isEmpty();
        assertThat(new SegmentedProgress(none).getChildren().filter(Component::isVisible)).isEmpty();
        assertThat(SegmentedProgress.words(none)).isEqualTo("No videos");
    }

    @Test
    void a_running_video_shows_its_step_and_percent_and_a_done_one_a_full_bar() {
        VideoItem transcribing = item(ItemStatus.RUNNING, Step.TRANSCRIBE, 0.42f, null);
        assertThat(ItemProgress.label(transcribing)).isEqualTo("Speech to text 42%");
        assertThat(ItemProgress.fraction(transcribing)).isCloseTo(0.42, org.assertj.core.data.Offset.offset(1e-6));

        assertThat(ItemProgress.label(item(ItemStatus.RUNNING, Step.RESOLVE, null, null))).isEqualTo("Metadata");
        assertThat(ItemProgress.label(item(ItemStatus.RETRYING, Step.AUDIO, null, "Waiting for YouTube")))
                .isEqualTo("Waiting for YouTube");
        VideoItem done = item(ItemStatus.COMPLETED, null, null, null);
        assertThat(ItemProgress.label(done)).isEmpty();
        assertThat(ItemProgress.fraction(done)).isEqualTo(1);
    }

    private static VideoItem item(ItemStatus status, @org.jspecify.annotations.Nullable Step step,
            @org.jspecify.annotations.Nullable Float progress, @org.jspecify.annotations.Nullable String waitingFor) {
        return new VideoItem(java.util.UUID.randomUUID(), java.util.UUID.randomUUID(), 1,
                "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "dQw4w9WgXcQ", null, null, null, null, status, step,
                progress, 1, null, null, null, null, null, null, null, null, null, waitingFor);
    }
}
