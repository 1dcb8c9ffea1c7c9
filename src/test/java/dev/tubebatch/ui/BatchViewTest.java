package dev.tubebatch.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.router.RouteParameters;
import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.ErrorKind;
import dev.tubebatch.batch.ItemRun;
import dev.tubebatch.batch.ItemRuns;
import dev.tubebatch.batch.ItemStatus;
import dev.tubebatch.batch.ItemTracker;
import dev.tubebatch.batch.NewBatch;
import dev.tubebatch.batch.OnErrorPolicy;
import dev.tubebatch.batch.Segment;
import dev.tubebatch.batch.Step;
import dev.tubebatch.batch.StepOutcome;
import dev.tubebatch.batch.Summary;
import dev.tubebatch.batch.Transcript;
import dev.tubebatch.batch.TranscriptSource;
import dev.tubebatch.batch.TranscriptStore;
import dev.tubebatch.batch.VideoItem;
import dev.tubebatch.support.Eventually;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The batch view's toolbar (status filter, search), its video drawer, and the notice when a batch ends. */
class BatchViewTest extends ViewsTestBase {

    @Autowired
    ItemTracker tracker;

    @Autowired
    ItemRuns runs;

    @Autowired
    TranscriptStore transcripts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_grid_filters_by_status_and_searches_titles_and_video_ids_in_any_case() {
        KaribuSupport.signInAndSetUp(context, "viewer", "VIEWER");
        Batch batch = batch("Search", "dQw4w9WgXcQ", "9bZkp7q19f0", "jNQXAC9IVRw");
        List<VideoItem> items = queries.items(batch.id());
        tracker.metadata(items.get(0), "Never Gonna Give You Up", "Rick Astley", 213, null);
        tracker.metadata(items.get(1), "Gangnam Style", "PSY", 253, null);
        tracker.metadata(items.get(2), "Me at the zoo (100% real_)", "jawed", 19, null);
        fail(items.get(1), "HTTP Error 410: Gone");
        BatchView view = open(batch);

        view.search.setValue("gonna");
        assertThat(videos(view)).containsExactly("Never Gonna Give You Up");
        view.search.setValue("9BZKP7");
        assertThat(videos(view)).containsExactly("Gangnam Style");
        view.search.setValue("100% real_");
        assertThat(videos(view)).containsExactly("Me at the zoo (100% real_)");
        view.search.setValue("%");
        assertThat(videos(view)).containsExactly("Me at the zoo (100% real_)"); // a literal %, not a wildcard
        view.search.setValue("");
        assertThat(videos(view)).hasSize(3);

        view.filter.setValue(ItemStatus.FAILED);
        assertThat(videos(view)).containsExactly("Gangnam Style");
        view.search.setValue("zoo");
        assertThat(videos(view)).isEmpty();
        view.filter.setValue(null);
        assertThat(videos(view)).containsExactly("Me at the zoo (100% real_)");
    }

    @Test
    void the_drawer_shows_every_try_the_summary_and_the_transcript_with_each_timestamp_linked_to_its_moment() {
        KaribuSupport.signInAndSetUp(context, "viewer", "VIEWER");
        Batch batch = batch("Drawer", "jNQXAC9IVRw");
        VideoItem item = queries.items(batch.id()).getFirst();
        ItemRun first = start(item);
        first.stepStarted(Step.RESOLVE);
        first.retryAfter(ErrorKind.NETWORK, "Connection reset by peer", null, Duration.ofHours(1));
        ItemRun second = start(item);
        second.stepStarted(Step.RESOLVE);
        second.stepDone(Step.RESOLVE, StepOutcome.DONE, null, Instant.now().minusSeconds(3));
        second.succeeded();
        transcripts.save(new Transcript(item.id(), "en", TranscriptSource.CAPTIONS, List.of(
                new Segment(0, 4, "Here we are in front of the elephants."),
                new Segment(75.6, 80, "And that's pretty much all there is to say."))));
        transcripts.save(new Summary(item.id(), "extractive-minilm", "The elephants have long trunks.",
                List.of("Elephants have trunks.")));
        BatchView view = open(batch);

        view.grid.select(queries.items(batch.id()).getFirst());

        assertThat(view.drawer.isOpened()).isTrue();
        assertThat(GridKt._size(view.drawer.tries)).isEqualTo(2);
        assertThat(GridKt._getFormatted(view.drawer.tries, 0, "outcome")).isEqualTo("Retry");
        assertThat(GridKt._getFormatted(view.drawer.tries, 0, "step")).isEqualTo(Step.RESOLVE.label());
        assertThat(GridKt._getFormatted(view.drawer.tries, 0, "error")).startsWith("network: Connection reset by peer")
                .contains("runs again");
        assertThat(GridKt._getFormatted(view.drawer.tries, 1, "outcome")).isEqualTo("Succeeded");
        String text = view.drawer.body.getElement().getTextRecursively();
        assertThat(text).contains("Summary (extractive-minilm)").contains("The elephants have long trunks.")
                .contains("Elephants have trunks.").contains("Transcript (Captions, en)")
                .contains("01:15 And that's pretty much all");
        assertThat(_find(view.drawer.body, Anchor.class)).extracting(Anchor::getHref).contains(
                "https://youtu.be/jNQXAC9IVRw?t=0", "https://youtu.be/jNQXAC9IVRw?t=75");
    }

    @Test
    void when_a_batch_ends_every_open_page_of_the_app_shows_a_notice_with_its_counts() {
        KaribuSupport.signInAndSetUp(context, "viewer", "VIEWER");
        Batch batch = batch("Ending " + UUID.randomUUID(), "dQw4w9WgXcQ");
        UI.getCurrent().navigate(LibraryView.class); // anywhere in the app, not only on the batch's page
        NotificationsKt.clearNotifications();
        ItemRun run = start(queries.items(batch.id()).getFirst());
        run.succeeded();
        batches.completeIfDone(batch.id(), Duration.ofMinutes(1));

        Eventually.within(Duration.ofSeconds(10), "the notice", () -> {
            MockVaadin.clientRoundtrip(false);
            return !NotificationsKt.getNotifications().isEmpty();
        });
        assertThat(NotificationsKt.getNotifications()).singleElement().satisfies(notice -> assertThat(
                notice.getElement().getTextRecursively()).contains("Batch '" + batch.name() + "' finished: 1 done."));
    }

    @Test
    void the_notify_me_button_says_what_the_browser_answered() {
        NotifyMeButton button = new NotifyMeButton();
        button.permission("granted");
        assertThat(button.getText()).isEqualTo("Browser notifications on");
        assertThat(button.isEnabled()).isFalse();
        button.permission("denied");
        assertThat(button.getText()).contains("blocked");
        button.permission("unsupported");
        assertThat(button.isVisible()).isFalse();
    }

    private Batch batch(String name, String... videoIds) {
        List<NewBatch.NewVideo> videos = java.util.Arrays.stream(videoIds)
                .map(id -> new NewBatch.NewVideo("https://www.youtube.com/watch?v=" + id, id)).toList();
        return batches.create(new NewBatch(name, videos, null, 2, OnErrorPolicy.CONTINUE), "admin");
    }

    private BatchView open(Batch batch) {
        UI.getCurrent().navigate(BatchView.class, new RouteParameters("batchId", batch.id().toString()));
        return _get(BatchView.class);
    }

    /** A try as a job starts one: the item queued under the job's id, then started. */
    private ItemRun start(VideoItem item) {
        UUID job = UUID.randomUUID();
        jdbc.sql("update video_item set status = 'QUEUED', job_id = :job, not_before = null where id = :id")
                .param("job", job).param("id", item.id()).update();
        return runs.start(item.id(), job).orElseThrow();
    }

    private void fail(VideoItem item, String message) {
        start(item).failed(ErrorKind.PRIVATE, message, null);
    }

    private static List<String> videos(BatchView view) {
        return GridKt._findAll(view.grid).stream().map(VideoItem::displayTitle).toList();
    }
}
