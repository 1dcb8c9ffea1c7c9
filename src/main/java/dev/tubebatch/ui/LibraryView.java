package dev.tubebatch.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import dev.tubebatch.format.Durations;
import dev.tubebatch.library.LibraryQueries;
import dev.tubebatch.library.LibraryVideo;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;

/** Every processed video once, newest upload first; a click opens its transcript. */
@Route("library")
@PageTitle("Library · tubebatch")
@PermitAll
public class LibraryView extends VerticalLayout {

    final Grid<LibraryVideo> grid = new Grid<>();
    final TextField filter = new TextField();
    final Anchor zip = new Anchor("", "Download ZIP");
    final Anchor pdf = new Anchor("", "Download PDF");
    private final LibraryQueries library;

    LibraryView(LibraryQueries library) {
        this.library = library;
        setSizeFull();
        grid.addColumn(v -> v.title() == null ? v.videoId() : v.title()).setHeader("Title").setFlexGrow(3)
                .setKey("title");
        grid.addColumn(v -> v.channel() == null ? "" : v.channel()).setHeader("Channel").setKey("channel");
        grid.addColumn(v -> v.uploadDate() == null ? "" : v.uploadDate().toString()).setHeader("Uploaded");
        grid.addColumn(v -> v.durationSeconds() == null ? "" : Durations.elapsed(v.durationSeconds()))
                .setHeader("Length");
        grid.addColumn(v -> v.source().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + (v.language() == null ? "" : ", " + v.language())).setHeader("Transcript").setKey("transcript");
        grid.addColumn(v -> v.summary() == null ? "" : v.summary()).setHeader("Summary").setFlexGrow(4);
        grid.addColumn(v -> v.batches() == 1 ? v.batchName() : v.batchName() + " (+" + (v.batches() - 1) + ")")
                .setHeader("Batch");
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(LibraryVideoView.class,
                new RouteParameters("videoId", e.getItem().videoId()))));
        grid.setSizeFull();
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addSelectionListener(e -> chosen(e.getAllSelectedItems()));
        zip.getElement().setAttribute("download", true);
        pdf.getElement().setAttribute("download", true);
        chosen(java.util.Set.of());
        filter.setPlaceholder("Title, channel or video id contains…");
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(e -> refresh());
        add(new H3("Library"), new HorizontalLayout(filter, zip, pdf), grid);
        refresh();
    }

    /** The download links of the chosen videos (the API's export, which checks them again); none when none. */
    void chosen(java.util.Set<LibraryVideo> videos) {
        String ids = videos.stream().map(LibraryVideo::videoId).sorted()
                .limit(dev.tubebatch.library.LibraryQueries.MAX_PAGE).collect(java.util.stream.Collectors.joining(","));
        zip.setEnabled(!ids.isEmpty());
        pdf.setEnabled(!ids.isEmpty());
        zip.setHref(ids.isEmpty() ? "" : "api/library/export.zip?videos=" + ids);
        pdf.setHref(ids.isEmpty() ? "" : "api/library/export.pdf?videos=" + ids);
    }

    void refresh() {
        grid.setItems(library.videos(filter.getValue() == null ? "" : filter.getValue(), 0, LibraryQueries.MAX_PAGE));
    }
}
