package dev.tubebatch.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.router.RouteParameters;
import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.TranscriptSource;
import dev.tubebatch.library.LibraryQueries;
import dev.tubebatch.library.LibraryVideo;
import dev.tubebatch.support.EngineHarness;
import dev.tubebatch.support.EngineTest;
import dev.tubebatch.export.OutputLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The library on the engine's shared context: a video transcribed in two batches is listed once. */
@EngineTest
class LibraryViewTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    EngineHarness engine;

    @Autowired
    LibraryQueries library;

    @Autowired
    OutputLayout layout;

    @AfterEach
    void tearDown() {
        KaribuSupport.tearDown();
    }

    @Test
    void a_video_in_two_batches_appears_once_and_opens_with_each_line_linked_to_its_moment() {
        Batch first = engine.create("library one", 0, "capLibrary1", "autLibrary1");
        engine.awaitFinished(first);
        Batch second = engine.create("library two", 0, "capLibrary1");
        engine.awaitFinished(second);

        List<LibraryVideo> videos = library.videos("Library1", 0, 50);
        assertThat(videos).extracting(LibraryVideo::videoId).containsExactlyInAnyOrder("capLibrary1", "autLibrary1");
        LibraryVideo twice = library.video("capLibrary1").orElseThrow();
        assertThat(twice.batches()).isEqualTo(2);
        assertThat(twice.batchId()).isEqualTo(second.id());
        assertThat(twice.source()).isEqualTo(TranscriptSource.CAPTIONS);
        assertThat(library.video("autLibrary1").orElseThrow().source()).isEqualTo(TranscriptSource.AUTO_CAPTIONS);
        assertThat(library.videos("100%_", 0, 50)).isEmpty();

        KaribuSupport.signInAndSetUp(context, "viewer", "VIEWER");
        UI.getCurrent().navigate(LibraryView.class);
        LibraryView list = _get(LibraryView.class);
        list.filter.setValue("capLibrary1");
        list.refresh();
        assertThat(GridKt._size(list.grid)).isEqualTo(1);
        assertThat(GridKt._getFormatted(list.grid, 0, "transcript")).isEqualTo("captions, en");
        assertThat(list.zip.isEnabled()).isFalse();
        list.grid.select(twice);
        assertThat(list.zip.getHref()).isEqualTo("api/library/export.zip?videos=capLibrary1");
        assertThat(list.pdf.getHref()).isEqualTo("api/library/export.pdf?videos=capLibrary1");

        UI.getCurrent().navigate(LibraryVideoView.class, new RouteParameters("videoId", "capLibrary1"));
        LibraryVideoView view = _get(LibraryVideoView.class);
        assertThat(view.title.getText()).isEqualTo("Fake video capLibrary1");
        List<Anchor> moments = _find(view.transcript, Anchor.class);
        assertThat(moments).isNotEmpty();
        assertThat(moments.getFirst().getHref()).isEqualTo("https://youtu.be/capLibrary1?t=0");
        assertThat(view.transcript.getElement().getTextRecursively()).contains("Welcome to fake video capLibrary1.");
        assertThat(view.delete.isVisible()).isFalse();
    }

    @Test
    void an_admin_deletes_a_videos_stored_data_and_its_files_in_every_batch() {
        Batch first = engine.create("library delete one", 0, "capLibDel01");
        engine.awaitFinished(first);
        Batch second = engine.create("library delete two", 0, "capLibDel01");
        engine.awaitFinished(second);
        List<Path> folders = List.of(layout.videoFolder(first, engine.item(first, "capLibDel01")),
                layout.videoFolder(second, engine.item(second, "capLibDel01")));
        assertThat(folders).allMatch(Files::isDirectory);

        KaribuSupport.signInAndSetUp(context, "admin", "ADMIN", "OPERATOR", "VIEWER");
        UI.getCurrent().navigate(LibraryVideoView.class, new RouteParameters("videoId", "capLibDel01"));
        LibraryVideoView view = _get(LibraryVideoView.class);
        assertThat(view.delete.isVisible()).isTrue();
        view.delete.click();
        view.confirmDelete.click();

        assertThat(library.video("capLibDel01")).isEmpty();
        assertThat(folders).noneMatch(Files::exists);
        assertThat(engine.item(first, "capLibDel01")).isNotNull();
        _get(LibraryView.class);
    }
}
