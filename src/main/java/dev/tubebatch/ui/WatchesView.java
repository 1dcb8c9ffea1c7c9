package dev.tubebatch.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.tubebatch.intake.PreviewRequest;
import dev.tubebatch.security.CurrentUser;
import dev.tubebatch.security.Roles;
import dev.tubebatch.watch.Watch;
import dev.tubebatch.watch.WatchQueries;
import dev.tubebatch.watch.WatchRun;
import dev.tubebatch.watch.WatchService;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;

/**
 * Watches: each with its schedule and state, pause/resume/delete for operators, its runs below when chosen, and a
 * form for a new one (a channel or playlist URL, how many recent videos, a minimum length, the schedule).
 */
@Route("watches")
@PageTitle("Watches · tubebatch")
@PermitAll
public class WatchesView extends VerticalLayout {

    final Grid<Watch> grid = new Grid<>();
    final Grid<WatchRun> runs = new Grid<>();
    final TextField name = new TextField("Name");
    final TextField source = new TextField("Channel or playlist URL");
    final IntegerField recent = new IntegerField("Recent videos");
    final IntegerField minMinutes = new IntegerField("Minimum minutes");
    final TextField schedule = new TextField("Schedule");
    final Button create = new Button("Create watch");
    final Span message = new Span();
    final HorizontalLayout form = new HorizontalLayout(name, source, recent, minMinutes, schedule, create);
    private final WatchService watches;
    private final WatchQueries queries;
    private final CurrentUser user;

    WatchesView(WatchService watches, WatchQueries queries, CurrentUser user) {
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
            grid.addComponentColumn(this::actions).setHeader("");
        }
        grid.addSelectionListener(e -> e.getFirstSelectedItem().ifPresentOrElse(
                w -> runs.setItems(queries.runs(w.id(), 100)), () -> runs.setItems(java.util.List.of())));
        runs.addColumn(r -> BatchesView.TIME.format(r.startedAt())).setHeader("Run");
        runs.addColumn(WatchRun::listed).setHeader("Listed");
        runs.addColumn(WatchRun::newVideos).setHeader("New");
        runs.addColumn(r -> r.batchId() == null ? "" : r.batchId().toString().substring(0, 8)).setHeader("Batch");
        runs.addColumn(r -> r.error() == null ? "" : r.error()).setHeader("Problem").setFlexGrow(3);
        recent.setValue(PreviewRequest.DEFAULT_RECENT);
        recent.setMin(1);
        minMinutes.setMin(0);
        schedule.setValue("daily");
        schedule.setHelperText("hourly, daily or a cron expression");
        source.setWidth("28em");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> create());
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setVisible(operator);
        add(new H3("Watches"), form, message, grid, new H3("Runs of the chosen watch"), runs);
        refresh();
    }

    private HorizontalLayout actions(Watch watch) {
        Button toggle = new Button(watch.paused() ? "Resume" : "Pause", e -> {
            if (watch.paused()) {
                watches.resume(watch.id());
            } else {
                watches.pause(watch.id());
            }
            refresh();
        });
        Button delete = new Button("Delete", e -> {
            watches.delete(watch.id());
            refresh();
        });
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return new HorizontalLayout(toggle, delete);
    }

    void create() {
        try {
            Integer min = minMinutes.getValue();
            PreviewRequest.Filters filters = new PreviewRequest.Filters(min == null ? null : Duration.ofMinutes(min),
                    null, null, null, null, null, false, false, true);
            Integer count = recent.getValue();
            watches.create(new WatchService.NewWatch(name.getValue(), source.getValue(),
                    count == null ? PreviewRequest.DEFAULT_RECENT : count, filters, schedule.getValue()),
                    user.name());
            message.setText("Watch created.");
            refresh();
        } catch (IllegalArgumentException e) {
            message.setText(ErrorMessages.forUser(e));
        }
    }

    void refresh() {
        grid.setItems(queries.list());
    }
}
