package dev.tubebatch.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import dev.tubebatch.intake.PreviewRequest;
import dev.tubebatch.security.CurrentUser;
import dev.tubebatch.support.EngineTest;
import dev.tubebatch.watch.Watch;
import dev.tubebatch.watch.WatchQueries;
import dev.tubebatch.watch.WatchService;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

/** The watches view on the engine's shared context. */
@EngineTest
class WatchesViewTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    WatchService watches;

    @Autowired
    WatchQueries queries;

    final List<UUID> made = new ArrayList<>();

    @AfterEach
    void tearDown() {
        KaribuSupport.tearDown();
        made.forEach(watches::delete);
    }

    @Test
    void an_operator_creates_and_pauses_a_watch_and_a_bad_schedule_is_named() {
        KaribuSupport.signInAndSetUp(context, "operator", "OPERATOR", "VIEWER");
        UI.getCurrent().navigate(WatchesView.class);
        WatchesView view = _get(WatchesView.class);

        view.name.setValue("View watch");
        view.source.setValue("https://www.youtube.com/playlist?list=PLviewWatch");
        view.schedule.setValue("whenever");
        view.create.click();
        assertThat(view.message.getText()).contains("schedule:");

        view.schedule.setValue("hourly");
        view.create.click();
        assertThat(view.message.getText()).isEqualTo("Watch created.");
        Watch watch = view.grid.getListDataView().getItems().filter(w -> w.name().equals("View watch")).findFirst()
                .orElseThrow();
        int row = view.grid.getListDataView().getItems().toList().indexOf(watch);
        assertThat(GridKt._getFormatted(view.grid, row, "state")).isEqualTo("active");
    }

    @Test
    void a_viewer_sees_watches_but_not_the_form() {
        KaribuSupport.signInAndSetUp(context, "viewer", "VIEWER");
        UI.getCurrent().navigate(WatchesView.class);

        assertThat(_get(WatchesView.class).form.isVisible()).isFalse();
    }

    @Test
    void an_operator_edits_a_watchs_filters_in_a_dialog_filled_with_the_stored_ones_and_they_are_stored() {
        Watch watch = watch("Edited watch", new PreviewRequest.Filters(Duration.ofMinutes(5), null, null, null,
                "rust", null, true, false, true));
        KaribuSupport.signInAndSetUp(context, "operator", "OPERATOR", "VIEWER");
        UI.getCurrent().navigate(WatchesView.class);
        WatchesView view = _get(WatchesView.class);

        editButton(view, watch).click();
        WatchFiltersDialog dialog = _get(WatchFiltersDialog.class);
        assertThat(dialog.filters.minMinutes.getValue()).isEqualTo(5);
        assertThat(dialog.filters.maxMinutes.getValue()).isNull();
        assertThat(dialog.filters.titleContains.getValue()).isEqualTo("rust");
        assertThat(dialog.filters.skipShorts.getValue()).isTrue();
        assertThat(dialog.filters.recent.isAttached()).isFalse();

        dialog.filters.minMinutes.setValue(10);
        dialog.filters.maxMinutes.setValue(90);
        dialog.filters.uploadedAfter.setValue(LocalDate.of(2024, 1, 1));
        dialog.filters.titleContains.setValue("");
        dialog.filters.titleExcludes.setValue("sponsored");
        dialog.filters.skipShorts.setValue(false);
        dialog.filters.skipLive.setValue(true);
        dialog.filters.skipProcessed.setValue(false);
        dialog.save.click();

        assertThat(dialog.isOpened()).isFalse();
        assertThat(view.message.getText()).contains("Edited watch");
        assertThat(queries.find(watch.id()).orElseThrow().filters()).isEqualTo(new PreviewRequest.Filters(
                Duration.ofMinutes(10), Duration.ofMinutes(90), LocalDate.of(2024, 1, 1), null, null, "sponsored",
                false, true, false));
    }

    @Test
    void an_invalid_filter_is_shown_naming_its_field_and_nothing_is_stored() {
        PreviewRequest.Filters stored = new PreviewRequest.Filters(Duration.ofMinutes(5), null, null, null, null,
                null, false, false, true);
        Watch watch = watch("Refused watch", stored);
        KaribuSupport.signInAndSetUp(context, "operator", "OPERATOR", "VIEWER");
        UI.getCurrent().navigate(WatchesView.class);
        WatchesView view = _get(WatchesView.class);
        editButton(view, watch).click();
        WatchFiltersDialog dialog = _get(WatchFiltersDialog.class);

        dialog.filters.minMinutes.setValue(-3);
        dialog.save.click();

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.message.getText()).isEqualTo("Min minutes: must not be negative");
        assertThat(dialog.filters.minMinutes.isInvalid()).isTrue();
        assertThat(dialog.filters.minMinutes.getErrorMessage()).isEqualTo("must not be negative");

        dialog.filters.minMinutes.setValue(60);
        dialog.filters.maxMinutes.setValue(30);
        dialog.save.click();

        assertThat(dialog.message.getText()).isEqualTo("Max minutes: the minimum is longer than the maximum");
        assertThat(dialog.filters.maxMinutes.isInvalid()).isTrue();
        assertThat(queries.find(watch.id()).orElseThrow().filters()).isEqualTo(stored);
    }

    @Test
    void a_viewer_has_no_edit_button_and_cannot_save_a_watchs_filters() {
        PreviewRequest.Filters stored = PreviewRequest.Filters.defaults();
        Watch watch = watch("Viewer's watch", stored);
        KaribuSupport.signInAndSetUp(context, "viewer", "VIEWER");
        UI.getCurrent().navigate(WatchesView.class);
        WatchesView view = _get(WatchesView.class);

        assertThat(view.grid.getColumnByKey("actions")).isNull();
        assertThatThrownBy(() -> view.editFilters(watch)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(view::create).isInstanceOf(AccessDeniedException.class);
        // The dialog checks the role itself: a hidden button is not a permission.
        WatchFiltersDialog dialog = new WatchFiltersDialog(watch, watches, context.getBean(CurrentUser.class),
                () -> {});
        dialog.filters.skipShorts.setValue(true);
        assertThatThrownBy(dialog::save).isInstanceOf(AccessDeniedException.class);
        assertThat(queries.find(watch.id()).orElseThrow().filters()).isEqualTo(stored);
    }

    private Watch watch(String name, PreviewRequest.Filters filters) {
        Watch watch = watches.create(new WatchService.NewWatch(name,
                "https://www.youtube.com/playlist?list=PL" + name.replaceAll("\\W", ""), 10, filters, "daily"),
                "operator");
        made.add(watch.id());
        return watch;
    }

    private static Button editButton(WatchesView view, Watch watch) {
        List<Watch> rows = view.grid.getListDataView().getItems().toList();
        int row = rows.stream().map(Watch::id).toList().indexOf(watch.id());
        HorizontalLayout actions = (HorizontalLayout) GridKt._getCellComponent(view.grid, row, "actions");
        return _get(actions, Button.class, spec -> spec.withText("Edit filters"));
    }
}
