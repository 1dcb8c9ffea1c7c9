package dev.tubebatch.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteParameters;
import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.NewBatch;
import dev.tubebatch.batch.OnErrorPolicy;
import dev.tubebatch.batch.VideoItem;
import dev.tubebatch.intake.PreviewResult;
import dev.tubebatch.intake.PreviewRunner;
import dev.tubebatch.intake.PreviewRunners;
import dev.tubebatch.support.Eventually;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * The new-batch view on the shared views context ({@link ViewsTestBase}): a batch made from pasted lines, an uploaded
 * file, a channel and filters, what it refuses (bad lines, a caption language that is no code, a viewer), and that
 * start takes exactly what the preview showed.
 */
class NewBatchViewTest extends ViewsTestBase {

    @Autowired
    PreviewRunner previews;

    @Test
    void a_new_batch_with_two_urls_opens_its_batch_view_listing_both_videos() {
        KaribuSupport.signInAndSetUp(context, "admin", "ADMIN", "OPERATOR", "VIEWER");
        UI.getCurrent().navigate(NewBatchView.class);
        NewBatchView view = _get(NewBatchView.class);

        view.name.setValue("Two videos");
        view.urls.setValue("https://www.youtube.com/watch?v=dQw4w9WgXcQ\nhttps://youtu.be/9bZkp7q19f0\n");
        view.options.summaryPreset.setValue("action-items");
        view.options.summaryInstruction.setValue("Name every tool.");
        view.options.captionLanguages.setValue("de, orig");
        view.options.translatedCaptions.setValue(true);
        view.preview.click();
        // The preview runs on another thread and comes back through UI.access, as with push in a browser.
        Eventually.within(Duration.ofSeconds(20), "the preview to arrive", () -> {
            MockVaadin.clientRoundtrip(false);
            return view.lastPreview() != null;
        });
        assertThat(view.result.getElement().getTextRecursively()).contains("2 videos");
        assertThat(view.start.isEnabled()).isTrue();
        view.start.click();

        BatchView batchView = _get(BatchView.class);
        assertThat(GridKt._size(batchView.grid)).isEqualTo(2);
        assertThat(GridKt._getFormatted(batchView.grid, 0, "video")).isEqualTo("dQw4w9WgXcQ");
        assertThat(GridKt._getFormatted(batchView.grid, 1, "video")).isEqualTo("9bZkp7q19f0");
        assertThat(batchView.title.getText()).isEqualTo("Two videos");
        Batch created = queries.overview().getFirst().batch();
        assertThat(created.name()).isEqualTo("Two videos");
        assertThat(created.createdBy()).isEqualTo("admin");
        assertThat(queries.options(created.id())).isEqualTo(new dev.tubebatch.batch.BatchOptions(true, null,
                "action-items", "Name every tool.", null, List.of("de", "orig"), true));
    }

    @Test
    void a_caption_language_that_is_no_language_code_is_shown_on_its_field_and_nothing_is_created() {
        KaribuSupport.signInAndSetUp(context, "admin", "ADMIN", "OPERATOR", "VIEWER");
        UI.getCurrent().navigate(NewBatchView.class);
        NewBatchView view = _get(NewBatchView.class);
        view.urls.setValue("https://www.youtube.com/watch?v=dQw4w9WgXcQ\n");
        view.preview.click();
        Eventually.within(Duration.ofSeconds(20), "the preview to arrive", () -> {
            MockVaadin.clientRoundtrip(false);
            return view.lastPreview() != null;
        });
        int before = queries.overview().size();

        view.options.captionLanguages.setValue("de, en;rm");
        assertThat(view.options.captionLanguages.isInvalid()).isTrue();
        assertThat(view.options.captionLanguages.getErrorMessage()).contains("'en;rm' (entry 2) is not a language code");
        view.start.click();

        assertThat(queries.overview()).hasSize(before);
        assertThat(view.options.captionLanguages.isInvalid()).isTrue();
        view.options.captionLanguages.setValue("de en");
        assertThat(view.options.captionLanguages.isInvalid()).isFalse();
    }

    @Test
    void bad_lines_are_reported_per_line_and_nothing_is_created() {
        KaribuSupport.signInAndSetUp(context, "admin", "ADMIN", "OPERATOR", "VIEWER");
        int before = queries.overview().size();
        UI.getCurrent().navigate(NewBatchView.class);
        NewBatchView view = _get(NewBatchView.class);
        view.previews = PreviewRunners.on(previews, Runnable::run);

        view.urls.setValue("\n\njunk\nhttps://vimeo.com/123\njavascript:alert(1)\n-o/etc/passwd\n");
        view.preview.click();

        assertThat(view.rejections()).extracting(Object::toString).containsExactly(
                "pasted text line 3: not a YouTube URL or video id (junk)",
                "pasted text line 4: not a YouTube URL (host vimeo.com) (https://vimeo.com/123)",
                "pasted text line 5: 'javascript:' links are not accepted: use an https YouTube URL (javascript:alert(1))",
                "pasted text line 6: starts with '-': not a URL (-o/etc/passwd)");
        assertThat(view.result.getElement().getTextRecursively()).contains("line 4: not a YouTube URL")
                .contains("No videos to process");
        assertThat(view.start.isEnabled()).isFalse();
        view.start.click();
        assertThat(queries.overview()).hasSize(before);

        view.urls.setValue("https://youtu.be/dQw4w9WgXcQ\n".repeat(5 * 1024 * 1024 / 29 + 1));
        view.preview.click();
        assertThat(view.result.getElement().getTextRecursively()).contains("The input is 5.0 MB; the limit is 1.0 MB");
        assertThat(view.start.isEnabled()).isFalse();
        assertThat(queries.overview()).hasSize(before);
    }

    @Test
    void text_an_uploaded_file_a_channel_and_filters_preview_with_reasons_and_totals_and_start_takes_exactly_that() {
        KaribuSupport.signInAndSetUp(context, "admin", "ADMIN", "OPERATOR", "VIEWER");
        UI.getCurrent().navigate(NewBatchView.class);
        NewBatchView view = _get(NewBatchView.class);
        view.previews = PreviewRunners.on(previews, Runnable::run);

        view.name.setValue("Intake " + UUID.randomUUID());
        view.urls.setValue("https://www.youtube.com/playlist?list=PLintakeFilters\nnot a url\n");
        UploadKt._upload(view.upload, "urls.csv", """
                url,note
                https://www.youtube.com/@intakechannel,latest
                https://youtu.be/filtAAAAA01,again
                """.getBytes(StandardCharsets.UTF_8));
        MockVaadin.clientRoundtrip(false);
        assertThat(view.fileLabel.getText()).isEqualTo("urls.csv (90 bytes)");
        view.filters.recent.setValue(3);
        view.filters.minMinutes.setValue(1);
        view.filters.titleExcludes.setValue("sponsored");
        view.filters.uploadedBefore.setValue(LocalDate.of(2024, 6, 30));
        view.filters.skipShorts.setValue(true);
        view.filters.skipLive.setValue(true);
        view.preview.click();

        PreviewResult shown = view.lastPreview();
        assertThat(shown.videos()).extracting(PreviewResult.PreviewVideo::videoId).containsExactly(
                "filtAAAAA01", "filtAAAAA02", "filtAAAAA09", "chanAAAAA01", "chanAAAAA02", "chanAAAAA03");
        String text = view.result.getElement().getTextRecursively();
        PreviewGrid grid = java.util.Objects.requireNonNull(view.result.videos);
        assertThat(List.of("title", "channel", "duration", "uploaded", "source"))
                .map(column -> GridKt._getFormatted(grid, 0, column))
                .containsExactly("Intro to Rust", "Intake Channel", "10:00", "2024-01-10", "pasted text line 1, entry 1");
        assertThat(text).contains("6 videos, 1:40:00 in all")
                .contains("duplicate — 1").contains("private video — 1")
                .contains("pasted text line 1, entry 4: private video")
                .contains("pasted text line 1, entry 3: YouTube Short (skip Shorts is on)")
                .contains("pasted text line 1, entry 7: live stream (skip live is on)")
                .contains("pasted text line 1, entry 8: title contains 'sponsored'")
                .contains("pasted text line 2: contains spaces or control characters")
                .contains("urls.csv line 3: duplicate of pasted text line 1, entry 1");
        assertThat(view.start.isEnabled()).isTrue();
        view.start.click();

        BatchView batchView = _get(BatchView.class);
        assertThat(GridKt._size(batchView.grid)).isEqualTo(6);
        List<String> created = queries.items(queries.overview().getFirst().batch().id()).stream()
                .map(VideoItem::videoId).toList();
        assertThat(created).containsExactly("filtAAAAA01", "filtAAAAA02", "filtAAAAA09", "chanAAAAA01",
                "chanAAAAA02", "chanAAAAA03");
    }

    @Test
    void a_viewer_can_neither_open_nor_use_new_batch_and_sees_no_controls() {
        KaribuSupport.signInAndSetUp(context, "viewer", "VIEWER");

        assertThatThrownBy(() -> UI.getCurrent().navigate("new"))
                .hasMessageContaining("Access is denied by annotations on the view");
        _assertNone(NewBatchView.class);

        NewBatchView view = context.getAutowireCapableBeanFactory().createBean(NewBatchView.class);
        view.urls.setValue("https://youtu.be/dQw4w9WgXcQ");
        assertThatThrownBy(view::preview).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(view::start).isInstanceOf(AccessDeniedException.class);

        Batch batch = batches.create(new NewBatch("Viewer", List.of(new NewBatch.NewVideo(
                "https://www.youtube.com/watch?v=9bZkp7q19f0", "9bZkp7q19f0")), null, 0, OnErrorPolicy.CONTINUE),
                "admin");
        UI.getCurrent().navigate(BatchView.class, new RouteParameters("batchId", batch.id().toString()));
        BatchView batchView = _get(BatchView.class);
        assertThat(batchView.cancel.getParent().orElseThrow().isVisible()).isFalse();
    }
}
