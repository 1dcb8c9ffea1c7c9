package dev.tubebatch.ui;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.streams.UploadHandler;
import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchService;
import dev.tubebatch.batch.BatchOptions;
import dev.tubebatch.batch.NewBatch;
import dev.tubebatch.batch.OnErrorPolicy;
import dev.tubebatch.format.Durations;
import dev.tubebatch.intake.InputTooLargeException;
import dev.tubebatch.intake.IntakeService;
import dev.tubebatch.intake.PreviewRequest;
import dev.tubebatch.intake.PreviewResult;
import dev.tubebatch.security.CurrentUser;
import dev.tubebatch.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private static final Logger log = LoggerFactory.getLogger(NewBatchView.class);
    static final int SHOWN_VIDEOS = 200;
    static final int SHOWN_SKIPPED = 500;
    /** Previews at once across all users: each may run several yt-dlp processes. */
    private static final Semaphore RUNNING_PREVIEWS = new Semaphore(4);
    private static final ExecutorService PREVIEWS = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("preview-", 0).factory());

    private final IntakeService intake;
    private final BatchService batches;
    private final CurrentUser user;

    final TextField name = new TextField("Name");
    final TextArea urls = new TextArea("YouTube URLs, one per line (videos, playlists, channels)");
    final Upload upload;
    final Span fileLabel = new Span();
    final Button removeFile = new Button("Remove file");
    final IntegerField recent = new IntegerField("Channels: most recent videos");
    final IntegerField minMinutes = new IntegerField("Min minutes");
    final IntegerField maxMinutes = new IntegerField("Max minutes");
    final DatePicker uploadedAfter = new DatePicker("Uploaded on or after");
    final DatePicker uploadedBefore = new DatePicker("Uploaded on or before");
    final TextField titleContains = new TextField("Title contains");
    final TextField titleExcludes = new TextField("Title excludes");
    final Checkbox skipShorts = new Checkbox("Skip Shorts");
    final Checkbox skipLive = new Checkbox("Skip live streams");
    final Checkbox skipProcessed = new Checkbox("Skip videos already processed", true);
    final IntegerField retryLimit = new IntegerField("Retry limit");
    final IntegerField maxWorkers = new IntegerField("Max workers");
    final Select<OnErrorPolicy> onError = new Select<>();
    final Checkbox summaries = new Checkbox("Summaries", true);
    final IntegerField summarySentences = new IntegerField("Summary sentences");
    final Button preview = new Button("Preview");
    final Button start = new Button("Start");
    final ProgressBar working = new ProgressBar();
    final Div result = new Div();

    /** Where previews run; tests may swap in a direct executor. */
    Executor previewExecutor = PREVIEWS;

    private byte @Nullable [] fileContent;
    private @Nullable String fileName;
    private @Nullable PreviewResult lastPreview;
    private @Nullable PreviewRequest previewedRequest;
    /** Bumped on every input change and every preview: a preview result for an older generation is dropped. */
    private long generation;
    /** The preview running now, cancelled (its yt-dlp processes killed) when the input changes or the view closes. */
    private @Nullable FutureTask<PreviewResult> running;

    NewBatchView(IntakeService intake, BatchService batches, CurrentUser user) {
        this.intake = intake;
        this.batches = batches;
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
        upload.setMaxFileSize(intake.limits().maxInputBytes());
        upload.setAcceptedFileTypes(".txt", ".csv", "text/plain", "text/csv");
        upload.addFileRejectedListener(e -> showError("File refused: " + e.getErrorMessage()));
        upload.addFileRemovedListener(e -> removeFile());
        removeFile.addClickListener(e -> removeFile());
        removeFile.setVisible(false);

        recent.setMin(1);
        recent.setMax(intake.limits().maxRecent());
        recent.setValue(PreviewRequest.DEFAULT_RECENT);
        recent.setStepButtonsVisible(true);
        minMinutes.setMin(0);
        maxMinutes.setMin(0);
        retryLimit.setMin(0);
        retryLimit.setMax(NewBatch.MAX_RETRY_LIMIT);
        retryLimit.setValue(NewBatch.DEFAULT_RETRY_LIMIT);
        retryLimit.setStepButtonsVisible(true);
        maxWorkers.setMin(1);
        maxWorkers.setPlaceholder("All free workers");
        maxWorkers.setStepButtonsVisible(true);
        onError.setLabel("On error");
        onError.setItems(OnErrorPolicy.values());
        onError.setItemLabelGenerator(Badges::words);
        onError.setValue(OnErrorPolicy.CONTINUE);
        summarySentences.setMin(1);
        summarySentences.setMax(BatchOptions.MAX_SUMMARY_SENTENCES);
        summarySentences.setPlaceholder("As configured");
        summarySentences.setStepButtonsVisible(true);
        summaries.addValueChangeListener(e -> summarySentences.setEnabled(e.getValue()));

        preview.addClickListener(e -> preview());
        start.addClickListener(e -> start());
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.setEnabled(false);
        working.setIndeterminate(true);
        working.setVisible(false);
        working.setWidth("10em");
        for (HasValue<?, ?> input : List.<HasValue<?, ?>>of(urls, recent, minMinutes, maxMinutes, uploadedAfter,
                uploadedBefore, titleContains, titleExcludes, skipShorts, skipLive, skipProcessed)) {
            input.addValueChangeListener(e -> inputChanged());
        }
        result.setWidthFull();

        HorizontalLayout file = new HorizontalLayout(upload, fileLabel, removeFile);
        file.setAlignItems(FlexComponent.Alignment.CENTER);
        Details filters = new Details("Channels and filters", new VerticalLayout(
                new HorizontalLayout(recent, minMinutes, maxMinutes),
                new HorizontalLayout(uploadedAfter, uploadedBefore),
                new HorizontalLayout(titleContains, titleExcludes),
                new HorizontalLayout(skipShorts, skipLive, skipProcessed)));
        filters.setOpened(true);
        HorizontalLayout actions = new HorizontalLayout(preview, start, working);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        add(new H3("New batch"), name, urls, file, filters,
                new HorizontalLayout(retryLimit, maxWorkers, onError, summaries, summarySentences), actions, result);
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
        boolean same = lastPreview != null && previewedRequest != null && sameAsPreviewed();
        start.setEnabled(same && lastPreview != null && !lastPreview.videos().isEmpty());
    }

    /** Starts a preview of the current inputs; the result replaces the list below when it arrives. */
    void preview() {
        user.require(Roles.OPERATOR);
        cancelRunning();
        result.removeAll();
        lastPreview = null;
        previewedRequest = null;
        start.setEnabled(false);
        PreviewRequest request;
        try {
            request = request();
        } catch (IllegalArgumentException e) {
            showError(e.getMessage());
            return;
        }
        if (!request.hasInput()) {
            showError("Paste URLs or upload a file first.");
            return;
        }
        long mine = ++generation;
        UI ui = UI.getCurrent();
        preview.setEnabled(false);
        working.setVisible(true);
        result.add(new Paragraph("Previewing… playlists and channels are listed with yt-dlp, which can take a while."));
        FutureTask<PreviewResult> task = new FutureTask<>(() -> runPreview(request)) {
            @Override
            protected void done() {
                PreviewResult value = null;
                Throwable failure = null;
                try {
                    value = isCancelled() ? null : get();
                } catch (ExecutionException e) {
                    failure = e.getCause();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = e;
                }
                PreviewResult done = value;
                Throwable failed = failure;
                onUi(ui, () -> previewFinished(mine, request, done, failed));
            }
        };
        running = task;
        previewExecutor.execute(task);
    }

    private void cancelRunning() {
        FutureTask<PreviewResult> task = running;
        running = null;
        if (task != null) {
            task.cancel(true);
        }
    }

    private PreviewResult runPreview(PreviewRequest request) {
        if (!RUNNING_PREVIEWS.tryAcquire()) {
            throw new IllegalStateException("Too many previews are running; try again in a moment.");
        }
        try {
            return intake.preview(request);
        } finally {
            RUNNING_PREVIEWS.release();
        }
    }

    private static void onUi(UI ui, Runnable action) {
        if (ui.getSession() != null && ui.getSession().hasLock()) {
            action.run();
        } else {
            ui.access(action::run);
        }
    }

    private void previewFinished(long mine, PreviewRequest request, @Nullable PreviewResult done,
            @Nullable Throwable failure) {
        if (mine != generation || (done == null && failure == null)) { // superseded or cancelled
            if (running == null) { // no newer preview is on its way: say why this one shows nothing
                preview.setEnabled(true);
                working.setVisible(false);
                result.removeAll();
                result.add(new Paragraph("The inputs changed during the preview: preview again."));
            }
            return;
        }
        running = null;
        preview.setEnabled(true);
        working.setVisible(false);
        result.removeAll();
        if (failure != null) {
            Throwable cause = failure;
            if (cause instanceof InputTooLargeException || cause instanceof IllegalArgumentException
                    || cause instanceof IllegalStateException) {
                showError(cause.getMessage());
            } else {
                log.warn("Preview failed", cause);
                showError("The preview failed: " + cause.getMessage());
            }
            return;
        }
        Objects.requireNonNull(done, "a preview that was neither superseded nor failed has its result");
        lastPreview = done;
        previewedRequest = request;
        show(done);
        start.setEnabled(!done.videos().isEmpty());
    }

    private void show(PreviewResult done) {
        Paragraph totals = new Paragraph(done.totals());
        totals.addClassName("preview-totals");
        result.add(totals);
        UnorderedList list = new UnorderedList();
        done.videos().stream().limit(SHOWN_VIDEOS).forEach(v -> list.add(new ListItem(describe(v))));
        if (done.videos().size() > SHOWN_VIDEOS) {
            list.add(new ListItem("… and " + (done.videos().size() - SHOWN_VIDEOS) + " more"));
        }
        list.addClassName("preview-videos");
        result.add(list);
        addLines(done.skipped(), done.skipped().size() + " line(s) or video(s) skipped:", "line-errors");
        addLines(done.warnings(), done.warnings().size() + " video(s) kept without checking the filters:",
                "preview-warnings");
        if (done.videos().isEmpty()) {
            showError("No videos to process: fix the lines above and preview again.");
        }
    }

    private void addLines(List<PreviewResult.Skipped> lines, String heading, String className) {
        if (lines.isEmpty()) {
            return;
        }
        Div box = new Div();
        box.addClassName(className);
        box.add(new Paragraph(heading));
        UnorderedList items = new UnorderedList();
        lines.stream().limit(SHOWN_SKIPPED).forEach(r -> items.add(new ListItem(r.toString())));
        if (lines.size() > SHOWN_SKIPPED) {
            items.add(new ListItem("… and " + (lines.size() - SHOWN_SKIPPED) + " more"));
        }
        box.add(items);
        result.add(box);
    }

    private static String describe(PreviewResult.PreviewVideo video) {
        StringBuilder text = new StringBuilder(video.url());
        if (video.title() != null) {
            text.append(" — ").append(video.title());
        }
        if (video.durationSeconds() != null) {
            text.append(" · ").append(Durations.elapsed(video.durationSeconds()));
        }
        if (video.uploadDate() != null) {
            text.append(" · ").append(video.uploadDate());
        }
        return text.append(" (").append(video.source()).append(')').toString();
    }

    /** Creates the batch from the previewed videos, and only while the inputs are still those previewed. */
    void start() {
        user.require(Roles.OPERATOR);
        if (lastPreview == null || previewedRequest == null || !sameAsPreviewed() || lastPreview.videos().isEmpty()) {
            result.removeAll();
            showError("Preview the current input before starting.");
            start.setEnabled(false);
            return;
        }
        Integer retries = retryLimit.getValue() == null ? NewBatch.DEFAULT_RETRY_LIMIT : retryLimit.getValue();
        BatchOptions options = new BatchOptions(summaries.getValue(),
                summaries.getValue() ? summarySentences.getValue() : null);
        Batch batch = batches.create(new NewBatch(name.getValue(), lastPreview.newVideos(), maxWorkers.getValue(),
                retries, onError.getValue(), options), user.name());
        getUI().ifPresent(ui -> ui.navigate(BatchView.class, new RouteParameters("batchId", batch.id().toString())));
    }

    private boolean sameAsPreviewed() {
        try {
            return previewedRequest != null && PreviewRequest.sameInput(request(), previewedRequest);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The current inputs as a request; invalid filter values throw with the field named. */
    PreviewRequest request() {
        Integer recentValue = recent.getValue();
        if (recent.isInvalid() || (recentValue != null && recentValue < 1)) {
            throw new IllegalArgumentException("Channels: most recent videos must be 1 or more");
        }
        Duration min = minutes(minMinutes, "Min minutes");
        Duration max = minutes(maxMinutes, "Max minutes");
        return new PreviewRequest(urls.getValue(), fileContent, fileName == null ? "" : fileName,
                recentValue == null ? PreviewRequest.DEFAULT_RECENT : recentValue,
                new PreviewRequest.Filters(min, max, uploadedAfter.getValue(), uploadedBefore.getValue(),
                        titleContains.getValue(), titleExcludes.getValue(), skipShorts.getValue(),
                        skipLive.getValue(), skipProcessed.getValue()));
    }

    private static @Nullable Duration minutes(IntegerField field, String label) {
        if (field.isInvalid() && field.getValue() == null) {
            throw new IllegalArgumentException(label + ": not a whole number");
        }
        Integer value = field.getValue();
        if (value == null) {
            return null;
        }
        if (value < 0) {
            throw new IllegalArgumentException(label + ": must not be negative");
        }
        return Duration.ofMinutes(value);
    }

    List<PreviewResult.Skipped> rejections() {
        return lastPreview == null ? List.of() : lastPreview.skipped();
    }

    @Nullable PreviewResult lastPreview() {
        return lastPreview;
    }

    private void showError(@Nullable String text) {
        Paragraph p = new Paragraph(text);
        p.addClassName("line-errors");
        result.add(p);
    }
}
