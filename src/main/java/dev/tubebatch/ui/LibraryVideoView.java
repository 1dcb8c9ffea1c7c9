package dev.tubebatch.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.tubebatch.format.Durations;
import dev.tubebatch.library.LibraryQueries;
import dev.tubebatch.library.LibraryService;
import dev.tubebatch.library.LibraryVideo;
import dev.tubebatch.security.CurrentUser;
import dev.tubebatch.security.Roles;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;

/** One video of the library: what is known of it, its summary, and its transcript, each line linked to its moment. */
@Route("library/:videoId")
@PageTitle("Video · tubebatch")
@PermitAll
public class LibraryVideoView extends VerticalLayout implements BeforeEnterObserver {

    final H3 title = new H3();
    final Span facts = new Span();
    final Paragraph summary = new Paragraph();
    final Div transcript = new Div();
    final Button delete = new Button("Delete stored data…");
    final Dialog confirm = new Dialog();
    final Button confirmDelete = new Button("Delete");
    private final LibraryQueries library;
    private final LibraryService commands;
    private final CurrentUser user;
    private String videoId = "";

    LibraryVideoView(LibraryQueries library, LibraryService commands, CurrentUser user) {
        this.library = library;
        this.commands = commands;
        this.user = user;
                delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.setVisible(user.has(Roles.ADMIN));
        delete.addClickListener(e -> confirm.open());
        confirmDelete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        confirmDelete.addClickListener(e -> deleteStoredData());
        confirm.setHeaderTitle("Delete this video's transcripts, summaries and files in every batch?");
        confirm.getFooter().add(new Button("Cancel", e -> confirm.close()), confirmDelete);
        add(new Anchor("library", "← Library"), title, facts, delete, summary, transcript);
    }

    /** The administrator's command; the service is the one place it happens (the API's DELETE calls it too). */
    void deleteStoredData() {
        confirm.close();
        if (!user.has(Roles.ADMIN)) {
            return;
        }
        commands.delete(videoId, user.name());
        getUI().ifPresent(ui -> ui.navigate(LibraryView.class));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        videoId = event.getRouteParameters().get("videoId").orElse("");
        LibraryVideo video = library.video(videoId).orElse(null);
        if (video == null) {
            title.setText("No such video in the library");
            delete.setVisible(false);
            return;
        }
        title.setText(video.title() == null ? video.videoId() : video.title());
        facts.setText((video.channel() == null ? "" : video.channel() + " · ")
                + (video.uploadDate() == null ? "" : video.uploadDate() + " · ")
                + (video.durationSeconds() == null ? "" : Durations.elapsed(video.durationSeconds()) + " · ")
                + video.source().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + (video.language() == null ? "" : ", " + video.language()) + " · batch " + video.batchName());
        summary.setText(video.summary() == null ? "" : video.summary());
        transcript.removeAll();
        transcript.add(new TranscriptLines(video.videoId(),
                library.transcript(video).map(t -> t.segments()).orElse(java.util.List.of()), Integer.MAX_VALUE));
    }
}
