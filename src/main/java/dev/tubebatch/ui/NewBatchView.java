package dev.tubebatch.ui;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.streams.UploadHandler;
import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchService;
import dev.tubebatch.batch.NewBatch;
import dev.tubebatch.intake.IntakeLimits;
import dev.tubebatch.intake.PreviewRequest;
import dev.tubebatch.intake.PreviewResult;
import dev.tubebatch.intake.PreviewRunner;
import dev.tubebatch.intake.PreviewsBusyException;
import dev.tubebatch.security.CurrentUser;
import dev.tubebatch.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Paste URLs and/or upload a URL file, choose how many of a channel's recent videos to take and the filters, preview
 * what they resolve to (every line or entry not used is listed with its reason, with totals), then start.
 *
 * <p>Start uses exactly the videos of the last preview, and only while every input is as it was previewed: any
 * change turns Start off until the next preview. The preview runs off the UI thread (listing playlists and channels
 * runs yt-dlp) and its result arrives by server push.
 */
@Route("new")
@PageTitle("New batch · tubebatch")
@RolesAllowed(Roles.OPERATOR)
public class NewBatchView extends VerticalLayout {

    private final BatchService batches;
    private final BatchPlanning planning;
    private final CurrentUser user;

    final TextField name = new TextField("Name");
    final TextArea urls = new TextArea("YouTube URLs, one per line (videos, playlists, channels)");
    final Upload upload;
    final Span fileLabel = new Span();
    final Button removeFile = new Button("Remove file");
    final PreviewFilterFields filters;
    final BatchOptionsFields options = new BatchOptionsFields();
    final Button preview = new Button("Preview");
    final Button start = new Button("Start");
    final ProgressBar working = new ProgressBar();
    final PreviewPanel result = new PreviewPanel();

    /** Where previews run, within this node's limit; tests may swap in one on their own executor. */
    PreviewRunner previews;

    private byte @Nullable [] fileContent;
    private @Nullable String fileName;
    private @Nullable PreviewResult lastPreview;
    private @Nullable PreviewRequest previewedRequest;
    /** Bumped on every input change and every preview: a preview result for an older generation is dropped. */
    private long generation;
    /** The preview running now, cancelled (its yt-dlp processes killed) when the input changes or the view closes. */
    private PreviewRunner.@Nullable Running running;

    NewBatchView(PreviewRunner previews, IntakeLimits limits, BatchService batches, BatchPlanning planning,
            CurrentUser user) {
        this.previews = previews;
        this.batches = batches;
        this.planning = planning;
        this.user = user;
        name.setPlaceholder("Optional");
        name.setMaxLength(NewBatch.MAX_NAME_LENGTH);
        urls.setWidthFull();
        urls.setMinHeight("10em");
        urls.setPlaceholder("https://www.youtube.com/watch?v=...\nhttps://www.youtube.com/playlist?list=...\n"
                + "https://www.youtube.com/@channel");

        upload = new Upload(UploadHandler.inMemory((metadata, data) -> {
            // The handler runs on the upload request; the view is changed under the session lock.
            UI ui = getUI().orElse(null);
            if (ui != null) {
                ui.access(() -> fileReceived(metadata.fileName(), data));
            }
        }));
        upload.setMaxFiles(1);
        upload.setMaxFileSize(limits.maxInputBytes());
        upload.setAcceptedFileTypes(".txt", ".csv", "text/plain", "text/csv");
        upload.addFileRejectedListener(e -> result.error("File refused: " + e.getErrorMessage()));
        upload.addFileRemovedListener(e -> removeFile());
        removeFile.addClickListener(e -> removeFile());
        removeFile.setVisible(false);

        filters = new PreviewFilterFields("Channels and filters", limits);
        preview.addClickListener(e -> preview());
        start.addClickListener(e -> start());
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.setEnabled(false);
        working.setIndeterminate(true);
        working.setVisible(false);
        working.setWidth("10em");
        urls.addValueChangeListener(e -> inputChanged());
        filters.inputs().forEach(input -> input.addValueChangeListener(e -> inputChanged()));

        HorizontalLayout file = new HorizontalLayout(upload, fileLabel, removeFile);
        file.setAlignItems(FlexComponent.Alignment.CENTER);
        HorizontalLayout actions = new HorizontalLayout(preview, start, working);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        add(new H3("New batch"), name, urls, file, filters, options, actions, result);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        generation++; // a preview still running has nowhere to show its result
        cancelRunning();
        super.onDetach(event);
    }

    /** An uploaded file replaces the previous one. Only its name's last part is shown; it is never used as a path. */
    void fileReceived(String name, byte[] content) {
        fileContent = content;
        fileName = name;
        fileLabel.setText(PreviewRequest.displayName(name) + " (" + content.length + " bytes)");
        removeFile.setVisible(true);
        inputChanged();
    }

    void removeFile() {
        fileContent = null;
        fileName = null;
        fileLabel.setText("");
        removeFile.setVisible(false);
        upload.clearFileList();
        inputChanged();
    }

    private void inputChanged() {
        generation++;
        cancelRunning();
        start.setEnabled(lastPreview != null && previewedRequest != null && sameAsPreviewed(previewedRequest)
                && !lastPreview.videos().isEmpty());
    }

    /** Starts a preview of the current inputs; the result replaces the list below when it arrives. */
    void preview() {
        user.require(Roles.OPERATOR);
        cancelRunning();
        result.clear();
        lastPreview = null;
        previewedRequest = null;
        start.setEnabled(false);
        PreviewRequest request;
        try {
            request = request();
        } catch (IllegalArgumentException e) {
            result.error(ErrorMessages.forUser(e));
            return;
        }
        if (!request.hasInput()) {
            result.error("Paste URLs or upload a file first.");
            return;
        }
        long mine = ++generation;
        UI ui = UI.getCurrent();
        Integer maxWorkers = options.maxWorkers.getValue();
        preview.setEnabled(false);
        working.setVisible(true);
        result.working();
        try {
            running = previews.start(request, outcome -> {
                // The plan's figures (the machine, recent step times) are read off the UI thread, with the result.
                PreviewPlan plan = outcome instanceof PreviewRunner.Outcome.Done ? planning.plan(maxWorkers) : null;
                onUi(ui, () -> previewFinished(mine, request, outcome, plan));
            });
        } catch (PreviewsBusyException e) {
            previewEnded();
            result.error(ErrorMessages.forUser(e));
        }
    }

    private void cancelRunning() {
        PreviewRunner.Running preview = running;
        running = null;
        if (preview != null) {
            preview.cancel();
        }
    }

    /** The cancelling thread holds the session already; a preview's own thread must ask for it. */
    private static void onUi(UI ui, Runnable action) {
        if (ui.getSession() != null && ui.getSession().hasLock()) {
            action.run();
        } else {
            ui.access(action::run);
        }
    }

    private void previewFinished(long mine, PreviewRequest request, PreviewRunner.Outcome outcome,
            @Nullable PreviewPlan plan) {
        if (mine != generation || outcome instanceof PreviewRunner.Outcome.Cancelled) { // superseded or cancelled
            if (running == null || running.isDone()) { // no newer preview is on its way: say why this one shows nothing
                previewEnded();
                result.note("The inputs changed during the preview: preview again.");
            }
            return;
        }
        previewEnded();
        switch (outcome) {
            case PreviewRunner.Outcome.Done(PreviewResult done) -> {
                lastPreview = done;
                previewedRequest = request;
                result.show(done, Objects.requireNonNull(plan)); // read for every Done outcome
                start.setEnabled(!done.videos().isEmpty());
            }
            case PreviewRunner.Outcome.Failed(Throwable cause) -> result.error(ErrorMessages.forUser(cause));
            case PreviewRunner.Outcome.Cancelled cancelled -> { } // handled above
        }
    }

    private void previewEnded() {
        running = null;
        preview.setEnabled(true);
        working.setVisible(false);
        result.clear();
    }

    /** Creates the batch from the previewed videos, and only while the inputs are still those previewed. */
    void start() {
        user.require(Roles.OPERATOR);
        if (lastPreview == null || previewedRequest == null || !sameAsPreviewed(previewedRequest)
                || lastPreview.videos().isEmpty()) {
            result.clear();
            result.error("Preview the current input before starting.");
            start.setEnabled(false);
            return;
        }
        NewBatch request;
        try {
            request = options.newBatch(name.getValue(), lastPreview.newVideos());
        } catch (IllegalArgumentException e) {
            if (options.showOnField(e)) {
                return; // e.g. a caption language that is no language code: shown on its field
            }
            throw e;
        }
        Batch batch = batches.create(request, user.name());
        getUI().ifPresent(ui -> ui.navigate(BatchView.class, new RouteParameters("batchId", batch.id().toString())));
    }

    private boolean sameAsPreviewed(PreviewRequest previewed) {
        try {
            return PreviewRequest.sameInput(request(), previewed);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The current inputs as a request; a number field whose text is not a whole number throws, naming it. */
    PreviewRequest request() {
        return new PreviewRequest(urls.getValue(), fileContent, fileName == null ? "" : fileName,
                filters.recentCount(), filters.filters());
    }

    List<PreviewResult.Skipped> rejections() {
        return lastPreview == null ? List.of() : lastPreview.skipped();
    }

    @Nullable PreviewResult lastPreview() {
        return lastPreview;
    }
}
