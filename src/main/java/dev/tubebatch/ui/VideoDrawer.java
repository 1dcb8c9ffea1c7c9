package dev.tubebatch.ui;

import com.vaadin.flow.component.ModalityMode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import dev.tubebatch.batch.Attempt;
import dev.tubebatch.batch.ChapterSummary;
import dev.tubebatch.batch.ItemHistory;
import dev.tubebatch.batch.StepOutcome;
import dev.tubebatch.batch.Summary;
import dev.tubebatch.batch.TranscriptStore;
import dev.tubebatch.batch.VideoItem;
import dev.tubebatch.format.Durations;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The batch view's side panel for one video: every try (attempt rows) and the steps it recorded, the summary with
 * its key points and linked chapters, and the transcript, each timestamp linking to that moment on YouTube. It does
 * not block the grid, so another row can be chosen while it is open.
 */
class VideoDrawer extends Dialog {

    /** Lines of the transcript shown here; the library's page of the video shows all of it. */
    static final int TRANSCRIPT_LINES = 400;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final ItemHistory history;
    private final TranscriptStore transcripts;
    /** What the drawer shows for the video it was last given. */
    final Div body = new Div();
    final Grid<Attempt> tries = new Grid<>();
    private List<Object> shownState = List.of();

    VideoDrawer(ItemHistory history, TranscriptStore transcripts) {
        this.history = history;
        this.transcripts = transcripts;
        setModality(ModalityMode.MODELESS);
        setDraggable(true);
        setResizable(true);
        // A panel along the right edge, over the grid's right-hand columns (draggable elsewhere).
        setWidth("46em");
        setMaxWidth("100vw");
        setHeight("100vh");
        setTop("0");
        setLeft("max(0px, calc(100vw - 46em))");
        addClassName("video-drawer");
        Button close = new Button("Close", e -> close());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        getHeader().add(close);
        tries.addColumn(Attempt::attempt).setHeader("Try").setKey("try").setAutoWidth(true).setFlexGrow(0);
        tries.addColumn(a -> Badges.words(a.outcome())).setHeader("Outcome").setKey("outcome").setAutoWidth(true);
        tries.addColumn(a -> a.step() == null ? "" : a.step().label()).setHeader("Step").setKey("step")
                .setAutoWidth(true);
        tries.addColumn(a -> TIME.format(a.startedAt())).setHeader("Started").setKey("started").setAutoWidth(true);
        tries.addColumn(a -> a.finishedAt() == null ? "" : Durations.elapsed(Duration.between(a.startedAt(),
                a.finishedAt()))).setHeader("Took").setKey("took").setAutoWidth(true);
        tries.addColumn(VideoDrawer::error).setHeader("Error").setKey("error").setFlexGrow(3);
        tries.setAllRowsVisible(true);
        tries.setWidthFull();
        add(body);
    }

    /**
     * Shows the video again if what the drawer lists of it may have changed (its status, tries, step or title), so
     * that live updates of a running batch do not rebuild it, and scroll it back, several times a second.
     */
    void update(VideoItem item) {
        if (!state(item).equals(shownState)) {
            show(item);
        }
    }

    private static List<Object> state(VideoItem item) {
        return java.util.Arrays.asList(item.id(), item.status(), item.attempts(), item.currentStep(),
                item.displayTitle(), item.finishedAt());
    }

    /** Fills the drawer with the video's tries, steps, summary and transcript, and opens it. */
    void show(VideoItem item) {
        shownState = state(item);
        setHeaderTitle(item.position() + ". " + item.displayTitle());
        body.removeAll();
        Anchor watch = new Anchor(item.url(), item.url());
        watch.setTarget(AnchorTarget.BLANK);
        watch.getElement().setAttribute("rel", "noopener noreferrer");
        body.add(new Paragraph(watch));
        tries.setItems(history.attempts(item.id()));
        body.add(new H4("Tries"), tries);
        UnorderedList steps = new UnorderedList();
        history.steps(item.id()).values().forEach(s -> steps.add(new ListItem(s.step().label() + ": "
                + (s.outcome() == StepOutcome.DONE ? "done" : "skipped") + " in "
                + Durations.elapsed(Duration.between(s.startedAt(), s.finishedAt()))
                + (s.note() == null ? "" : " — " + s.note()))));
        body.add(new H4("Steps"), steps);
        transcripts.findSummary(item.id()).ifPresent(summary -> summary(item.videoId(), summary));
        transcripts.find(item.id()).ifPresent(t -> body.add(
                new H4("Transcript (" + Badges.words(t.source())
                        + (t.language() == null ? "" : ", " + t.language()) + ")"),
                new TranscriptLines(item.videoId(), t.segments(), TRANSCRIPT_LINES)));
        open();
    }

    private void summary(String videoId, Summary summary) {
        body.add(new H4("Summary (" + summary.method() + ")"), new Paragraph(summary.text()));
        if (summary.note() != null) {
            body.add(new Paragraph(summary.note()));
        }
        UnorderedList points = new UnorderedList();
        summary.keyPoints().forEach(point -> points.add(new ListItem(point)));
        body.add(points);
        if (!summary.chapters().isEmpty()) {
            UnorderedList chapters = new UnorderedList();
            for (ChapterSummary chapter : summary.chapters()) {
                Anchor start = new Anchor(chapter.link(videoId), Durations.timestamp(chapter.start()));
                start.setTarget(AnchorTarget.BLANK);
                start.getElement().setAttribute("rel", "noopener noreferrer");
                chapters.add(new ListItem(start, new Span(" " + chapter.title() + ": " + chapter.text())));
            }
            body.add(new H4("Chapters"), chapters);
        }
    }

    /** The error kind and message of a try that failed, and when it runs again. */
    static String error(Attempt attempt) {
        String kind = attempt.errorKind() == null ? "" : attempt.errorKind().name().toLowerCase(Locale.ROOT)
                .replace('_', ' ');
        String message = attempt.errorMessage() == null ? "" : attempt.errorMessage();
        String text = kind.isEmpty() || message.isEmpty() ? kind + message : kind + ": " + message;
        return attempt.retryAt() == null ? text : text + " (runs again " + TIME.format(attempt.retryAt()) + ")";
    }
}
