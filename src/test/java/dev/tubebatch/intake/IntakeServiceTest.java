package dev.tubebatch.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchQueries;
import dev.tubebatch.batch.BatchService;
import dev.tubebatch.batch.NewBatch;
import dev.tubebatch.batch.OnErrorPolicy;
import dev.tubebatch.batch.ProcessedVideos;
import dev.tubebatch.batch.Segment;
import dev.tubebatch.batch.Transcript;
import dev.tubebatch.batch.TranscriptSource;
import dev.tubebatch.batch.TranscriptStore;
import dev.tubebatch.support.Eventually;
import dev.tubebatch.youtube.FakeYtDlp;
import dev.tubebatch.youtube.YtDlpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The preview through the app: the fake yt-dlp as a separate process with flat-listing fixtures, the embedded
 * PostgreSQL for already-processed videos. No job workers run.
 */
@SpringBootTest(properties = {
        "tubebatch.database.embedded.clean=true",
        "tubebatch.database.embedded.data-directory=target/test-pg/intake",
        "jobrunr.background-job-server.enabled=false",
        "jobrunr.dashboard.enabled=false",
        "tubebatch.ytdlp.metadata-timeout=PT20S"})
class IntakeServiceTest {

    static final Path FAKE = IntakeFixtures.installFake("intake");
    static final String FILTERS = "https://www.youtube.com/playlist?list=PLintakeFilters";
    static final PreviewRequest.Filters NONE = new PreviewRequest.Filters(null, null, null, null, null, null, false,
            false, false);

    @DynamicPropertySource
    static void ytDlp(DynamicPropertyRegistry registry) {
        registry.add("tubebatch.ytdlp.path", FAKE::toString);
    }

    @Autowired
    IntakeService intake;

    @Autowired
    BatchService batches;

    @Autowired
    BatchQueries queries;

    @Autowired
    TranscriptStore transcripts;

    @Autowired
    YtDlpClient ytDlp;

    @Autowired
    ProcessedVideos processedVideos;

    private int callsBefore;

    @BeforeEach
    void countCalls() {
        callsBefore = FakeYtDlp.argvs(FAKE).size();
    }

    private List<List<String>> newCalls() {
        List<List<String>> all = FakeYtDlp.argvs(FAKE);
        return all.subList(callsBefore, all.size());
    }

    private PreviewResult preview(String text, PreviewRequest.Filters filters) {
        return intake.preview(new PreviewRequest(text, null, null, PreviewRequest.DEFAULT_RECENT, filters));
    }

    private static List<String> ids(PreviewResult result) {
        return result.videos().stream().map(PreviewResult.PreviewVideo::videoId).toList();
    }

    private static List<String> skipped(PreviewResult result) {
        return result.skipped().stream().map(Object::toString).toList();
    }

    @Test
    void a_playlist_is_listed_in_full_and_private_deleted_upcoming_and_members_only_entries_are_skipped() {
        PreviewResult result = preview(FILTERS, NONE);

        assertThat(ids(result)).containsExactly("filtAAAAA01", "filtAAAAA02", "filtAAAAA03", "filtAAAAA07",
                "filtAAAAA08", "filtAAAAA09");
        assertThat(skipped(result)).containsExactly(
                "pasted text line 1, entry 4: private video (prvAAAAAA04 [Private video])",
                "pasted text line 1, entry 5: deleted or unavailable video (delAAAAAA05 [Deleted video])",
                "pasted text line 1, entry 6: upcoming: the stream or premiere has not started (filtAAAAA06 Launch stream)",
                "pasted text line 1, entry 10: members-only video (filtAAAAA10 Members stream replay)");
        PreviewResult.PreviewVideo first = result.videos().getFirst();
        assertThat(first).isEqualTo(new PreviewResult.PreviewVideo("filtAAAAA01",
                "https://www.youtube.com/watch?v=filtAAAAA01", "Intro to Rust", 600, LocalDate.of(2024, 1, 10),
                new PreviewResult.Source("pasted text", 1, 1), "Intake Channel"));
        assertThat(result.count()).isEqualTo(6);
        assertThat(result.totalSeconds()).isEqualTo(600 + 3600 + 45 + 300 + 1200);
        assertThat(result.unknownDurations()).isEqualTo(1);
        assertThat(result.totals()).isEqualTo("6 videos, 1:35:45 in all (1 of unknown length)");
        assertThat(result.newVideos()).extracting(NewBatch.NewVideo::url)
                .startsWith("https://www.youtube.com/watch?v=filtAAAAA01");
        // One listing call and no look-ups: no filter needed facts the listing lacked.
        assertThat(newCalls()).containsExactly(List.of("--ignore-config", "--flat-playlist", "-J", "--", FILTERS));
    }

    @Test
    void a_channel_gives_its_most_recent_n_videos() {
        PreviewResult result = intake.preview(new PreviewRequest("https://www.youtube.com/@intakechannel", null, null,
                5, NONE));

        assertThat(ids(result)).containsExactly("chanAAAAA01", "chanAAAAA02", "chanAAAAA03", "chanAAAAA04",
                "chanAAAAA05");
        assertThat(result.skipped()).isEmpty();
        assertThat(newCalls()).containsExactly(List.of("--ignore-config", "--flat-playlist", "-J", "--playlist-end",
                "5", "--", "https://www.youtube.com/@intakechannel/videos"));
        assertThatThrownBy(() -> intake.preview(new PreviewRequest("https://www.youtube.com/@intakechannel", null, null,
                intake.limits().maxRecent() + 1, NONE))).hasMessageContaining("recent: at most 5000");
    }

    @Test
    void the_minimum_duration_skips_shorter_videos_and_those_of_unknown_length() {
        PreviewResult result = preview(FILTERS, filters(f -> f.min = Duration.ofMinutes(10)));

        assertThat(ids(result)).containsExactly("filtAAAAA01", "filtAAAAA02", "filtAAAAA09");
        assertThat(skipped(result)).contains(
                "pasted text line 1, entry 3: shorter than 10:00 (0:45) (filtAAAAA03 Quick tip #shorts)",
                "pasted text line 1, entry 8: shorter than 10:00 (5:00) (filtAAAAA08 SPONSORED: Python tips)",
                "pasted text line 1, entry 7: duration unknown, so it cannot be checked against the duration filter "
                        + "(filtAAAAA07 Live coding now)");
    }

    @Test
    void the_maximum_duration_skips_longer_videos() {
        PreviewResult result = preview(FILTERS, filters(f -> f.max = Duration.ofMinutes(20)));

        assertThat(ids(result)).containsExactly("filtAAAAA01", "filtAAAAA03", "filtAAAAA08", "filtAAAAA09");
        assertThat(skipped(result)).contains(
                "pasted text line 1, entry 2: longer than 20:00 (1:00:00) (filtAAAAA02 Rust async deep dive)");
    }

    @Test
    void upload_date_after_is_inclusive_and_looks_up_dates_the_listing_lacks() {
        PreviewResult result = preview(FILTERS, filters(f -> f.after = LocalDate.of(2024, 3, 1)));

        assertThat(ids(result)).containsExactly("filtAAAAA02", "filtAAAAA03", "filtAAAAA07", "filtAAAAA09");
        assertThat(skipped(result)).contains(
                "pasted text line 1, entry 1: uploaded 2024-01-10, before 2024-03-01 (filtAAAAA01 Intro to Rust)",
                "pasted text line 1, entry 8: uploaded 2023-12-01, before 2024-03-01 (filtAAAAA08 SPONSORED: Python tips)");
        // Entries 7 and 9 have no date in the listing: each was looked up once, and nothing else was.
        assertThat(newCalls()).hasSize(3);
        assertThat(newCalls().subList(1, 3)).extracting(List::getLast).containsExactlyInAnyOrder(
                "https://www.youtube.com/watch?v=filtAAAAA07", "https://www.youtube.com/watch?v=filtAAAAA09");
        assertThat(result.videos().get(3).uploadDate()).isEqualTo(LocalDate.of(2024, 6, 15));
    }

    @Test
    void upload_date_before_is_inclusive() {
        PreviewResult result = preview(FILTERS, filters(f -> f.before = LocalDate.of(2024, 3, 1)));

        assertThat(ids(result)).containsExactly("filtAAAAA01", "filtAAAAA02", "filtAAAAA08");
        assertThat(skipped(result)).contains(
                "pasted text line 1, entry 3: uploaded 2024-03-05, after 2024-03-01 (filtAAAAA03 Quick tip #shorts)",
                "pasted text line 1, entry 9: uploaded 2024-06-15, after 2024-03-01 (filtAAAAA09 Go generics)");
    }

    @Test
    void title_contains_and_excludes_ignore_case() {
        assertThat(ids(preview(FILTERS, filters(f -> f.contains = "RUST"))))
                .containsExactly("filtAAAAA01", "filtAAAAA02");
        PreviewResult excluded = preview(FILTERS, filters(f -> f.excludes = "sponsored"));
        assertThat(ids(excluded)).containsExactly("filtAAAAA01", "filtAAAAA02", "filtAAAAA03", "filtAAAAA07",
                "filtAAAAA09");
        assertThat(skipped(excluded)).contains(
                "pasted text line 1, entry 8: title contains 'sponsored' (filtAAAAA08 SPONSORED: Python tips)");
    }

    @Test
    void skip_shorts_and_skip_live() {
        PreviewResult noShorts = preview(FILTERS, filters(f -> f.shorts = true));
        assertThat(ids(noShorts)).containsExactly("filtAAAAA01", "filtAAAAA02", "filtAAAAA07", "filtAAAAA08",
                "filtAAAAA09");
        assertThat(skipped(noShorts)).contains(
                "pasted text line 1, entry 3: YouTube Short (skip Shorts is on) (filtAAAAA03 Quick tip #shorts)");

        PreviewResult noLive = preview(FILTERS, filters(f -> f.live = true));
        assertThat(ids(noLive)).containsExactly("filtAAAAA01", "filtAAAAA02", "filtAAAAA03", "filtAAAAA08",
                "filtAAAAA09");
        assertThat(skipped(noLive)).contains(
                "pasted text line 1, entry 7: live stream (skip live is on) (filtAAAAA07 Live coding now)");

        PreviewResult shortsTab = intake.preview(new PreviewRequest("https://www.youtube.com/@intakeshorts/shorts",
                null, null, 10, filters(f -> f.shorts = true)));
        assertThat(shortsTab.videos()).isEmpty();
        assertThat(shortsTab.skipped()).hasSize(3);
    }

    @Test
    void pasted_videos_are_looked_up_when_a_filter_needs_their_facts() {
        PreviewResult result = preview("pasteAAAA01\nhttps://youtu.be/pasteAAAA02\npasteAAAA03\nprvAAAAAA99\n",
                filters(f -> {
                    f.shorts = true;
                    f.live = true;
                    f.min = Duration.ofMinutes(1);
                }));

        assertThat(result.videos()).containsExactly(new PreviewResult.PreviewVideo("pasteAAAA01",
                "https://www.youtube.com/watch?v=pasteAAAA01", "Pasted long talk", 5400, LocalDate.of(2024, 5, 20),
                new PreviewResult.Source("pasted text", 1, null), "Intake Channel"));
        assertThat(skipped(result)).containsExactly(
                "pasted text line 2: YouTube Short (skip Shorts is on) (pasteAAAA02 Pasted short clip)",
                "pasted text line 3: live stream (skip live is on) (pasteAAAA03 Pasted live)",
                "pasted text line 4: unavailable: yt-dlp failed (PRIVATE, exit 1): ERROR: [youtube] prvAAAAAA99: "
                        + "Private video. Sign in if you've been granted access to this video (prvAAAAAA99)");
        assertThat(newCalls()).hasSize(4).allSatisfy(argv -> assertThat(argv).contains("--no-playlist", "-J"));
    }

    @Test
    void pasted_videos_without_filters_that_need_facts_run_no_yt_dlp_at_all() {
        PreviewResult result = preview("dQw4w9WgXcQ\nhttps://youtu.be/9bZkp7q19f0\n", NONE);

        assertThat(ids(result)).containsExactly("dQw4w9WgXcQ", "9bZkp7q19f0");
        assertThat(result.totals()).isEqualTo("2 videos, 0:00 in all (2 of unknown length)");
        assertThat(newCalls()).isEmpty();
    }

    @Test
    void a_failing_listing_names_its_line_and_reason_and_the_rest_goes_on() {
        PreviewResult result = preview("""
                https://www.youtube.com/playlist?list=PLdelGone
                dQw4w9WgXcQ
                https://www.youtube.com/playlist?list=PL429busy
                https://www.youtube.com/playlist?list=PLfake3
                """, NONE);

        assertThat(ids(result)).hasSize(4).startsWith("dQw4w9WgXcQ");
        assertThat(skipped(result)).hasSize(2);
        assertThat(skipped(result).get(0)).startsWith("pasted text line 1: could not list it: yt-dlp failed (REMOVED")
                .contains("The playlist does not exist").endsWith("(https://www.youtube.com/playlist?list=PLdelGone)");
        assertThat(skipped(result).get(1)).startsWith("pasted text line 3: could not list it: yt-dlp failed "
                + "(RATE_LIMITED").contains("HTTP Error 429");
    }

    @Test
    void an_interrupted_preview_stops_at_once_and_kills_its_yt_dlp() throws Exception {
        String list = "PLslpStop" + Long.toHexString(System.nanoTime());
        Path pids = FAKE.resolveSibling("state").resolve(list + ".pids");
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread previewing = Thread.ofVirtual().start(() -> {
            try {
                preview("https://www.youtube.com/playlist?list=" + list + "\n" + FILTERS, NONE);
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        Eventually.within(Duration.ofSeconds(20), "the fake yt-dlp to start sleeping", () -> pids.toFile().length() > 0);
        long pid = JsonMapper.builder().build().readTree(pids.toFile()).path("pid").asLong();

        previewing.interrupt();

        assertThat(previewing.join(Duration.ofSeconds(20))).isTrue();
        assertThat(thrown.get()).isInstanceOf(CancellationException.class);
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(newCalls()).hasSize(1); // the second line was never listed
    }

    @Test
    void duplicates_across_text_file_and_listings_keep_the_first_position() {
        byte[] file = """
                url,title
                https://www.youtube.com/watch?v=filtAAAAA01,first of the playlist
                filtAAAAA02,pasted already
                https://youtu.be/newAAAAAA01,new
                """.getBytes(StandardCharsets.UTF_8);
        PreviewResult result = intake.preview(new PreviewRequest("https://youtu.be/filtAAAAA02\n" + FILTERS, file,
                "C:\\Users\\me\\lists/list.csv", 10, NONE));

        assertThat(ids(result)).containsExactly("filtAAAAA02", "filtAAAAA01", "filtAAAAA03", "filtAAAAA07",
                "filtAAAAA08", "filtAAAAA09", "newAAAAAA01");
        assertThat(result.videos().getFirst().source()).hasToString("pasted text line 1");
        assertThat(result.videos().getLast().source()).hasToString("list.csv line 4");
        assertThat(skipped(result)).contains(
                "pasted text line 2, entry 2: duplicate of pasted text line 1 (filtAAAAA02 Rust async deep dive)",
                "list.csv line 2: duplicate of pasted text line 2, entry 1 (filtAAAAA01)",
                "list.csv line 3: duplicate of pasted text line 1 (filtAAAAA02)");
    }

    @Test
    void a_video_with_a_stored_transcript_is_skipped_by_default_and_points_at_it() {
        Batch earlier = batches.create(new NewBatch("Earlier " + UUID.randomUUID(), List.of(
                new NewBatch.NewVideo("https://www.youtube.com/watch?v=doneAAAAA01", "doneAAAAA01"),
                new NewBatch.NewVideo("https://www.youtube.com/watch?v=pendAAAAA01", "pendAAAAA01")),
                null, 0, OnErrorPolicy.CONTINUE), "tester");
        UUID doneItem = queries.items(earlier.id()).getFirst().id();
        transcripts.save(new Transcript(doneItem, "en", TranscriptSource.CAPTIONS,
                List.of(new Segment(0, 1, "Hello."))));

        PreviewResult result = intake.preview(PreviewRequest.ofText("doneAAAAA01\npendAAAAA01\nfreshAAAA01"));

        assertThat(ids(result)).containsExactly("pendAAAAA01", "freshAAAA01");
        assertThat(result.skipped()).singleElement().satisfies(skip -> {
            assertThat(skip.source()).hasToString("pasted text line 1");
            assertThat(skip.reason()).isEqualTo("already processed in batch '" + earlier.name()
                    + "': its transcript is stored (turn off 'skip already processed' to run it again)");
            assertThat(skip.earlier().itemId()).isEqualTo(doneItem);
            assertThat(skip.earlier().batchId()).isEqualTo(earlier.id());
        });

        PreviewResult again = preview("doneAAAAA01\npendAAAAA01", NONE);
        assertThat(ids(again)).containsExactly("doneAAAAA01", "pendAAAAA01");
    }

    @Test
    void a_5000_entry_playlist_expands_and_the_video_limit_is_reported() {
        PreviewResult result = preview("https://www.youtube.com/playlist?list=PLfake5000", NONE);

        assertThat(result.count()).isEqualTo(4500);
        assertThat(result.skipped()).hasSize(500)
                .allSatisfy(s -> assertThat(s.reason()).isIn("private video", "deleted or unavailable video"));

        IntakeService small = new IntakeService(new IntakeLimits(null, null, 3, null, null, null), ytDlp,
                processedVideos);
        PreviewResult limited = small.preview(new PreviewRequest("https://www.youtube.com/playlist?list=PLfake5",
                null, null, 10, NONE));
        assertThat(limited.count()).isEqualTo(3);
        assertThat(limited.skipped()).extracting(Object::toString).containsExactly("pasted text line 1: 2 entries "
                + "not taken: over the limit of 3 videos per batch (https://www.youtube.com/playlist?list=PLfake5)");
        PreviewResult pasted = small.preview(new PreviewRequest("dQw4w9WgXcQ\n9bZkp7q19f0\nkJQP7kiw5Fk\nhT_nvWreIhg",
                null, null, 10, NONE));
        assertThat(pasted.count()).isEqualTo(3);
        assertThat(pasted.skipped()).extracting(Object::toString)
                .containsExactly("pasted text line 4: over the limit of 3 videos per batch (hT_nvWreIhg)");
    }

    @Test
    void the_look_up_limit_keeps_videos_unchecked_with_a_warning() {
        IntakeService small = new IntakeService(new IntakeLimits(null, null, null, null, 1, 1), ytDlp,
                processedVideos);
        PreviewResult result = small.preview(new PreviewRequest("pasteAAAA01\npasteAAAA02", null, null, 10,
                filters(f -> f.shorts = true)));

        assertThat(ids(result)).containsExactly("pasteAAAA01", "pasteAAAA02");
        assertThat(result.warnings()).extracting(Object::toString).containsExactly("pasted text line 2: kept without "
                + "checking the filters: over the limit of 1 look-ups per preview (pasteAAAA02)");
    }

    @Test
    void inputs_over_the_limits_and_binary_files_are_refused_whole_with_the_file_named() {
        assertThatThrownBy(() -> intake.preview(PreviewRequest.ofText("dQw4w9WgXcQ\n".repeat(120_000))))
                .isInstanceOf(InputTooLargeException.class).hasMessageContaining("the limit is 1.0 MB");
        assertThatThrownBy(() -> intake.preview(new PreviewRequest("", new byte[] {'a', 0, 'b'}, "../../etc/x.txt",
                10, NONE))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("x.txt: The file is binary, not a text file of URLs");
        assertThatThrownBy(() -> new PreviewRequest.Filters(Duration.ofMinutes(5), Duration.ofMinutes(1), null, null,
                null, null, false, false, true)).hasMessage("duration: the minimum is longer than the maximum");
    }

    /** A mutable builder so each test names only the filter it checks. */
    static final class F {
        Duration min;
        Duration max;
        LocalDate after;
        LocalDate before;
        String contains;
        String excludes;
        boolean shorts;
        boolean live;
        boolean processed;
    }

    static PreviewRequest.Filters filters(java.util.function.Consumer<F> setup) {
        F f = new F();
        setup.accept(f);
        return new PreviewRequest.Filters(f.min, f.max, f.after, f.before, f.contains, f.excludes, f.shorts, f.live,
                f.processed);
    }
}
