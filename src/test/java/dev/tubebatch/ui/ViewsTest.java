package dev.tubebatch.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteParameters;
import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchChange;
import dev.tubebatch.batch.BatchEvents;
import dev.tubebatch.batch.BatchOverview;
import dev.tubebatch.batch.BatchQueries;
import dev.tubebatch.batch.BatchService;
import dev.tubebatch.batch.ItemStatus;
import dev.tubebatch.batch.ItemTracker;
import dev.tubebatch.batch.NewBatch;
import dev.tubebatch.batch.OnErrorPolicy;
import dev.tubebatch.batch.VideoItem;
import dev.tubebatch.intake.IntakeFixtures;
import dev.tubebatch.intake.PreviewResult;
import dev.tubebatch.intake.PreviewRunner;
import dev.tubebatch.intake.PreviewRunners;
import dev.tubebatch.support.Eventually;
import dev.tubebatch.inference.LanguageModel;
import dev.tubebatch.inference.Summarizer;
import dev.tubebatch.inference.SummaryFailedException;
import dev.tubebatch.inference.LlmProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import com.vaadin.flow.component.html.Span;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The views in the test's JVM (karibu-testing), on the embedded PostgreSQL, with no job workers; yt-dlp is the fake
 * with intake's flat-listing fixtures.
 */
@SpringBootTest(properties = {
        "tubebatch.database.embedded.clean=true",
        "tubebatch.database.embedded.data-directory=target/test-pg/ui",
        "jobrunr.background-job-server.enabled=false",
        "jobrunr.dashboard.enabled=false"})
class ViewsTest {

    static final Path FAKE = IntakeFixtures.installFake("ui");

    @DynamicPropertySource
    static void ytDlp(DynamicPropertyRegistry registry) {
        registry.add("tubebatch.ytdlp.path", FAKE::toString);
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    BatchService batches;

    @Autowired
    BatchQueries queries;

    @Autowired
    ItemTracker tracker;

    @Autowired
    BatchEvents events;

    @Autowired
    dev.tubebatch.batch.TranscriptStore transcripts;

    @Autowired
    dev.tubebatch.batch.DigestStore digests;

    @Autowired
    PreviewRunner previews;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @AfterEach
    void tearDown() {
        KaribuSupport.tearDown();
    }

    @Test
    void a_new_batch_with_two_urls_opens_its_batch_view_listing_both_videos() {
        KaribuSupport.signInAndSetUp(context, "admin", "ADMIN", "OPERATOR", "VIEWER");
        UI.getCurrent().navigate(NewBatchView.class);
        NewBatchView view = _get(NewBatchView.class);

        view.name.setValue("Two videos");
        view.urls.setValue("https://www.youtube.com/watch?v=dQw4w9WgXcQ\nhttps://youtu.be/9bZkp7q19f0\n");
        view.options.summaryPreset.setValue("action-items");
        view.options.summaryInstruction.setValue("Name every tool.");
        view.options.captionLanguages.setValue("de, orig");
        view.options.translatedCaptions.setValue(true);
        view.preview.click();
        // The preview runs on another thread and comes back through UI.access, as with push in a browser.
        Eventually.within(Duration.ofSeconds(20), "the preview to arrive", () -> {
            MockVaadin.clientRoundtrip(false);
            return view.lastPreview() != null;
        });
        assertThat(view.result.getElement().getTextRecursively()).contains("2 videos");
        assertThat(view.start.isEnabled()).isTrue();
        view.start.click();

        BatchView batchView = _get(BatchView.class);
        assertThat(GridKt._size(batchView.grid)).isEqualTo(2);
        assertThat(GridKt._getFormatted(batchView.grid, 0, "video")).isEqualTo("dQw4w9WgXcQ");
        assertThat(GridKt._getFormatted(batchView.grid, 1, "video")).isEqualTo("9bZkp7q19f0");
        assertThat(batchView.title.getText()).isEqualTo("Two videos");
        Batch created = queries.overview().getFirst().batch();
        assertThat(created.name()).isEqualTo("Two videos");
        assertThat(created.createdBy()).isEqualTo("admin");
        assertThat(queries.options(created.id())).isEqualTo(new dev.tubebatch.batch.BatchOptions(true, null,
                "action-items", "Name every tool.", null, List.of("de", "orig"), true));
    }

    @Test
    void a_caption_language_that_is_no_language_code_is_shown_on_its_field_and_nothing_is_created() {
        KaribuSupport.signInAndSetUp(context, "admin", "ADMIN", "OPERATOR", "VIEWER");
        UI.getCurrent().navigate(NewBatchView.class);
        NewBatchView view = _get(NewBatchView.class);
        view.urls.setValue("https://www.youtube.com/watch?v=dQw4w9WgXcQ\n");
        view.preview.click();
        Eventually.within(Duration.ofSeconds(20), "the preview to arrive", () -> {
            MockVaadin.clientRoundtrip(false);
            return view.lastPreview() != null;
        });
        int before = queries.overview().size();

        view.options.captionLanguages.setValue("de, en;rm");
        assertThat(view.options.captionLanguages.isInvalid()).isTrue();
        assertThat(view.options.captionLanguages.getErrorMessage()).contains("'en;rm' (entry 2) is not a language code");
        view.start.click();

        assertThat(queries.overview()).hasSize(before);
        assertThat(view.options.captionLanguages.isInvalid()).isTrue();
        view.options.captionLanguages.setValue("de en");
        assertThat(view.options.captionLanguages.isInvalid()).isFalse();
    }

    @Test
    void bad_lines_are_reported_per_line_and_nothing_is_created() {
        KaribuSupport.signInAndSetUp(context, "admin", "ADMIN", "OPERATOR", "VIEWER");
        int before = queries.overview().size();
        UI.getCurrent().navigate(NewBatchView.class);
        NewBatchView view = _get(NewBatchView.class);
        view.previews = PreviewRunners.on(previews, Runnable::run);

        view.urls.setValue("\n\njunk\nhttps://vimeo.com/123\njavascript:alert(1)\n-o/etc/passwd\n");
        view.preview.click();

        assertThat(view.rejections()).extracting(Object::toString).containsExactly(
                "pasted text line 3: not a YouTube URL or video id (junk)",
                "pasted text line 4: not a YouTube URL (host vimeo.com) (https://vimeo.com/123)",
                "pasted text line 5: 'javascript:' links are not accepted: use an https YouTube URL (javascript:alert(1))",
                "pasted text line 6: starts with '-': not a URL (-o/etc/passwd)");
        assertThat(view.result.getElement().getTextRecursively()).contains("line 4: not a YouTube URL")
                .contains("No videos to process");
        assertThat(view.start.isEnabled()).isFalse();
        view.start.click();
        assertThat(queries.overview()).hasSize(before);

        view.urls.setValue("https://youtu.be/dQw4w9WgXcQ\n".repeat(5 * 1024 * 1024 / 29 + 1));
        view.preview.click();
        assertThat(view.result.getElement().getTextRecursively()).contains("The input is 5.0 MB; the limit is 1.0 MB");
        assertThat(view.start.isEnabled()).isFalse();
        assertThat(queries.overview()).hasSize(before);
    }

    @Test
    void text_an_uploaded_file_a_channel_and_filters_preview_with_reasons_and_totals_and_start_takes_exactly_that() {
        KaribuSupport.signInAndSetUp(context, "admin", "ADMIN", "OPERATOR", "VIEWER");
        UI.getCurrent().navigate(NewBatchView.class);
        NewBatchView view = _get(NewBatchView.class);
        view.previews = PreviewRunners.on(previews, Runnable::run);

        view.name.setValue("Intake " + UUID.randomUUID());
        view.urls.setValue("https://www.youtube.com/playlist?list=PLintakeFilters\nnot a url\n");
        UploadKt._upload(view.upload, "urls.csv", """
                url,note
                https://www.youtube.com/@intakechannel,latest
                https://youtu.be/filtAAAAA01,again
                """.getBytes(StandardCharsets.UTF_8));
        MockVaadin.clientRoundtrip(false);
        assertThat(view.fileLabel.getText()).isEqualTo("urls.csv (90 bytes)");
        view.filters.recent.setValue(3);
        view.filters.minMinutes.setValue(1);
        view.filters.titleExcludes.setValue("sponsored");
        view.filters.uploadedBefore.setValue(LocalDate.of(2024, 6, 30));
        view.filters.skipShorts.setValue(true);
        view.filters.skipLive.setValue(true);
        view.preview.click();

        PreviewResult shown = view.lastPreview();
        assertThat(shown.videos()).extracting(PreviewResult.PreviewVideo::videoId).containsExactly(
                "filtAAAAA01", "filtAAAAA02", "filtAAAAA09", "chanAAAAA01", "chanAAAAA02", "chanAAAAA03");
        String text = view.result.getElement().getTextRecursively();
        PreviewGrid grid = java.util.Objects.requireNonNull(view.result.videos);
        assertThat(List.of("title", "channel", "duration", "uploaded", "source"))
                .map(column -> GridKt._getFormatted(grid, 0, column))
                .containsExactly("Intro to Rust", "Intake Channel", "10:00", "2024-01-10", "pasted text line 1, entry 1");
        assertThat(text).contains("6 videos, 1:40:00 in all")
                .contains("duplicate — 1").contains("private video — 1")
                .contains("pasted text line 1, entry 4: private video")
                .contains("pasted text line 1, entry 3: YouTube Short (skip Shorts is on)")
                .contains("pasted text line 1, entry 7: live stream (skip live is on)")
                .contains("pasted text line 1, entry 8: title contains 'sponsored'")
                .contains("pasted text line 2: contains spaces or control characters")
                .contains("urls.csv line 3: duplicate of pasted text line 1, entry 1");
        assertThat(view.start.isEnabled()).isTrue();
        view.start.click();

        BatchView batchView = _get(BatchView.class);
        assertThat(GridKt._size(batchView.grid)).isEqualTo(6);
        List<String> created = queries.items(queries.overview().getFirst().batch().id()).stream()
                .map(VideoItem::videoId).toList();
        assertThat(created).containsExactly("filtAAAAA01", "filtAAAAA02", "filtAAAAA09", "chanAAAAA01",
                "chanAAAAA02", "chanAAAAA03");
    }

    @Test
    void any_change_after_the_preview_turns_start_off_until_the_next_preview() {
        KaribuSupport.signInAndSetUp(context, "admin", "ADMIN", "OPERATOR", "VIEWER");
        int before = queries.overview().size();
        UI.getCurrent().navigate(NewBatchView.class);
        NewBatchView view = _get(NewBatchView.class);
        view.previews = PreviewRunners.on(previews, Runnable::run);
        view.urls.setValue("https://youtu.be/dQw4w9WgXcQ");
        view.preview.click();
        assertThat(view.start.isEnabled()).isTrue();

        view.filters.titleContains.setValue("rust");
        assertThat(view.start.isEnabled()).isFalse();
        view.filters.titleContains.setValue("");
        assertThat(view.start.isEnabled()).as("back to exactly the previewed input").isTrue();

        view.fileReceived("more.txt", "https://youtu.be/9bZkp7q19f0\n".getBytes(StandardCharsets.UTF_8));
        assertThat(view.start.isEnabled()).isFalse();
        view.start();
        assertThat(view.result.getElement().getTextRecursively()).contains("Preview the current input before starting.");
        assertThat(queries.overview()).hasSize(before);

        view.removeFile();
        view.filters.skipProcessed.setValue(false);
        assertThat(view.start.isEnabled()).isFalse();
        view.start();
        assertThat(queries.overview()).hasSize(before);
    }

    @Test
    void a_preview_whose_input_changed_while_it_ran_is_not_used() {
        KaribuSupport.signInAndSetUp(context, "admin", "ADMIN", "OPERATOR", "VIEWER");
        UI.getCurrent().navigate(NewBatchView.class);
        NewBatchView view = _get(NewBatchView.class);
        List<Runnable> pending = new ArrayList<>();
        view.previews = PreviewRunners.on(previews, pending::add);
        view.urls.setValue("https://youtu.be/dQw4w9WgXcQ");
        view.preview.click();
        assertThat(view.preview.isEnabled()).isFalse();
        assertThat(view.working.isVisible()).isTrue();

        view.urls.setValue("https://youtu.be/9bZkp7q19f0");
        pending.getFirst().run();

        assertThat(view.lastPreview()).isNull();
        assertThat(view.start.isEnabled()).isFalse();
        assertThat(view.preview.isEnabled()).isTrue();
        assertThat(view.result.getElement().getTextRecursively())
                .contains("The inputs changed during the preview: preview again.");
        assertThat((java.util.concurrent.Future<?>) pending.getFirst()).isCancelled();
    }

    @Test
    void with_every_preview_place_of_the_node_taken_the_view_says_so_and_previews_again_later() {
        KaribuSupport.signInAndSetUp(context, "admin", "ADMIN", "OPERATOR", "VIEWER");
        UI.getCurrent().navigate(NewBatchView.class);
        NewBatchView view = _get(NewBatchView.class);
        view.previews = PreviewRunners.on(previews, Runnable::run);
        view.urls.setValue("https://youtu.be/dQw4w9WgXcQ");
        List<PreviewRunner.Running> others = PreviewRunners.takeAllPlaces(previews);
        try {
            view.preview.click();

            assertThat(view.result.getElement().getTextRecursively())
                    .isEqualTo("Too many previews are running; try again in a moment.");
            assertThat(view.lastPreview()).isNull();
            assertThat(view.start.isEnabled()).isFalse();
            assertThat(view.preview.isEnabled()).isTrue();
            assertThat(view.working.isVisible()).isFalse();
        } finally {
            others.forEach(PreviewRunner.Running::cancel);
        }

        view.preview.click();
        assertThat(view.lastPreview().videos()).extracting(PreviewResult.PreviewVideo::videoId)
                .containsExactly("dQw4w9WgXcQ");
        assertThat(view.start.isEnabled()).isTrue();
    }

    @Test
    void changing_the_input_cancels_a_running_preview_and_kills_its_yt_dlp() throws Exception {
        KaribuSupport.signInAndSetUp(context, "admin", "ADMIN", "OPERATOR", "VIEWER");
        UI.getCurrent().navigate(NewBatchView.class);
        NewBatchView view = _get(NewBatchView.class);
        String list = "PLslpCancel" + Long.toHexString(System.nanoTime());
        Path pids = FAKE.resolveSibling("state").resolve(list + ".pids");
        view.urls.setValue("https://www.youtube.com/playlist?list=" + list);
        view.preview.click();
        Eventually.within(Duration.ofSeconds(20), "the fake yt-dlp to start sleeping", () -> pids.toFile().length() > 0);
        long pid = new tools.jackson.databind.ObjectMapper().readTree(pids.toFile()).path("pid").asLong();
        assertThat(ProcessHandle.of(pid)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

        view.urls.setValue("https://youtu.be/dQw4w9WgXcQ");

        Eventually.within(Duration.ofSeconds(20), "yt-dlp to be killed",
                () -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
        assertThat(view.start.isEnabled()).isFalse();
        assertThat(view.preview.isEnabled()).isTrue();
    }

    @Test
    void the_batch_view_follows_changes_to_its_videos() {
        KaribuSupport.signInAndSetUp(context, "viewer", "VIEWER");
        Batch batch = batches.create(new NewBatch("Live", List.of(new NewBatch.NewVideo(
                "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "dQw4w9WgXcQ")), null, 0, OnErrorPolicy.CONTINUE),
                "admin");
        UI.getCurrent().navigate(BatchView.class, new RouteParameters("batchId", batch.id().toString()));
        BatchView view = _get(BatchView.class);
        assertThat(GridKt._getFormatted(view.grid, 0, "video")).isEqualTo("dQw4w9WgXcQ");
        assertThat(view.downloadZip.getHref()).isEqualTo("downloads/batches/" + batch.id() + ".zip");
        assertThat(view.downloadPdf.getHref()).isEqualTo("downloads/batches/" + batch.id() + ".pdf");

        VideoItem item = queries.items(batch.id()).getFirst();
        tracker.metadata(item, "Never Gonna Give You Up", "Rick Astley", 213, null);
        events.publish(new BatchChange(batch.id(), item.id()));

        Eventually.within(Duration.ofSeconds(5), "the grid to show the new title", () -> {
            MockVaadin.clientRoundtrip(false);
            return GridKt._getFormatted(view.grid, 0, "video").equals("Never Gonna Give You Up");
        });
        assertThat(view.counts.getText()).contains("0 of 1 done");
        assertThat(view.progress.getElement().getAttribute("aria-label")).isEqualTo("1 waiting of 1 video");
        assertThat(view.status.getElement().getAttribute("theme")).isEqualTo("badge");
        assertThat(view.status.getText()).isEqualTo("Running");
    }

    @Test
    void a_viewer_can_neither_open_nor_use_new_batch_and_sees_no_controls() {
        KaribuSupport.signInAndSetUp(context, "viewer", "VIEWER");

        assertThatThrownBy(() -> UI.getCurrent().navigate("new"))
                .hasMessageContaining("Access is denied by annotations on the view");
        _assertNone(NewBatchView.class);

        NewBatchView view = context.getAutowireCapableBeanFactory().createBean(NewBatchView.class);
        view.urls.setValue("https://youtu.be/dQw4w9WgXcQ");
        assertThatThrownBy(view::preview).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(view::start).isInstanceOf(AccessDeniedException.class);

        Batch batch = batches.create(new NewBatch("Viewer", List.of(new NewBatch.NewVideo(
                "https://www.youtube.com/watch?v=9bZkp7q19f0", "9bZkp7q19f0")), null, 0, OnErrorPolicy.CONTINUE),
                "admin");
        UI.getCurrent().navigate(BatchView.class, new RouteParameters("batchId", batch.id().toString()));
        BatchView batchView = _get(BatchView.class);
        assertThat(batchView.cancel.getParent().orElseThrow().isVisible()).isFalse();
    }

    @Test
    void the_batch_list_shows_every_batch_with_its_counts() {
        KaribuSupport.signInAndSetUp(context, "viewer", "VIEWER");
        batches.create(new NewBatch("Listed " + UUID.randomUUID(), List.of(new NewBatch.NewVideo(
                "https://www.youtube.com/watch?v=9bZkp7q19f0", "9bZkp7q19f0")), null, 0, OnErrorPolicy.CONTINUE),
                "admin");
        UI.getCurrent().navigate(BatchesView.class);
        BatchesView view = _get(BatchesView.class);

        List<BatchOverview> shown = GridKt._findAll(view.grid);
        assertThat(shown).hasSameSizeAs(queries.overview());
        assertThat(GridKt._getFormatted(view.grid, 0, "done")).isEqualTo("0 of 1");
        assertThat(GridKt._getCellComponent(view.grid, 0, "progress")).isInstanceOf(SegmentedProgress.class);
    }

    @Test
    void the_system_view_shows_the_machine_the_advice_the_models_and_the_tools_to_admins_only() {
        KaribuSupport.signInAndSetUp(context, "viewer", "VIEWER");
        assertThatThrownBy(() -> UI.getCurrent().navigate("system"))
                .hasMessageContaining("Access is denied by annotations on the view");
        KaribuSupport.tearDown();

        KaribuSupport.signInAndSetUp(context, "admin", "ADMIN", "OPERATOR", "VIEWER");
        UI.getCurrent().navigate(SystemView.class);
        SystemView view = _get(SystemView.class);
        assertThat(view.machine.getElement().getTextRecursively()).contains("cores").contains("memory")
                .contains("No GPU").contains("ONNX Runtime: ");
        assertThat(view.advice.getElement().getTextRecursively()).contains("inference slots")
                .contains("no GPU:");
        assertThat(GridKt._findAll(view.modelGrid)).extracting(m -> m.name()).contains("moonshine-tiny");
        assertThat(view.toolList.getElement().getTextRecursively()).contains("yt-dlp: ").contains("ffmpeg");
        assertThat(view.llm.getElement().getTextRecursively()).contains("No LLM is configured");
        assertThat(view.chart.getElement().getChild(0).getProperty("innerHTML", "")
                + view.chart.getChildren().findFirst().map(c -> c.getElement().getOuterHTML()).orElse(""))
                .contains("<svg").contains("<rect");
    }

    @Test
    void a_configured_model_that_is_missing_shows_a_red_badge_and_the_reason() {
        Span missing = SystemView.modelState(new dev.tubebatch.inference.ModelRegistry.ModelInfo("moonshine-tiny",
                "classpath:models/moonshine-tiny/", false, 0, java.time.Duration.ZERO, "not packaged in this build"));
        assertThat(missing.getElement().getTextRecursively()).isEqualTo("MISSING not packaged in this build");
        assertThat(missing.getElement().getChild(0).getThemeList()).contains("badge", "error");

        Span present = SystemView.modelState(new dev.tubebatch.inference.ModelRegistry.ModelInfo("minilm", "jar",
                false, 0, java.time.Duration.ZERO, null));
        assertThat(present.getText()).isEqualTo("not loaded yet");
    }

    @Test
    void the_llm_connection_test_shows_the_endpoint_and_the_model_and_then_the_answer_or_the_error() {
        KaribuSupport.signInAndSetUp(context, "admin", "ADMIN", "OPERATOR", "VIEWER");
        String key = "sk-views-secret";
        LlmProperties settings = new LlmProperties("http://127.0.0.1:9/v1", "fake-model", key, null, null, null, null,
                null, null, null, null, null, null, null);
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean failing = new java.util.concurrent.atomic.AtomicBoolean();
        LanguageModel model = new LanguageModel() {
            @Override
            public Reply ask(String system, String user, int maxOutputTokens) {
                throw new AssertionError("the connection test asks once, without retries");
            }

            @Override
            public Reply askOnce(String system, String user, int maxOutputTokens) {
                asked.incrementAndGet();
                if (failing.get()) {
                    throw new SummaryFailedException("HTTP 500: The server had an error", true);
                }
                return new Reply("Ready.", "stop", new Summarizer.Usage(1, 20, 2, 35));
            }

            @Override
            public String endpoint() {
                return "http://127.0.0.1:9/v1";
            }

            @Override
            public String model() {
                return "fake-model";
            }
        };
        LlmPanel panel = new LlmPanel(settings, model);
        UI.getCurrent().add(panel);
        assertThat(panel.getElement().getTextRecursively()).contains("http://127.0.0.1:9/v1").contains("fake-model")
                .contains("key set").doesNotContain(key);

        panel.test.click();
        Eventually.within(Duration.ofSeconds(20), "the answer", () -> {
            MockVaadin.clientRoundtrip(false);
            return panel.test.isEnabled();
        });
        assertThat(panel.result.getElement().getTextRecursively()).contains("The model answered:").contains("Ready.")
                .contains("35 ms");

        failing.set(true);
        panel.test.click();
        Eventually.within(Duration.ofSeconds(20), "the error", () -> {
            MockVaadin.clientRoundtrip(false);
            return panel.test.isEnabled();
        });
        assertThat(panel.result.getElement().getTextRecursively()).contains("The test failed:").contains("HTTP 500");
        assertThat(asked).hasValue(2);
    }

    @Test
    void while_youtube_is_paused_every_page_shows_why_and_until_when_and_an_admin_lifts_it_in_the_system_view() {
        jdbc.sql("""
                update youtube_breaker set open_until = clock_timestamp() + interval '15 minutes',
                       tripped_at = clock_timestamp(), cooldown_ms = 900000,
                       reason = '3 bot checks or 429s within 2 min, the last a 429'""").update();
        KaribuSupport.signInAndSetUp(context, "viewer", "VIEWER");
        UI.getCurrent().navigate(BatchesView.class);
        YouTubeBanner banner = _get(YouTubeBanner.class);
        assertThat(banner.isVisible()).isTrue();
        assertThat(banner.getText()).startsWith("YouTube calls are paused on every node until ")
                .contains("(in 15 min)").endsWith(": 3 bot checks or 429s within 2 min, the last a 429.");
        KaribuSupport.tearDown();

        KaribuSupport.signInAndSetUp(context, "admin", "ADMIN", "OPERATOR", "VIEWER");
        UI.getCurrent().navigate(SystemView.class);
        SystemView view = _get(SystemView.class);
        assertThat(view.youTubeState.getElement().getTextRecursively()).contains("paused on every node")
                .contains("calls a minute");
        assertThat(view.liftBreaker.isEnabled()).isTrue();
        view.liftBreaker.click();

        assertThat(view.youTubeState.getElement().getTextRecursively()).contains("YouTube calls go on.");
        assertThat(view.liftBreaker.isEnabled()).isFalse();
        UI.getCurrent().navigate(BatchesView.class);
        _assertNone(YouTubeBanner.class); // Karibu finds visible components only
    }

    @Test
    void the_throughput_chart_scales_its_bars_to_the_busiest_interval() {
        String svg = SystemView.barChart(new int[] {0, 2, 4});
        assertThat(svg).contains("height=\"120.0\"").contains("height=\"60.0\"").contains("max 4");
    }

    @Test
    void the_detail_panel_shows_a_videos_transcript_summary_and_key_points_and_links_the_manifest() {
        KaribuSupport.signInAndSetUp(context, "viewer", "VIEWER");
        Batch batch = batches.create(new NewBatch("Detail", List.of(new NewBatch.NewVideo(
                "https://www.youtube.com/watch?v=jNQXAC9IVRw", "jNQXAC9IVRw")), null, 0, OnErrorPolicy.CONTINUE),
                "admin");
        VideoItem item = queries.items(batch.id()).getFirst();
        transcripts.save(new dev.tubebatch.batch.Transcript(item.id(), "en",
                dev.tubebatch.batch.TranscriptSource.CAPTIONS,
                List.of(new dev.tubebatch.batch.Segment(0, 4, "Here we are in front of the elephants."))));
        transcripts.save(new dev.tubebatch.batch.Summary(item.id(), "extractive-minilm",
                "The elephants have long trunks.", List.of("[00:00] Here we are in front of the elephants."),
                List.of(new dev.tubebatch.batch.ChapterSummary(62.5, "The zoo", "About the zoo.")),
                "The LLM failed (HTTP 500); the extractive-minilm summary was made instead.", null));
        digests.save(new dev.tubebatch.batch.BatchDigest(batch.id(), "llm:fake", List.of("Elephants"),
                List.of(new dev.tubebatch.batch.BatchDigest.Line(1, "jNQXAC9IVRw", "At the zoo", "A zoo visit.")),
                new dev.tubebatch.batch.Summary.Usage(1, 10, 5, 20, null)));
        UI.getCurrent().navigate(BatchView.class, new RouteParameters("batchId", batch.id().toString()));
        BatchView view = _get(BatchView.class);
        assertThat(view.digest.isVisible()).isTrue();
        assertThat(view.digest.content.getElement().getTextRecursively()).contains("Elephants")
                .contains("At the zoo").contains("A zoo visit.");
        view.showDetail(item);
        assertThat(view.drawer.isOpened()).isTrue();
        assertThat(view.drawer.body.getElement().getTextRecursively()).contains("00:00 Here we are in front")
                .contains("Summary (extractive-minilm)").contains("The elephants have long trunks.")
                .contains("the extractive-minilm summary was made instead").contains("The zoo: About the zoo.");
        assertThat(_find(view.drawer.body, com.vaadin.flow.component.html.Anchor.class,
                spec -> spec.withText("01:02"))).singleElement()
                .satisfies(a -> assertThat(a.getHref()).isEqualTo("https://youtu.be/jNQXAC9IVRw?t=62"));
        assertThat(view.manifest.getHref()).isEqualTo("api/batches/" + batch.id() + "/manifest");
        assertThat(BatchView.time(item)).isEmpty();
    }

    @Test
    void the_batch_list_filters_by_name_and_status() {
        KaribuSupport.signInAndSetUp(context, "viewer", "VIEWER");
        String unique = "Filtered " + UUID.randomUUID();
        Batch batch = batches.create(new NewBatch(unique, List.of(new NewBatch.NewVideo(
                "https://www.youtube.com/watch?v=9bZkp7q19f0", "9bZkp7q19f0")), null, 0, OnErrorPolicy.CONTINUE),
                "admin");
        batches.pause(batch.id());
        UI.getCurrent().navigate(BatchesView.class);
        BatchesView view = _get(BatchesView.class);
        view.search.setValue(unique.toUpperCase(java.util.Locale.ROOT));
        assertThat(GridKt._findAll(view.grid)).extracting(o -> o.batch().id()).containsExactly(batch.id());
        view.statusFilter.setValue(dev.tubebatch.batch.BatchStatus.RUNNING);
        assertThat(GridKt._findAll(view.grid)).isEmpty();
        view.statusFilter.setValue(dev.tubebatch.batch.BatchStatus.PAUSED);
        assertThat(GridKt._findAll(view.grid)).hasSize(1);
    }

    @Test
    void pause_resume_and_cancel_buttons_change_the_batch_and_follow_its_state() {
        KaribuSupport.signInAndSetUp(context, "admin", "ADMIN", "OPERATOR", "VIEWER");
        Batch batch = batches.create(new NewBatch("Controls", List.of(new NewBatch.NewVideo(
                "https://www.youtube.com/watch?v=kJQP7kiw5Fk", "kJQP7kiw5Fk")), null, 0, OnErrorPolicy.CONTINUE),
                "admin");
        UI.getCurrent().navigate(BatchView.class, new RouteParameters("batchId", batch.id().toString()));
        BatchView view = _get(BatchView.class);
        assertThat(view.pause.isEnabled()).isTrue();
        assertThat(view.resume.isEnabled()).isFalse();

        view.pause.click();
        assertThat(queries.get(batch.id()).status()).isEqualTo(dev.tubebatch.batch.BatchStatus.PAUSED);
        assertThat(view.pause.isEnabled()).isFalse();
        assertThat(view.resume.isEnabled()).isTrue();
        assertThat(view.status.getText()).isEqualTo("Paused");

        view.resume.click();
        assertThat(queries.get(batch.id()).status()).isEqualTo(dev.tubebatch.batch.BatchStatus.RUNNING);
        assertThat(view.pause.isEnabled()).isTrue();

        view.cancel.click();
        assertThat(queries.get(batch.id()).status()).isEqualTo(dev.tubebatch.batch.BatchStatus.CANCELLED);
        assertThat(view.cancel.isEnabled()).isFalse();
        assertThat(view.resume.isEnabled()).isFalse();
    }

    @Test
    void an_unexpected_error_says_what_to_do_with_an_id_the_log_has_and_never_its_class_or_stack() {
        KaribuSupport.signInAndSetUp(context, "viewer", "VIEWER");
        UI.getCurrent().navigate(BatchesView.class);
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                ErrorMessages.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged =
                new ch.qos.logback.core.read.ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try {
            // What the session's error handler gets when a listener fails: here a fault no user can act on.
            com.vaadin.flow.server.VaadinSession.getCurrent().getErrorHandler().error(new com.vaadin.flow.server
                    .ErrorEvent(new IllegalStateException("java.sql.SQLException: connection closed\n\tat x.y()")));
            MockVaadin.clientRoundtrip(false);

            String shown = shownNotification();
            assertThat(shown).doesNotContain("Exception").doesNotContain("java.").doesNotContain("\tat ")
                    .startsWith("This did not work. Reload the page and try again");
            String id = shown.replaceAll(".*error id ([0-9a-f]{8})\\.$", "$1");
            assertThat(id).matches("[0-9a-f]{8}");
            assertThat(logged.list).anySatisfy(event -> {
                assertThat(event.getFormattedMessage()).contains(id);
                assertThat(event.getThrowableProxy().getClassName()).isEqualTo("java.lang.IllegalStateException");
            });

            // An expected refusal keeps its own sentence.
            com.github.mvysny.kaributesting.v10.NotificationsKt.clearNotifications();
            com.vaadin.flow.server.VaadinSession.getCurrent().getErrorHandler().error(new com.vaadin.flow.server
                    .ErrorEvent(new dev.tubebatch.batch.BatchStateException(dev.tubebatch.batch.BatchStatus.CANCELLED,
                            "a cancelled batch cannot be retried")));
            MockVaadin.clientRoundtrip(false);
            assertThat(shownNotification()).isEqualTo("The batch is CANCELLED; a cancelled batch cannot be retried.");
        } finally {
            logger.detachAppender(logged);
        }
    }

    private static String shownNotification() {
        List<com.vaadin.flow.component.notification.Notification> shown =
                com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications();
        assertThat(shown).hasSize(1);
        return shown.getFirst().getElement().getProperty("text", "");
    }
}
