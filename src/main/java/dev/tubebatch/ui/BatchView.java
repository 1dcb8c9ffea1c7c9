package dev.tubebatch.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchEvents;
import dev.tubebatch.batch.BatchProgress;
import dev.tubebatch.batch.BatchQueries;
import dev.tubebatch.batch.BatchService;
import dev.tubebatch.batch.DigestStore;
import dev.tubebatch.batch.ItemHistory;
import dev.tubebatch.batch.ItemStatus;
import dev.tubebatch.batch.TranscriptStore;
import dev.tubebatch.batch.VideoItem;
import dev.tubebatch.format.Durations;
import dev.tubebatch.security.CurrentUser;
import dev.tubebatch.security.Roles;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One batch: its progress and controls, and a lazy grid of its videos (a page at a time from the database, so
 * 10,000 rows stay smooth), with a detail panel for the selected video. Updated live.
 */
@Route("batches/:batchId")
@PageTitle("Batch · tubebatch")
@PermitAll
public class BatchView extends VerticalLayout implements BeforeEnterObserver {

    private final BatchService batches;
    private final BatchQueries queries;
    private final DigestStore digests;
    private final CurrentUser user;
    final DigestPanel digest = new DigestPanel();

    final H3 title = new H3();
    final Span status = new Span();
    final SegmentedProgress progress = new SegmentedProgress();
    final Span counts = new Span();
    final Paragraph stopReason = new Paragraph();
    final Button pause = new Button("Pause");
    final Button resume = new Button("Resume");
    final Button cancel = new Button("Cancel");
    final Button retryFailed = new Button("Retry failed");
    final Select<ItemStatus> filter = new Select<>();
    final TextField search = new TextField("Search");
    final NotifyMeButton notifyMe = new NotifyMeButton();
    final Grid<VideoItem> grid = new Grid<>();
    final VideoDrawer drawer;
    /** Plain links to the export package's download controller (served through the signed-in session). */
    final Anchor downloadZip = new Anchor("", "Download ZIP");
    final Anchor downloadPdf = new Anchor("", "Download PDF");
    final Anchor manifest = new Anchor("", "Manifest");

    private @Nullable UUID batchId; // null until the route names a batch
    private @Nullable CallbackDataProvider<VideoItem, Void> items;

    BatchView(BatchService batches, BatchQueries queries, BatchEvents events, ItemHistory history,
            TranscriptStore transcripts, DigestStore digests, CurrentUser user) {
        this.digests = digests;
        this.batches = batches;
        this.queries = queries;
        this.user = user;
        this.drawer = new VideoDrawer(history, transcripts);
        setSizeFull();
        pause.addClickListener(e -> act(() -> batches.pause(shown())));
        resume.addClickListener(e -> act(() -> batches.resume(shown())));
        cancel.addClickListener(e -> act(() -> batches.cancel(shown())));
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        retryFailed.addClickListener(e -> act(() -> batches.retryFailed(shown()) > 0));
        boolean operator = user.has(Roles.OPERATOR);
        HorizontalLayout controls = new HorizontalLayout(pause, resume, cancel, retryFailed);
        controls.setVisible(operator);

        filter.setLabel("Show");
        filter.setEmptySelectionAllowed(true);
        filter.setEmptySelectionCaption("All videos");
        filter.setItems(ItemStatus.values());
        filter.setItemLabelGenerator(s -> s == null ? "All videos" : Badges.words(s));
        filter.addValueChangeListener(e -> Objects.requireNonNull(items).refreshAll());
        search.setPlaceholder("Title or video id");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> Objects.requireNonNull(items).refreshAll());
        HorizontalLayout toolbar = new HorizontalLayout(filter, search, notifyMe);
        toolbar.setAlignItems(Alignment.BASELINE);

        grid.addColumn(VideoItem::position).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(VideoItem::displayTitle).setHeader("Video").setKey("video").setFlexGrow(4);
        grid.addColumn(Badges.<VideoItem>renderer(VideoItem::status)).setHeader("Status").setAutoWidth(true);
        grid.addColumn(ItemProgress.renderer()).setHeader("Step").setKey("progress")
                .setWidth("12em").setFlexGrow(0);
        grid.addColumn(BatchView::time).setHeader("Time").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(VideoItem::attempts).setHeader("Tries").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(i -> i.errorMessage() == null ? "" : i.errorMessage()).setHeader("Error").setFlexGrow(3);
        grid.asSingleSelect().addValueChangeListener(e -> showDetail(e.getValue()));
        grid.setSizeFull();

        HorizontalLayout header = new HorizontalLayout(title, status, counts);
        header.setAlignItems(Alignment.BASELINE);
        progress.setWidthFull();
        for (Anchor link : new Anchor[] {downloadZip, downloadPdf, manifest}) {
            link.setRouterIgnore(true);
            link.getElement().setAttribute("download", true);
        }
        HorizontalLayout downloads = new HorizontalLayout(downloadZip, downloadPdf, manifest);
        drawer.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                grid.deselectAll(); // choosing the same video again opens the drawer again
            }
        });
        add(header, progress, stopReason, controls, downloads, digest, toolbar, grid, drawer);
        LiveRefresh.attach(this, events, change -> change.batchId().equals(batchId), this::refresh);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            batchId = UUID.fromString(event.getRouteParameters().get("batchId").orElse(""));
        } catch (IllegalArgumentException e) {
            batchId = null;
        }
        if (batchId == null || queries.find(batchId).isEmpty()) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class, "No such batch");
            return;
        }
        // Relative to the app's base URL, so a context path is kept.
        downloadZip.setHref("downloads/batches/" + batchId + ".zip");
        manifest.setHref("api/batches/" + batchId + "/manifest");
        downloadPdf.setHref("downloads/batches/" + batchId + ".pdf");
        items = DataProvider.fromCallbacks(
                query -> queries.items(shown(), filter.getValue(), search.getValue(), query.getOffset(),
                        query.getLimit()).stream(),
                query -> (int) queries.countItems(shown(), filter.getValue(), search.getValue()));
        grid.setDataProvider(items);
    }

    /** Re-reads the batch and its counts, and the visible rows, from the database. */
    void refresh() {
        if (batchId == null) {
            return;
        }
        Batch batch = queries.get(batchId);
        BatchProgress p = queries.progress(batchId);
        title.setText(batch.name());
        Badges.show(status, batch.status());
        progress.show(p);
        dev.tubebatch.batch.BatchEstimate estimate = queries.estimate(batchId);
        counts.setText(String.format(Locale.ROOT, "%d of %d done (%.0f%%), %d failed, %d running, %d waiting",
                p.finished(), p.total(), 100 * p.fraction(), p.failed(), p.running(),
                p.pending() + p.queued() + p.retrying()) + " · elapsed " + Durations.elapsed(estimate.elapsed())
                + String.format(Locale.ROOT, " · %.1f videos/min", estimate.videosPerMinute())
                + (estimate.eta() == null || batch.status().isFinished() ? ""
                        : " · about " + Durations.elapsed(estimate.eta()) + " left"));
        stopReason.setText(batch.stopReason() == null ? "" : batch.stopReason());
        stopReason.setVisible(batch.stopReason() != null);
        digest.show(digests.find(batchId).orElse(null));
        pause.setEnabled(batch.status() == dev.tubebatch.batch.BatchStatus.RUNNING);
        resume.setEnabled(batch.status().isHeld());
        cancel.setEnabled(!batch.status().isFinished());
        retryFailed.setEnabled(p.failed() > 0 && batch.status() != dev.tubebatch.batch.BatchStatus.CANCELLED);
        Objects.requireNonNull(items).refreshAll(); // set with batchId
        if (drawer.isOpened()) {
            grid.asSingleSelect().getOptionalValue().flatMap(i -> queries.item(i.id())).ifPresent(drawer::update);
        }
    }

    /** The batch on show: beforeEnter sets it before Vaadin shows the view, so before any control can be used. */
    private UUID shown() {
        return Objects.requireNonNull(batchId);
    }

    private void act(java.util.function.BooleanSupplier action) {
        user.require(Roles.OPERATOR);
        action.getAsBoolean();
        refresh();
    }

    /** Opens the drawer on the video; a cleared selection leaves it as it is. */
    void showDetail(@Nullable VideoItem item) {
        if (item != null) {
            drawer.show(item);
        }
    }

    /** How long the video has taken: from its first start to its end, or to now while it runs. */
    static String time(VideoItem item) {
        if (item.startedAt() == null) {
            return "";
        }
        java.time.Instant end = item.finishedAt() != null ? item.finishedAt() : java.time.Instant.now();
        return Durations.elapsed(java.time.Duration.between(item.startedAt(), end));
    }
}
