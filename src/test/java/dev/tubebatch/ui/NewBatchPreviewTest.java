package dev.tubebatch.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import dev.tubebatch.intake.PreviewResult;
import dev.tubebatch.intake.PreviewRunner;
import dev.tubebatch.intake.PreviewRunners;
import dev.tubebatch.support.Eventually;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The new-batch view's preview on the shared views context ({@link ViewsTestBase}): a preview counts only for the
 * input it was made of; a change cancels a running one (and its yt-dlp), and a full node says so.
 */
class NewBatchPreviewTest extends ViewsTestBase {

    @Autowired
    PreviewRunner previews;

    @Test
    void any_change_after_the_preview_turns_start_off_until_the_next_preview() {
        KaribuSupport.signInAndSetUp(context, "admin", "ADMIN", "OPERATOR", "VIEWER");
        int before = queries.overview().size();
        UI.getCurrent().navigate(NewBatchView.class);
        NewBatchView view = _get(NewBatchView.class);
        view.previews = PreviewRunners.on(previews, Runnable::run);
        view.urls.setValue("https://youtu.be/dQw4w9WgXcQ");
        view.preview.click();
        assertThat(view.start.isEnabled()).isTrue();

        view.filters.titleContains.setValue("rust");
        assertThat(view.start.isEnabled()).isFalse();
        view.filters.titleContains.setValue("");
        assertThat(view.start.isEnabled()).as("back to exactly the previewed input").isTrue();

        view.fileReceived("more.txt", "https://youtu.be/9bZkp7q19f0\n".getBytes(StandardCharsets.UTF_8));
        assertThat(view.start.isEnabled()).isFalse();
        view.start();
        assertThat(view.result.getElement().getTextRecursively()).contains("Preview the current input before starting.");
        assertThat(queries.overview()).hasSize(before);

        view.removeFile();
        view.filters.skipProcessed.setValue(false);
        assertThat(view.start.isEnabled()).isFalse();
        view.start();
        assertThat(queries.overview()).hasSize(before);
    }

    @Test
    void a_preview_whose_input_changed_while_it_ran_is_not_used() {
        KaribuSupport.signInAndSetUp(context, "admin", "ADMIN", "OPERATOR", "VIEWER");
        UI.getCurrent().navigate(NewBatchView.class);
        NewBatchView view = _get(NewBatchView.class);
        List<Runnable> pending = new ArrayList<>();
        view.previews = PreviewRunners.on(previews, pending::add);
        view.urls.setValue("https://youtu.be/dQw4w9WgXcQ");
        view.preview.click();
        assertThat(view.preview.isEnabled()).isFalse();
        assertThat(view.working.isVisible()).isTrue();

        view.urls.setValue("https://youtu.be/9bZkp7q19f0");
        pending.getFirst().run();

        assertThat(view.lastPreview()).isNull();
        assertThat(view.start.isEnabled()).isFalse();
        assertThat(view.preview.isEnabled()).isTrue();
        assertThat(view.result.getElement().getTextRecursively())
                .contains("The inputs changed during the preview: preview again.");
        assertThat((java.util.concurrent.Future<?>) pending.getFirst()).isCancelled();
    }

    @Test
    void with_every_preview_place_of_the_node_taken_the_view_says_so_and_previews_again_later() {
        KaribuSupport.signInAndSetUp(context, "admin", "ADMIN", "OPERATOR", "VIEWER");
        UI.getCurrent().navigate(NewBatchView.class);
        NewBatchView view = _get(NewBatchView.class);
        view.previews = PreviewRunners.on(previews, Runnable::run);
        view.urls.setValue("https://youtu.be/dQw4w9WgXcQ");
        List<PreviewRunner.Running> others = PreviewRunners.takeAllPlaces(previews);
        try {
            view.preview.click();

            assertThat(view.result.getElement().getTextRecursively())
                    .isEqualTo("Too many previews are running; try again in a moment.");
            assertThat(view.lastPreview()).isNull();
            assertThat(view.start.isEnabled()).isFalse();
            assertThat(view.preview.isEnabled()).isTrue();
            assertThat(view.working.isVisible()).isFalse();
        } finally {
            others.forEach(PreviewRunner.Running::cancel);
        }

        view.preview.click();
        assertThat(view.lastPreview().videos()).extracting(PreviewResult.PreviewVideo::videoId)
                .containsExactly("dQw4w9WgXcQ");
        assertThat(view.start.isEnabled()).isTrue();
    }

    @Test
    void changing_the_input_cancels_a_running_preview_and_kills_its_yt_dlp() throws Exception {
        KaribuSupport.signInAndSetUp(context, "admin", "ADMIN", "OPERATOR", "VIEWER");
        UI.getCurrent().navigate(NewBatchView.class);
        NewBatchView view = _get(NewBatchView.class);
        String list = "PLslpCancel" + Long.toHexString(System.nanoTime());
        Path pids = FAKE.resolveSibling("state").resolve(list + ".pids");
        view.urls.setValue("https://www.youtube.com/playlist?list=" + list);
        view.preview.click();
        Eventually.within(Duration.ofSeconds(20), "the fake yt-dlp to start sleeping", () -> pids.toFile().length() > 0);
        long pid = new tools.jackson.databind.ObjectMapper().readTree(pids.toFile()).path("pid").asLong();
        assertThat(ProcessHandle.of(pid)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

        view.urls.setValue("https://youtu.be/dQw4w9WgXcQ");

        Eventually.within(Duration.ofSeconds(20), "yt-dlp to be killed",
                () -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
        assertThat(view.start.isEnabled()).isFalse();
        assertThat(view.preview.isEnabled()).isTrue();
    }
}
