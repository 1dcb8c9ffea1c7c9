package dev.tubebatch.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import dev.tubebatch.batch.Batch;
import dev.tubebatch.support.EngineHarness;
import dev.tubebatch.support.EngineTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The search view on the engine's shared context: a viewer searches captions the engine stored. */
@EngineTest
class SearchViewTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    EngineHarness engine;

    @AfterEach
    void tearDown() {
        KaribuSupport.tearDown();
    }

    @Test
    void a_viewer_finds_a_moment_and_its_link_with_the_match_marked() {
        Batch batch = engine.create("search view", 0, "capSrchView");
        engine.awaitFinished(batch);
        KaribuSupport.signInAndSetUp(context, "viewer", "VIEWER");
        UI.getCurrent().navigate(SearchView.class);
        SearchView view = _get(SearchView.class);

        view.words.setValue("welcome capSrchView");
        view.batch.setValue(view.batch.getListDataView().getItems().filter(b -> b.id().equals(batch.id()))
                .findFirst().orElseThrow());
        view.find.click();

        assertThat(view.message.getText()).isEqualTo("Hits 1–1.");
        assertThat(view.hits.getElement().getOuterHTML())
                .contains("<mark>Welcome</mark> to fake video <mark>capSrchView</mark>")
                .contains("Fake video capSrchView");
        Anchor moment = _get(view.hits, Anchor.class);
        assertThat(moment.getHref()).isEqualTo("https://youtu.be/capSrchView?t=0");
        assertThat(view.next.isEnabled()).isFalse();
    }

    @Test
    void an_empty_search_says_what_is_missing() {
        KaribuSupport.signInAndSetUp(context, "viewer", "VIEWER");
        UI.getCurrent().navigate(SearchView.class);
        SearchView view = _get(SearchView.class);

        view.find.click();

        assertThat(view.message.getText()).contains("the search text is empty");
    }
}
