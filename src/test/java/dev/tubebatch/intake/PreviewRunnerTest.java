package dev.tubebatch.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tubebatch.support.Eventually;
import dev.tubebatch.youtube.FakeYtDlp;
import dev.tubebatch.youtube.YtDlpClient;
import dev.tubebatch.youtube.YtDlpProperties;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The node-wide preview limit and cancellation, on the real intake with the fake yt-dlp as a separate process (no
 * database: the previews here do not skip processed videos).
 */
class PreviewRunnerTest {

    static final Path FAKE = IntakeFixtures.installFake("runner");
    static final PreviewRequest.Filters NONE = new PreviewRequest.Filters(null, null, null, null, null, null, false,
            false, false);

    private final List<PreviewRunner> runners = new ArrayList<>();

    @AfterEach
    void stop() {
        runners.forEach(PreviewRunner::stop);
    }

    private PreviewRunner runner(int places) {
        IntakeService intake = new IntakeService(new IntakeLimits(null, null, null, null, null, null, places),
                new YtDlpClient(new YtDlpProperties(FAKE.toString(), Duration.ofMinutes(1), Duration.ofMinutes(1),
                        null)), null);
        PreviewRunner runner = new PreviewRunner(intake);
        runners.add(runner);
        return runner;
    }

    private static PreviewRequest text(String text) {
        return new PreviewRequest(text, null, null, PreviewRequest.DEFAULT_RECENT, NONE);
    }

    @Test
    void the_limit_is_the_preview_concurrency_setting_four_by_default_and_at_least_one() {
        assertThat(limits(Map.of()).previewConcurrency()).isEqualTo(4);
        assertThat(limits(Map.of("tubebatch.intake.preview-concurrency", "2", "tubebatch.intake.max-lines", "50")))
                .isEqualTo(new IntakeLimits(null, 50, null, null, null, null, 2));
        assertThat(limits(Map.of("tubebatch.intake.preview-concurrency", "0")).previewConcurrency()).isEqualTo(1);
        assertThat(runner(3).limit()).isEqualTo(3);
    }

    private static IntakeLimits limits(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("tubebatch.intake",
                IntakeLimits.class);
    }

    @Test
    void a_started_preview_hands_its_videos_to_the_callback_once_and_gives_its_place_back() {
        PreviewRunner runner = runner(1);
        List<PreviewRunner.Outcome> outcomes = new CopyOnWriteArrayList<>();

        runner.start(text("dQw4w9WgXcQ\njunk"), outcomes::add);

        Eventually.within(Duration.ofSeconds(20), "the preview to end", () -> !outcomes.isEmpty());
        assertThat(outcomes).singleElement().isInstanceOfSatisfying(PreviewRunner.Outcome.Done.class, done -> {
            assertThat(done.result().videos()).extracting(PreviewResult.PreviewVideo::videoId)
                    .containsExactly("dQw4w9WgXcQ");
            assertThat(done.result().skipped()).extracting(Object::toString)
                    .containsExactly("pasted text line 2: not a YouTube URL or video id (junk)");
        });
        assertThat(runner.run(text("9bZkp7q19f0")).count()).as("the one place is free again").isEqualTo(1);
    }

    @Test
    void with_every_place_taken_a_preview_is_refused_at_once_until_one_ends() {
        PreviewRunner runner = runner(2);
        List<Runnable> held = new ArrayList<>();
        PreviewRunner holding = runner.on(held::add);
        List<PreviewRunner.Outcome> outcomes = new CopyOnWriteArrayList<>();
        holding.start(text("dQw4w9WgXcQ"), outcomes::add);
        PreviewRunner.Running second = holding.start(text("9bZkp7q19f0"), outcomes::add);

        assertThatThrownBy(() -> holding.start(text("jNQXAC9IVRw"), outcomes::add))
                .isInstanceOf(PreviewsBusyException.class)
                .hasMessage("Too many previews are running; try again in a moment.");
        assertThatThrownBy(() -> runner.run(text("jNQXAC9IVRw"))).as("the same places for previews on any thread")
                .isInstanceOf(PreviewsBusyException.class);
        assertThat(held).as("the refused one was never handed to the executor").hasSize(2);
        assertThat(outcomes).as("nor does a refused preview call back").isEmpty();

        held.getFirst().run();
        assertThat(outcomes).singleElement().isInstanceOf(PreviewRunner.Outcome.Done.class);
        assertThat(runner.run(text("jNQXAC9IVRw")).count()).isEqualTo(1);

        second.cancel();
        assertThat(outcomes).hasSize(2).last().isInstanceOf(PreviewRunner.Outcome.Cancelled.class);
        held.getLast().run(); // the executor comes to the cancelled one: it does nothing
        assertThat(outcomes).hasSize(2);
        holding.start(text("kJQP7kiw5Fk"), outcomes::add);
        holding.start(text("kJQP7kiw5Fk"), outcomes::add);
        assertThatThrownBy(() -> holding.start(text("kJQP7kiw5Fk"), outcomes::add))
                .isInstanceOf(PreviewsBusyException.class);
    }

    @Test
    void a_failing_preview_hands_over_what_it_threw_and_gives_its_place_back() {
        PreviewRunner runner = runner(1);
        List<PreviewRunner.Outcome> outcomes = new CopyOnWriteArrayList<>();

        runner.on(Runnable::run).start(new PreviewRequest("dQw4w9WgXcQ", null, null, 999_999, NONE), outcomes::add);

        assertThat(outcomes).singleElement().isInstanceOfSatisfying(PreviewRunner.Outcome.Failed.class,
                failed -> assertThat(failed.cause()).isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("recent: at most 5000 videos per channel"));
        assertThat(runner.run(text("dQw4w9WgXcQ")).count()).isEqualTo(1);
    }

    @Test
    void cancelling_a_running_preview_kills_its_yt_dlp_and_its_place_comes_back_once_it_is_gone() throws Exception {
        PreviewRunner runner = runner(1);
        String list = "PLslpRunner" + Long.toHexString(System.nanoTime());
        Path pids = FAKE.resolveSibling("state").resolve(list + ".pids");
        List<PreviewRunner.Outcome> outcomes = new CopyOnWriteArrayList<>();
        PreviewRunner.Running running = runner.start(text("https://www.youtube.com/playlist?list=" + list),
                outcomes::add);
        Eventually.within(Duration.ofSeconds(20), "the fake yt-dlp to start sleeping", () -> pids.toFile().length() > 0);
        long pid = JsonMapper.builder().build().readTree(pids.toFile()).path("pid").asLong();
        assertThatThrownBy(() -> runner.run(text("dQw4w9WgXcQ"))).isInstanceOf(PreviewsBusyException.class);

        running.cancel();

        assertThat(running.isDone()).isTrue();
        assertThat(outcomes).singleElement().isInstanceOf(PreviewRunner.Outcome.Cancelled.class);
        Eventually.within(Duration.ofSeconds(20), "yt-dlp to be killed",
                () -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
        Eventually.within(Duration.ofSeconds(20), "the place to be free", () -> {
            try {
                return runner.run(text("dQw4w9WgXcQ")).count() == 1;
            } catch (PreviewsBusyException e) {
                return false;
            }
        });
        assertThat(outcomes).as("a cancelled preview calls back once").hasSize(1);
        assertThat(FakeYtDlp.invocations(FAKE).stream().filter(call -> call.toString().contains(list)).count())
                .isEqualTo(1);
    }

    @Test
    void a_preview_cancelled_before_it_began_never_runs_and_gives_its_place_back_at_once() {
        PreviewRunner runner = runner(1);
        List<Runnable> held = new ArrayList<>();
        List<PreviewRunner.Outcome> outcomes = new CopyOnWriteArrayList<>();
        int callsBefore = FakeYtDlp.invocations(FAKE).size();
        PreviewRunner.Running running = runner.on(held::add).start(
                text("https://www.youtube.com/playlist?list=PLintakeFilters"), outcomes::add);

        running.cancel();
        held.getFirst().run();

        assertThat(outcomes).singleElement().isInstanceOf(PreviewRunner.Outcome.Cancelled.class);
        assertThat(FakeYtDlp.invocations(FAKE)).as("the playlist was never listed").hasSize(callsBefore);
        assertThat(runner.run(text("dQw4w9WgXcQ")).count()).isEqualTo(1);
    }
}
