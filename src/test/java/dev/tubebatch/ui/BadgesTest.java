package dev.tubebatch.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Span;
import dev.tubebatch.batch.BatchStatus;
import dev.tubebatch.batch.ItemStatus;
import org.junit.jupiter.api.Test;

/** A status badge's words and Lumo badge colour. */
class BadgesTest {

    @Test
    void each_status_gets_its_words_and_colour() {
        Span done = Badges.of(ItemStatus.COMPLETED);
        assertThat(done.getText()).isEqualTo("Completed");
        assertThat(done.getElement().getAttribute("theme")).isEqualTo("badge success");
        assertThat(Badges.theme(ItemStatus.FAILED)).isEqualTo("badge error");
        assertThat(Badges.theme(ItemStatus.RUNNING)).isEqualTo("badge");
        assertThat(Badges.theme(ItemStatus.QUEUED)).isEqualTo("badge contrast");
        assertThat(Badges.theme(BatchStatus.PAUSED)).isEqualTo("badge contrast");
        assertThat(Badges.theme(BatchStatus.COMPLETED_WITH_FAILURES)).isEqualTo("badge warning");
        assertThat(Badges.words(BatchStatus.COMPLETED_WITH_FAILURES)).isEqualTo("Completed with failures");
    }

    @Test
    void a_badge_on_screen_follows_a_new_status() {
        Span badge = Badges.of(BatchStatus.RUNNING);
        Badges.show(badge, BatchStatus.CANCELLED);

        assertThat(badge.getText()).isEqualTo("Cancelled");
        assertThat(badge.getClassNames()).containsExactlyInAnyOrder("status-badge", "status-CANCELLED");
        assertThat(badge.getElement().getAttribute("theme")).isEqualTo("badge contrast");
    }
}
