package dev.tubebatch.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import dev.tubebatch.support.EngineTest;
import dev.tubebatch.watch.Watch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The watches view on the engine's shared context. */
@EngineTest
class WatchesViewTest {

    @Autowired
    ApplicationContext context;

    @AfterEach
    void tearDown() {
        KaribuSupport.tearDown();
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
}
