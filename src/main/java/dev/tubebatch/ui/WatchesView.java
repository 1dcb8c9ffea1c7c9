package dev.tubebatch.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.tubebatch.intake.IntakeLimits;
import dev.tubebatch.security.CurrentUser;
import dev.tubebatch.security.Roles;
import dev.tubebatch.watch.Watch;
import dev.tubebatch.watch.WatchQueries;
import dev.tubebatch.watch.WatchRun;
import dev.tubebatch.watch.WatchService;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/**
 * Watches: each with its schedule and state, edit filters/pause/resume/delete for operators, its runs below when
 * chosen, and a form for a new one (a channel or playlist URL, the schedule, and the new-batch form's filter fields:
 * how many recent videos and the filters). Every action checks the OPERATOR role on the server too.
 */
@Route("watches")
@PageTitle("Watches · tubebatch")
@PermitAll
public class WatchesView extends VerticalLayout {

    final Grid<Watch> grid = new Grid<>();
    final Grid<WatchRun> runs = new Grid<>();
    final TextField name = new TextField("Name");
    final TextField source = new TextField("Channel or playlist URL");
    final TextField schedule = new TextField("Schedule");
    final PreviewFilterFields filters;
    final Button create = new Button("Create watch");
    final Span message = new Span();
    final VerticalLayout form = new VerticalLayout();
    private final WatchService watches;
    private final WatchQueries queries;
    private final CurrentUser user;

    WatchesView(WatchService watches, WatchQueries queries, CurrentUser user, IntakeLimits limits) {
        this.watches = watches;
        this.queries = queries;
        this.user = user;
        setSizeFull();
        boolean operator = user.has(Roles.OPERATOR);
        grid.addColumn(Watch::name).setHeader("Name").setFlexGrow(2);
        grid.addColumn(Watch::sourceUrl).setHeader("Source").setFlexGrow(3);
        grid.addColumn(Watch::schedule).setHeader("Schedule");
        grid.addColumn(w -> w.paused() ? "paused" : "active").setHeader("State").setKey("state");
        if (operator) {
            grid.addComponentColumn(this::actions).setHeader("").setKey("actions").setAutoWidth(true);
        }
        grid.addSelectionListener(e -> e.getFirstSelectedItem().ifPresentOrElse(
                w -> runs.setItems(queries.runs(w.id(), 100)), () -> runs.setItems(List.of())));
        runs.addColumn(r -> BatchesView.TIME.format(r.startedAt())).setHeader("Run");
        runs.addColumn(WatchRun::listed).setHeader("Listed");
        runs.addColumn(WatchRun::newVideos).setHeader("New");
        runs.addColumn(r -> r.batchId() == null ? "" : r.batchId().toString().substring(0, 8)).setHeader("Batch");
        runs.addColumn(r -> r.error() == null ? "" : r.error()).setHeader("Problem").setFlexGrow(3);
        filters = new PreviewFilterFields("Recent videos and filters", limits);
        filters.recent.setLabel("Most recent videos");
        filters.setOpened(false);
        schedule.setValue("daily");
        schedule.setHelperText("hourly, daily or a cron expression");
        source.setWidth("28em");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> create());
        HorizontalLayout fields = new HorizontalLayout(name, source, schedule, create);
        fields.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.add(fields, filters);
        form.setPadding(false);
        form.setVisible(operator);
        add(new H3("Watches"), form, message, grid, new H3("Runs of the chosen watch"), runs);
        refresh();
    }

    private HorizontalLayout actions(Watch watch) {
        Button edit = new Button("Edit filters", e -> editFilters(watch));
        Button toggle = new Button(watch.paused() ? "Resume" : "Pause", e -> {
            user.require(Roles.OPERATOR);
            if (watch.paused()) {
                watches.resume(watch.id());
            } else {
                watches.pause(watch.id());
            }
            refresh();
        });
        Button delete = new Button("Delete", e -> {
            user.require(Roles.OPERATOR);
            watches.delete(watch.id());
            refresh();
        });
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return new HorizontalLayout(edit, toggle, delete);
    }

    /** Opens the dialog that edits the watch's filters; the list is read again once they are saved. */
    WatchFiltersDialog editFilters(Watch watch) {
        user.require(Roles.OPERATOR);
        WatchFiltersDialog dialog = new WatchFiltersDialog(watch, watches, user, () -> {
            message.setText("Filters of " + watch.name() + " saved; its next run applies them.");
            refresh();
        });
        dialog.open();
        return dialog;
    }

    void create() {
        user.require(Roles.OPERATOR);
        try {
            watches.create(new WatchService.NewWatch(name.getValue(), source.getValue(), filters.recentCount(),
                    filters.filters(), schedule.getValue()), user.name());
            message.setText("Watch created.");
            refresh();
        } catch (IllegalArgumentException e) {
            String onField = filters.showOnField(e);
            message.setText(onField == null ? ErrorMessages.forUser(e) : onField);
        }
    }

    void refresh() {
        grid.setItems(queries.list());
    }
}
