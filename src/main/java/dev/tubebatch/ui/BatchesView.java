package dev.tubebatch.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.tubebatch.batch.BatchStatus;
import dev.tubebatch.format.Durations;
import java.util.Locale;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouteParameters;
import dev.tubebatch.batch.BatchEvents;
import dev.tubebatch.batch.BatchOverview;
import dev.tubebatch.batch.BatchQueries;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;

/** Every batch with its progress, newest first, updated live. */
@Route("")
@RouteAlias("batches")
@PageTitle("Batches · tubebatch")
@PermitAll
public class BatchesView extends VerticalLayout {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    final Grid<BatchOverview> grid = new Grid<>();
    final TextField search = new TextField();
    final Select<BatchStatus> statusFilter = new Select<>();
    private final BatchQueries batches;

    BatchesView(BatchQueries batches, BatchEvents events) {
        this.batches = batches;
        setSizeFull();
        grid.addColumn(o -> o.batch().name()).setHeader("Name").setFlexGrow(3).setSortable(true)
                .setComparator(Comparator.comparing(o -> o.batch().name()));
        grid.addColumn(new ComponentRenderer<>(o -> Badges.of(o.batch().status()))).setHeader("Status")
                .setSortable(true).setComparator(Comparator.comparing(o -> o.batch().status()));
        grid.addColumn(new ComponentRenderer<>(o -> new SegmentedProgress(o.progress()))).setHeader("Progress")
                .setKey("progress").setFlexGrow(2);
        grid.addColumn(o -> o.progress().finished() + " of " + o.progress().total()).setHeader("Done").setKey("done");
        grid.addColumn(o -> o.progress().failed()).setHeader("Failed").setSortable(true)
                .setComparator(Comparator.comparingInt(o -> o.progress().failed()));
        grid.addColumn(this::eta).setHeader("ETA").setKey("eta");
        grid.addColumn(o -> o.batch().createdBy()).setHeader("Created by");
        grid.addColumn(o -> TIME.format(o.batch().createdAt())).setHeader("Created").setSortable(true)
                .setComparator(Comparator.comparing(o -> o.batch().createdAt()));
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(BatchView.class,
                new RouteParameters("batchId", e.getItem().batch().id().toString()))));
        grid.setSizeFull();
        search.setPlaceholder("Name or creator contains…");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());
        statusFilter.setEmptySelectionAllowed(true);
        statusFilter.setEmptySelectionCaption("Any status");
        statusFilter.setItems(BatchStatus.values());
        statusFilter.setItemLabelGenerator(s -> s == null ? "Any status" : Badges.words(s));
        statusFilter.addValueChangeListener(e -> refresh());
        add(new H3("Batches"), new HorizontalLayout(search, statusFilter), grid);
        LiveRefresh.attach(this, events, change -> true, this::refresh);
    }

    /** Time left for a running batch, from its measured step times; blank otherwise or before it can tell. */
    String eta(BatchOverview overview) {
        if (overview.batch().status() != BatchStatus.RUNNING) {
            return "";
        }
        java.time.Duration eta = batches.estimate(overview.batch().id()).eta();
        if (eta == null) {
            return "…";
        }
        return Durations.elapsed(eta);
    }

    void refresh() {
        String text = search.getValue() == null ? "" : search.getValue().strip().toLowerCase(Locale.ROOT);
        BatchStatus status = statusFilter.getValue();
        grid.setItems(batches.overview().stream()
                .filter(o -> status == null || o.batch().status() == status)
                .filter(o -> text.isEmpty() || o.batch().name().toLowerCase(Locale.ROOT).contains(text)
                        || o.batch().createdBy().toLowerCase(Locale.ROOT).contains(text))
                .toList());
    }
}
