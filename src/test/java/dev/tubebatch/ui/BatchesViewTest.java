package dev.tubebatch.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchOverview;
import dev.tubebatch.batch.NewBatch;
import dev.tubebatch.batch.OnErrorPolicy;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The batch list on the shared views context ({@link ViewsTestBase}): every batch with its counts, and its filters. */
class BatchesViewTest extends ViewsTestBase {

    @Test
    void the_batch_list_shows_every_batch_with_its_counts() {
        KaribuSupport.signInAndSetUp(context, "viewer", "VIEWER");
        batches.create(new NewBatch("Listed " + UUID.randomUUID(), List.of(new NewBatch.NewVideo(
                "https://www.youtube.com/watch?v=9bZkp7q19f0", "9bZkp7q19f0")), null, 0, OnErrorPolicy.CONTINUE),
                "admin");
        UI.getCurrent().navigate(BatchesView.class);
        BatchesView view = _get(BatchesView.class);

        List<BatchOverview> shown = GridKt._findAll(view.grid);
        assertThat(shown).hasSameSizeAs(queries.overview());
        assertThat(GridKt._getFormatted(view.grid, 0, "done")).isEqualTo("0 of 1");
        assertThat(GridKt._getCellComponent(view.grid, 0, "progress")).isInstanceOf(SegmentedProgress.class);
    }

    @Test
    void the_batch_list_filters_by_name_and_status() {
        KaribuSupport.signInAndSetUp(context, "viewer", "VIEWER");
        String unique = "Filtered " + UUID.randomUUID();
        Batch batch = batches.create(new NewBatch(unique, List.of(new NewBatch.NewVideo(
                "https://www.youtube.com/watch?v=9bZkp7q19f0", "9bZkp7q19f0")), null, 0, OnErrorPolicy.CONTINUE),
                "admin");
        batches.pause(batch.id());
        UI.getCurrent().navigate(BatchesView.class);
        BatchesView view = _get(BatchesView.class);
        view.search.setValue(unique.toUpperCase(java.util.Locale.ROOT));
        assertThat(GridKt._findAll(view.grid)).extracting(o -> o.batch().id()).containsExactly(batch.id());
        view.statusFilter.setValue(dev.tubebatch.batch.BatchStatus.RUNNING);
        assertThat(GridKt._findAll(view.grid)).isEmpty();
        view.statusFilter.setValue(dev.tubebatch.batch.BatchStatus.PAUSED);
        assertThat(GridKt._findAll(view.grid)).hasSize(1);
    }
}
