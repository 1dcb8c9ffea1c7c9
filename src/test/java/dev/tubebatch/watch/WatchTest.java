package dev.tubebatch.watch;

import static dev.tubebatch.support.EngineHarness.FAKE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tubebatch.batch.VideoItem;
import dev.tubebatch.intake.PreviewRequest;
import dev.tubebatch.support.EngineHarness;
import dev.tubebatch.support.EngineTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jobrunr.jobs.RecurringJob;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A watch on a playlist run twice with the fake yt-dlp's listing fixture: uploads that appear between the runs, and
 * only they, become the second batch; a third run with nothing new creates nothing; the recurring job follows pause,
 * resume and delete.
 */
@EngineTest
class WatchTest {

    static final String LIST = "PLwatchTest";

    @Autowired
    EngineHarness engine;

    @Autowired
    WatchService watches;

    @Autowired
    WatchQueries queries;

    @Autowired
    WatchRunner runner;

    @Autowired
    StorageProvider storage;

    static void listing(int videos) throws IOException {
        List<String> entries = new ArrayList<>();
        // Newest first, as a playlist of uploads lists them: new videos come in at the top.
        IntStream.iterate(videos, i -> i >= 1, i -> i - 1).forEach(i -> entries.add("""
                {"_type": "url", "ie_key": "Youtube", "id": "capWatch%03d",
                 "url": "https://www.youtube.com/watch?v=capWatch%03d", "title": "Upload %d", "duration": 120.0,
                 "channel": "Watched Channel", "channel_id": "UCwatchwatchwatchwatch01", "live_status": null,
                 "availability": null}""".formatted(i, i, i)));
        Path playlists = Files.createDirectories(FAKE.resolveSibling("playlists"));
        Files.writeString(playlists.resolve(LIST + ".json"), """
                {"id": "%s", "title": "Watched uploads", "_type": "playlist", "playlist_count": %d, "entries": [%s]}"""
                .formatted(LIST, videos, String.join(",", entries)));
    }

    List<String> videosOf(UUID batchId) {
        return engine.queries().items(batchId).stream().map(VideoItem::videoId).sorted().toList();
    }

    @Test
    void only_uploads_that_appeared_since_the_last_run_become_a_batch() throws IOException {
        listing(3);
        PreviewRequest.Filters everything = new PreviewRequest.Filters(null, null, null, null, null, null, false,
                false, false);
        Watch watch = watches.create(new WatchService.NewWatch("Watched uploads",
                "https://www.youtube.com/playlist?list=" + LIST, 50, everything, "hourly"), "operator");
        assertThat(watch.cron()).isEqualTo("0 * * * *");
        assertThat(recurring(watch)).isNotNull();

        UUID first = runner.run(watch.id());
        listing(5);
        UUID second = runner.run(watch.id());
        UUID third = runner.run(watch.id());

        assertThat(videosOf(first)).containsExactly("capWatch001", "capWatch002", "capWatch003");
        assertThat(videosOf(second)).containsExactly("capWatch004", "capWatch005");
        assertThat(third).isNull();
        assertThat(queries.runs(watch.id(), 10)).extracting(WatchRun::listed, WatchRun::newVideos, WatchRun::batchId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(5, 0, null),
                        org.assertj.core.groups.Tuple.tuple(5, 2, second),
                        org.assertj.core.groups.Tuple.tuple(3, 3, first));
        assertThat(engine.queries().get(second).createdBy()).isEqualTo("operator");
    }

    @Test
    void pausing_removes_the_recurring_job_and_resuming_brings_it_back_and_deleting_ends_both() throws IOException {
        listing(1);
        Watch watch = watches.create(new WatchService.NewWatch("Paused", "https://www.youtube.com/playlist?list="
                + LIST, 5, null, "15 4 * * 1"), "operator");
        assertThat(recurring(watch)).isNotNull();

        assertThat(watches.pause(watch.id())).isTrue();
        assertThat(recurring(watch)).isNull();
        assertThat(runner.run(watch.id())).isNull();
        assertThat(queries.runs(watch.id(), 10)).isEmpty();
        assertThat(watches.resume(watch.id())).isTrue();
        assertThat(recurring(watch)).isNotNull();
        assertThat(watches.delete(watch.id())).isTrue();
        assertThat(recurring(watch)).isNull();
        assertThat(queries.find(watch.id())).isEmpty();
    }

    @Test
    void bad_sources_and_schedules_are_refused_naming_the_field() {
        assertThatThrownBy(() -> new WatchService.NewWatch("x", "https://youtu.be/dQw4w9WgXcQ", 5, null, "daily"))
                .hasMessageStartingWith("sourceUrl:");
        assertThatThrownBy(() -> new WatchService.NewWatch("x", "--exec rm", 5, null, "daily"))
                .hasMessageStartingWith("sourceUrl:");
        assertThatThrownBy(() -> WatchSchedule.cron("every tuesday; rm -rf")).hasMessageStartingWith("schedule:");
        assertThatThrownBy(() -> WatchSchedule.cron("99 * * * *")).hasMessageStartingWith("schedule:");
        assertThat(WatchSchedule.cron("daily")).isEqualTo("0 3 * * *");
    }

    RecurringJob recurring(Watch watch) {
        return storage.getRecurringJobs().stream().filter(j -> j.getId().equals(watch.id().toString())).findFirst()
                .orElse(null);
    }
}
