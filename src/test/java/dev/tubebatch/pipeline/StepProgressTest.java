package dev.tubebatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** How often a step's progress reaches the database: on 5 points gained, or once a second. */
class StepProgressTest {

    private final AtomicLong now = new AtomicLong();
    private final List<Double> written = new ArrayList<>();
    private final StepProgress progress = new StepProgress(written::add, now::get);

    @Test
    void a_thousand_small_steps_within_a_second_are_written_every_five_points() {
        for (int i = 1; i <= 1000; i++) {
            progress.accept(i / 1000.0);
        }

        assertThat(written).hasSize(20);
        assertThat(written.getFirst()).isEqualTo(0.05);
        assertThat(written.getLast()).isEqualTo(1.0);
    }

    @Test
    void a_small_gain_is_written_once_a_second_has_passed() {
        progress.accept(0.01);
        now.addAndGet(999_000_000L);
        progress.accept(0.02);
        assertThat(written).isEmpty();

        now.addAndGet(1_000_000L);
        progress.accept(0.03);
        assertThat(written).containsExactly(0.03);
    }

    @Test
    void the_end_is_always_written() {
        progress.accept(0.97);
        progress.accept(1);

        assertThat(written).containsExactly(0.97, 1.0);
    }

    @Test
    void progress_only_goes_forward_and_stays_between_nothing_and_all() {
        progress.accept(0.5);
        progress.accept(0.2);
        progress.accept(Double.NaN);
        progress.accept(7);

        assertThat(written).containsExactly(0.5, 1.0);
    }
}
