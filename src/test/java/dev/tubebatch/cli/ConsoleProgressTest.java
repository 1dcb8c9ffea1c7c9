package dev.tubebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tubebatch.batch.BatchEstimate;
import dev.tubebatch.batch.BatchProgress;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command line's progress line shows the batch's own estimate, as the web app and the API do. */
class ConsoleProgressTest {

    static final BatchProgress PROGRESS = new BatchProgress(10, 4, 1, 1, 0, 3, 1, 0);

    @Test
    void the_progress_line_shows_the_estimates_elapsed_time_and_time_left() {
        BatchEstimate estimate = new BatchEstimate(10, 4, Duration.ofSeconds(130), 1.8, Map.of(), 2.0,
                Duration.ofSeconds(75));

        assertThat(ConsoleProgress.summaryLine(PROGRESS, estimate))
                .isEqualTo("4/10  completed 3  failed 1  running 1  elapsed 2:10  ETA 1:15");
    }

    @Test
    void before_every_step_was_measured_the_time_left_is_unknown() {
        BatchEstimate estimate = new BatchEstimate(10, 4, Duration.ofSeconds(5), 0, Map.of(), 1, null);

        assertThat(ConsoleProgress.summaryLine(PROGRESS, estimate)).endsWith("elapsed 0:05  ETA --:--");
    }
}
