package dev.tubebatch.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteParameters;
import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchChange;
import dev.tubebatch.batch.BatchEvents;
import dev.tubebatch.batch.ItemTracker;
import dev.tubebatch.batch.NewBatch;
import dev.tubebatch.batch.OnErrorPolicy;
import dev.tubebatch.batch.VideoItem;
import dev.tubebatch.support.Eventually;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The batch view on the shared views context ({@link ViewsTestBase}): it follows changes to its videos, shows a
 * video's transcript and summary and the batch's digest, and its pause, resume and cancel buttons change the batch.
 */
class BatchViewStateTest extends ViewsTestBase {

    @Autowired
    ItemTracker tracker;

    @Autowired
    BatchEvents events;

    @Autowired
    dev.tubebatch.batch.TranscriptStore transcripts;

    @Autowired
    dev.tubebatch.batch.DigestStore digests;

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

        VideoItem item = queries.items(batch.id()).getFirst();
        tracker.metadata(item, "Never Gonna Give You Up", "Rick Astley", 213, null);
        events.publish(new BatchChange(batch.id(), item.id()));

        Eventually.within(Duration.ofSeconds(5), "the grid to show the new title", () -> {
            MockVaadin.clientRoundtrip(false);
            return GridKt._getFormatted(view.grid, 0, "video").equals("Never Gonna Give You Up");
        });
        assertThat(view.counts.getText()).contains("0 of 1 done");
        assertThat(view.progress.getElement().getAttribute("aria-label")).isEqualTo("1 waiting of 1 video");
        assertThat(view.status.getElement().getAttribute("theme")).isEqualTo("badge");
        assertThat(view.status.getText()).isEqualTo("Running");
    }

    @Test
    void the_detail_panel_shows_a_videos_transcript_summary_and_key_points_and_links_the_manifest() {
        KaribuSupport.signInAndSetUp(context, "viewer", "VIEWER");
        Batch batch = batches.create(new NewBatch("Detail", List.of(new NewBatch.NewVideo(
                "https://www.youtube.com/watch?v=jNQXAC9IVRw", "jNQXAC9IVRw")), null, 0, OnErrorPolicy.CONTINUE),
                "admin");
        VideoItem item = queries.items(batch.id()).getFirst();
        transcripts.save(new dev.tubebatch.batch.Transcript(item.id(), "en",
                dev.tubebatch.batch.TranscriptSource.CAPTIONS,
                List.of(new dev.tubebatch.batch.Segment(0, 4, "Here we are in front of the elephants."))));
        transcripts.save(new dev.tubebatch.batch.Summary(item.id(), "extractive-minilm",
                "The elephants have long trunks.", List.of("[00:00] Here we are in front of the elephants."),
                List.of(new dev.tubebatch.batch.ChapterSummary(62.5, "The zoo", "About the zoo.")),
                "The LLM failed (HTTP 500); the extractive-minilm summary was made instead.", null));
        digests.save(new dev.tubebatch.batch.BatchDigest(batch.id(), "llm:fake", List.of("Elephants"),
                List.of(new dev.tubebatch.batch.BatchDigest.Line(1, "jNQXAC9IVRw", "At the zoo", "A zoo visit.")),
                new dev.tubebatch.batch.Summary.Usage(1, 10, 5, 20, null)));
        UI.getCurrent().navigate(BatchView.class, new RouteParameters("batchId", batch.id().toString()));
        BatchView view = _get(BatchView.class);
        assertThat(view.digest.isVisible()).isTrue();
        assertThat(view.digest.content.getElement().getTextRecursively()).contains("Elephants")
                .contains("At the zoo").contains("A zoo visit.");
        view.showDetail(item);
        assertThat(view.drawer.isOpened()).isTrue();
        assertThat(view.drawer.body.getElement().getTextRecursively()).contains("00:00 Here we are in front")
                .contains("Summary (extractive-minilm)").contains("The elephants have long trunks.")
                .contains("the extractive-minilm summary was made instead").contains("The zoo: About the zoo.");
        assertThat(_find(view.drawer.body, com.vaadin.flow.component.html.Anchor.class,
                spec -> spec.withText("01:02"))).singleElement()
                .satisfies(a -> assertThat(a.getHref()).isEqualTo("https://youtu.be/jNQXAC9IVRw?t=62"));
        assertThat(view.manifest.getHref()).isEqualTo("api/batches/" + batch.id() + "/manifest");
        assertThat(BatchView.time(item)).isEmpty();
    }

    @Test
    void pause_resume_and_cancel_buttons_change_the_batch_and_follow_its_state() {
        KaribuSupport.signInAndSetUp(context, "admin", "ADMIN", "OPERATOR", "VIEWER");
        Batch batch = batches.create(new NewBatch("Controls", List.of(new NewBatch.NewVideo(
                "https://www.youtube.com/watch?v=kJQP7kiw5Fk", "kJQP7kiw5Fk")), null, 0, OnErrorPolicy.CONTINUE),
                "admin");
        UI.getCurrent().navigate(BatchView.class, new RouteParameters("batchId", batch.id().toString()));
        BatchView view = _get(BatchView.class);
        assertThat(view.pause.isEnabled()).isTrue();
        assertThat(view.resume.isEnabled()).isFalse();

        view.pause.click();
        assertThat(queries.get(batch.id()).status()).isEqualTo(dev.tubebatch.batch.BatchStatus.PAUSED);
        assertThat(view.pause.isEnabled()).isFalse();
        assertThat(view.resume.isEnabled()).isTrue();
        assertThat(view.status.getText()).isEqualTo("Paused");

        view.resume.click();
        assertThat(queries.get(batch.id()).status()).isEqualTo(dev.tubebatch.batch.BatchStatus.RUNNING);
        assertThat(view.pause.isEnabled()).isTrue();

        view.cancel.click();
        assertThat(queries.get(batch.id()).status()).isEqualTo(dev.tubebatch.batch.BatchStatus.CANCELLED);
        assertThat(view.cancel.isEnabled()).isFalse();
        assertThat(view.resume.isEnabled()).isFalse();
    }
}
