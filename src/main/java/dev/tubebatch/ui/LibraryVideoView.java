package dev.tubebatch.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.tubebatch.batch.Segment;
import dev.tubebatch.format.Durations;
import dev.tubebatch.library.LibraryQueries;
import dev.tubebatch.library.LibraryVideo;
import dev.tubebatch.search.SearchHit;
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
    private final LibraryQueries library;

    LibraryVideoView(LibraryQueries library) {
        this.library = library;
        transcript.addClassName("library-transcript");
        add(new Anchor("library", "← Library"), title, facts, summary, transcript);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String videoId = event.getRouteParameters().get("videoId").orElse("");
        LibraryVideo video = library.video(videoId).orElse(null);
        if (video == null) {
            title.setText("No such video in the library");
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
        for (Segment segment : library.transcript(video).map(t -> t.segments()).orElse(java.util.List.of())) {
            Anchor moment = new Anchor(SearchHit.deepLink(video.videoId(), segment.start()),
                    Durations.timestamp(segment.start()));
            moment.setTarget(AnchorTarget.BLANK);
            moment.getElement().setAttribute("rel", "noopener noreferrer");
            transcript.add(new Div(moment, new Span(" " + segment.text())));
        }
    }
}
