package dev.tubebatch.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteParameters;
import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchChange;
import dev.tubebatch.batch.BatchEvents;
import dev.tubebatch.batch.BatchOverview;
import dev.tubebatch.batch.BatchService;
import dev.tubebatch.batch.ItemStatus;
import dev.tubebatch.batch.ItemTracker;
import dev.tubebatch.batch.NewBatch;
import dev.tubebatch.batch.OnErrorPolicy;
import dev.tubebatch.batch.VideoItem;
import dev.tubebatch.support.Eventually;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

/** The views in the test's JVM (karibu-testing), on the embedded PostgreSQL, with no job workers. */
@SpringBootTest(properties = {
        "tubebatch.database.embedded.clean=true",
        "tubebatch.database.embedded.data-directory=target/test-pg/ui",
        "jobrunr.background-job-server.enabled=false",
        "jobrunr.dashboard.enabled=false"})
class ViewsTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    BatchService batches;

    @Autowired
    ItemTracker tracker;

    @Autowired
    BatchEvents events;

    @AfterEach
    void tearDown() {
        KaribuSupport.tearDown();
    }

    @Test
    void a_new_batch_with_two_urls_opens_its_batch_view_listing_both_videos() {
        KaribuSupport.signInAndSetUp(context, "admin", "ADMIN", "OPERATOR", "VIEWER");
        UI.getCurrent().navigate(NewBatchView.class);
        NewBatchView view = _get(NewBatchView.class);

        view.name.setValue("Two videos");
        view.urls.setValue("https://www.youtube.com/watch?v=dQw4w9WgXcQ\nhttps://youtu.be/9bZkp7q19f0\n");
        view.preview.click();
        assertThat(view.start.isEnabled()).isTrue();
        view.start.click();

        BatchView batchView = _get(BatchView.class);
        assertThat(GridKt._size(batchView.grid)).isEqualTo(2);
        assertThat(GridKt._getFormatted(batchView.grid, 0, "video")).isEqualTo("dQw4w9WgXcQ");
        assertThat(GridKt._getFormatted(batchView.grid, 1, "video")).isEqualTo("9bZkp7q19f0");
        assertThat(batchView.title.getText()).isEqualTo("Two videos");
        Batch created = batches.overview().getFirst().batch();
        assertThat(created.name()).isEqualTo("Two videos");
        assertThat(created.createdBy()).isEqualTo("admin");
    }

    @Test
    void bad_lines_are_reported_per_line_and_nothing_is_created() {
        KaribuSupport.signInAndSetUp(context, "admin", "ADMIN", "OPERATOR", "VIEWER");
        int before = batches.overview().size();
        UI.getCurrent().navigate(NewBatchView.class);
        NewBatchView view = _get(NewBatchView.class);

        view.urls.setValue("\n\njunk\nhttps://vimeo.com/123\njavascript:alert(1)\n-o/etc/passwd\n");
        view.preview.click();

        assertThat(view.rejections()).extracting(Object::toString).containsExactly(
                "line 3: not a YouTube URL or video id (junk)",
                "line 4: not a YouTube URL (host vimeo.com) (https://vimeo.com/123)",
                "line 5: 'javascript:' links are not accepted: use an https YouTube URL (javascript:alert(1))",
                "line 6: starts with '-': not a URL (-o/etc/passwd)");
        assertThat(view.result.getElement().getTextRecursively()).contains("line 4: not a YouTube URL")
                .contains("No videos to process");
        assertThat(view.start.isEnabled()).isFalse();
        view.start.click();
        assertThat(batches.overview()).hasSize(before);

        view.urls.setValue("https://youtu.be/dQw4w9WgXcQ\n".repeat(5 * 1024 * 1024 / 29 + 1));
        view.preview.click();
        assertThat(view.result.getElement().getTextRecursively()).contains("The input is 5.0 MB; the limit is 1.0 MB");
        assertThat(view.start.isEnabled()).isFalse();
        assertThat(batches.overview()).hasSize(before);
    }

    @Test
    void the_batch_view_follows_changes_to_its_videos() {
        KaribuSupport.signInAndSetUp(context, "viewer", "VIEWER");
        Batch batch = batches.create(new NewBatch("Live", List.of(new NewBatch.NewVideo(
                "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "dQw4w9WgXcQ")), null, 0, OnErrorPolicy.CONTINUE),
                "admin");
        UI.getCurrent().navigate(BatchView.class, new RouteParameters("batchId", batch.id().toString()));
        BatchView view = _get(BatchView.class);
        assertThat(GridKt._getFormatted(view.grid, 0, "video")).isEqualTo("dQw4w9WgXcQ");
        assertThat(view.downloadZip.getHref()).isEqualTo("downloads/batches/" + batch.id() + ".zip");
        assertThat(view.downloadPdf.getHref()).isEqualTo("downloads/batches/" + batch.id() + ".pdf");

        VideoItem item = batches.items(batch.id()).getFirst();
        tracker.metadata(item, "Never Gonna Give You Up", "Rick Astley", 213, null);
        events.publish(new BatchChange(batch.id(), item.id()));

        Eventually.within(Duration.ofSeconds(5), "the grid to show the new title", () -> {
            MockVaadin.clientRoundtrip(false);
            return GridKt._getFormatted(view.grid, 0, "video").equals("Never Gonna Give You Up");
        });
        assertThat(view.counts.getText()).contains("0 of 1 done");
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

    @Test
    void the_batch_list_shows_every_batch_with_its_counts() {
        KaribuSupport.signInAndSetUp(context, "viewer", "VIEWER");
        batches.create(new NewBatch("Listed " + UUID.randomUUID(), List.of(new NewBatch.NewVideo(
                "https://www.youtube.com/watch?v=9bZkp7q19f0", "9bZkp7q19f0")), null, 0, OnErrorPolicy.CONTINUE),
                "admin");
        UI.getCurrent().navigate(BatchesView.class);
        BatchesView view = _get(BatchesView.class);

        List<BatchOverview> shown = GridKt._findAll(view.grid);
        assertThat(shown).hasSameSizeAs(batches.overview());
        assertThat(GridKt._getFormatted(view.grid, 0, "done")).isEqualTo("0 of 1");
    }
}
