package dev.tubebatch.youtube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@link YtDlpClient} against the fake yt-dlp: real processes, made-up YouTube. */
class YtDlpClientTest {

    @TempDir
    Path temp;

    private Path fake;
    private Path work;
    private YtDlpClient client;

    @BeforeEach
    void installFake() {
        fake = FakeYtDlp.install(temp.resolve("bin"));
        work = temp.resolve("work");
        client = clientWithTimeout(Duration.ofSeconds(60));
    }

    @Test
    void chapters_come_from_yt_dlp_json_in_order_and_a_video_without_them_has_none() {
        VideoMetadata video = client.fetchMetadata(watch("chpAAAAAAA1"));

        assertThat(video.chapters()).extracting(VideoMetadata.VideoChapter::title)
                .containsExactly("Welcome", "The middle part", "Closing words");
        assertThat(video.chapters().getFirst().start()).isZero();
        assertThat(video.chapters().get(1).start()).isPositive().isEqualTo(video.chapters().getFirst().end());
        assertThat(video.chapters().getLast().end()).isEqualTo((double) video.durationSeconds());
        assertThat(client.fetchMetadata(watch("capAAAAAAAA")).chapters()).isEmpty();
    }

    @Test
    void metadata_fields_come_from_yt_dlp_json() {
        VideoMetadata video = client.fetchMetadata(watch("capAAAAAAAA"));

        assertThat(video.id()).isEqualTo("capAAAAAAAA");
        assertThat(video.title()).isEqualTo("Fake video capAAAAAAAA");
        assertThat(video.channel()).isEqualTo("Fake Channel");
        assertThat(video.channelId()).isEqualTo("UCfakefakefakefakefake00");
        assertThat(video.durationSeconds()).isEqualTo(60 + "capAAAAAAAA".chars().sum() % 600);
        assertThat(video.uploadDate()).isBetween(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
        assertThat(video.webpageUrl()).isEqualTo(watch("capAAAAAAAA"));
        assertThat(video.liveStatus()).isEqualTo(LiveStatus.NOT_LIVE);
        assertThat(video.availability()).isEqualTo("public");
        assertThat(video.subtitles()).isEqualTo(Map.of("en", List.of("json3", "vtt")));
        assertThat(video.automaticCaptions()).containsOnlyKeys("en-orig", "en");
        assertThat(video.language()).isEqualTo("en");
        assertThat(video.isShort()).isFalse();
        assertThat(FakeYtDlp.argvs(fake)).containsExactly(List.of(
                "--ignore-config", "--no-playlist", "--skip-download", "-J", "--", watch("capAAAAAAAA")));
    }

    @Test
    void the_same_video_gives_the_same_metadata_every_time() {
        assertThat(client.fetchMetadata("https://youtu.be/capAAAAAAAA"))
                .isEqualTo(client.fetchMetadata("https://youtu.be/capAAAAAAAA"));
    }

    @Test
    void a_short_is_recognised() {
        VideoMetadata video = client.fetchMetadata("https://www.youtube.com/shorts/srtAAAAAAAA");

        assertThat(video.isShort()).isTrue();
        assertThat(video.durationSeconds()).isEqualTo(30);
    }

    @Test
    void manual_captions_are_downloaded_as_json3() {
        VideoMetadata video = client.fetchMetadata(watch("capAAAAAAAA"));

        Captions captions = client.downloadCaptions(watch("capAAAAAAAA"), video, work).orElseThrow();

        assertThat(captions.language()).isEqualTo("en");
        assertThat(captions.automatic()).isFalse();
        assertThat(captions.cues()).hasSizeBetween(3, 6);
        assertThat(captions.cues().getFirst().text()).isEqualTo("Welcome to fake video capAAAAAAAA.");
        assertThat(captions.cues()).allSatisfy(cue -> assertThat(cue.end()).isGreaterThan(cue.start()));
        assertThat(work.resolve("capAAAAAAAA.en.json3")).isRegularFile();
        assertThat(FakeYtDlp.argvs(fake).getLast()).containsExactly("--ignore-config", "--no-playlist",
                "--skip-download", "--write-subs", "--sub-langs", "en", "--sub-format", "json3/vtt/best",
                "-o", work.toAbsolutePath() + "/%(id)s.%(ext)s", "--", watch("capAAAAAAAA"));
    }

    @Test
    void automatic_captions_are_marked_automatic_and_read_once_per_line() {
        VideoMetadata video = client.fetchMetadata(watch("autAAAAAAAA"));

        Captions captions = client.downloadCaptions(watch("autAAAAAAAA"), video, work).orElseThrow();

        assertThat(captions.automatic()).isTrue();
        assertThat(captions.language()).isEqualTo("en");
        assertThat(captions.cues().getFirst().text()).isEqualTo("Welcome to fake video autAAAAAAAA");
        assertThat(captions.cues()).extracting(CaptionCue::text).doesNotHaveDuplicates();
        assertThat(FakeYtDlp.argvs(fake).getLast()).contains("--write-auto-subs").doesNotContain("--write-subs");
    }

    @Test
    void translations_are_read_from_tlang_and_downloaded_only_when_asked_for_as_a_last_resort() {
        VideoMetadata video = client.fetchMetadata(watch("autCCCCCCCC"));
        assertThat(video.language()).isEqualTo("en");
        assertThat(video.translatedCaptions()).containsExactlyInAnyOrder("de", "fr");

        assertThat(client.downloadCaptions(watch("autCCCCCCCC"), video, work, List.of("de"), false)).isEmpty();
        Captions german = client.downloadCaptions(watch("autCCCCCCCC"), video, work, List.of("de"), true)
                .orElseThrow();

        assertThat(german.translated()).isTrue();
        assertThat(german.automatic()).isTrue();
        assertThat(german.language()).isEqualTo("de");
        assertThat(FakeYtDlp.argvs(fake).getLast()).containsSubsequence("--write-auto-subs", "--sub-langs", "de",
                "--sub-format");
    }

    @Test
    void a_batch_s_languages_replace_the_node_s_and_orig_takes_the_video_s_language() {
        VideoMetadata video = client.fetchMetadata(watch("mulAAAAAAAA"));

        Captions original = client.downloadCaptions(watch("mulAAAAAAAA"), video, work, List.of("orig", "en"), false)
                .orElseThrow();
        assertThat(original.language()).isEqualTo("de");
        assertThat(original.automatic()).isFalse();
        assertThat(FakeYtDlp.argvs(fake).getLast()).containsSubsequence("--write-subs", "--sub-langs", "de");

        Captions english = client.downloadCaptions(watch("mulAAAAAAAA"), video, work, List.of(), false).orElseThrow();
        assertThat(english.language()).as("the node's en").isEqualTo("en");
    }

    @Test
    void vtt_is_used_when_json3_is_not_offered() throws IOException {
        VideoMetadata listed = client.fetchMetadata(watch("capBBBBBBBB"));
        writeFixture("videos/capBBBBBBBB.json", """
                {"id": "capBBBBBBBB", "title": "Only VTT", "subtitles": {"en-GB": [{"ext": "vtt", "url": "x"}]}}""");

        Captions captions = client.downloadCaptions(watch("capBBBBBBBB"), client.fetchMetadata(watch("capBBBBBBBB")), work)
                .orElseThrow();

        assertThat(listed.subtitles()).containsKey("en");
        assertThat(captions.language()).isEqualTo("en-GB");
        assertThat(work.resolve("capBBBBBBBB.en-GB.vtt")).isRegularFile();
        assertThat(captions.cues().getFirst().text()).isEqualTo("Welcome to fake video capBBBBBBBB.");
    }

    @Test
    void a_video_without_captions_runs_no_caption_download() {
        VideoMetadata video = client.fetchMetadata(watch("nocAAAAAAAA"));

        Optional<Captions> captions = client.downloadCaptions(watch("nocAAAAAAAA"), video, work);

        assertThat(captions).isEmpty();
        assertThat(FakeYtDlp.invocations(fake)).hasSize(1);
        assertThat(FakeYtDlp.argvs(fake).getFirst()).contains("-J");
    }

    @Test
    void private_video_is_a_permanent_failure() {
        YtDlpException failure = catchThrowableOfType(YtDlpException.class,
                () -> client.fetchMetadata(watch("prvAAAAAAAA")));

        assertThat(failure.failure()).isEqualTo(YtDlpFailure.PRIVATE);
        assertThat(failure.isTransient()).isFalse();
        assertThat(failure.exitCode()).isEqualTo(1);
        assertThat(failure.stderrTail()).contains("ERROR: [youtube] prvAAAAAAAA: Private video");
        assertThat(failure.getMessage()).contains("Private video");
    }

    @Test
    void removed_video_is_a_permanent_failure() {
        YtDlpException failure = catchThrowableOfType(YtDlpException.class,
                () -> client.fetchMetadata(watch("delAAAAAAAA")));

        assertThat(failure.failure()).isEqualTo(YtDlpFailure.REMOVED);
        assertThat(failure.isTransient()).isFalse();
        assertThat(failure.stderrTail()).contains("This video has been removed by the uploader");
    }

    @Test
    void rate_limited_video_is_a_transient_failure() {
        YtDlpException failure = catchThrowableOfType(YtDlpException.class,
                () -> client.fetchMetadata(watch("429AAAAAAAA")));

        assertThat(failure.failure()).isEqualTo(YtDlpFailure.RATE_LIMITED);
        assertThat(failure.isTransient()).isTrue();
        assertThat(failure.stderrTail()).contains("HTTP Error 429");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"botAAAAAAAA, BOT_CHECK", "503AAAAAAAA, SERVER_ERROR", "ageAAAAAAAA, AGE_RESTRICTED",
            "memAAAAAAAA, MEMBERS_ONLY"})
    void each_failing_fake_video_gives_its_failure(String id, YtDlpFailure expected) {
        assertThatThrownBy(() -> client.fetchMetadata(watch(id)))
                .isInstanceOfSatisfying(YtDlpException.class, e -> assertThat(e.failure()).isEqualTo(expected));
    }

    @Test
    void a_flaky_video_answers_on_the_third_try() {
        for (int attempt = 1; attempt <= 2; attempt++) {
            assertThatThrownBy(() -> client.fetchMetadata(watch("flkAAAAAAAA")))
                    .isInstanceOfSatisfying(YtDlpException.class, e -> {
                        assertThat(e.failure()).isEqualTo(YtDlpFailure.SERVER_ERROR);
                        assertThat(e.isTransient()).isTrue();
                    });
        }

        assertThat(client.fetchMetadata(watch("flkAAAAAAAA")).title()).isEqualTo("Fake video flkAAAAAAAA");
    }

    @Test
    void an_upcoming_stream_has_metadata_but_no_captions_yet() {
        VideoMetadata video = client.fetchMetadata(watch("upcAAAAAAAA"));

        assertThat(video.liveStatus()).isEqualTo(LiveStatus.IS_UPCOMING);
        assertThatThrownBy(() -> client.downloadCaptions(watch("upcAAAAAAAA"), video, work))
                .isInstanceOfSatisfying(YtDlpException.class, e -> {
                    assertThat(e.failure()).isEqualTo(YtDlpFailure.UPCOMING);
                    assertThat(e.isTransient()).isFalse();
                });
    }

    @Test
    void a_hanging_yt_dlp_is_killed_with_its_children_at_the_timeout() throws Exception {
        YtDlpClient impatient = clientWithTimeout(Duration.ofSeconds(2));
        long started = System.nanoTime();

        YtDlpException failure = catchThrowableOfType(YtDlpException.class,
                () -> impatient.fetchMetadata(watch("slpAAAAAAAA")));

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(failure.failure()).isEqualTo(YtDlpFailure.TIMEOUT);
        assertThat(failure.isTransient()).isTrue();
        assertThat(failure.exitCode()).isEqualTo(-1);
        assertThat(took).isLessThan(Duration.ofSeconds(10));
        JsonNode pids = JsonMapper.builder().build().readTree(fake.resolveSibling("state/slpAAAAAAAA.pids").toFile());
        assertThat(pids.path("pid").asLong()).isEqualTo(FakeYtDlp.invocations(fake).getFirst().path("pid").asLong());
        assertGone(pids.path("pid").asLong());
        assertGone(pids.path("child").asLong());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-x", "--exec=touch /tmp/owned", " --version", "file:///etc/passwd", "ftp://example.com/v",
            "javascript:alert(1)", "youtube.com/watch?v=capAAAAAAAA", "https://www.youtube.com/watch?v=cap AAAAAAA", ""})
    void a_url_that_is_not_plain_http_is_refused_before_any_process_starts(String url) {
        VideoMetadata video = CaptionTrackTest.video(Map.of("en", List.of("vtt")), Map.of());

        assertThatThrownBy(() -> client.fetchMetadata(url)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.downloadCaptions(url, video, work)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.downloadAudio(url, work)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.fetchPlaylist(url, 0, entry -> { })).isInstanceOf(IllegalArgumentException.class);
        assertThat(fake.resolveSibling("invocations.log")).doesNotExist();
    }

    @Test
    void audio_is_a_16_khz_mono_wav() throws IOException {
        Path audio = client.downloadAudio("https://youtu.be/capAAAAAAAA", work);

        assertThat(audio).isEqualTo(work.toAbsolutePath().resolve("audio.wav"));
        WavHeader header = WavHeader.read(audio);
        assertThat(header.sampleRate()).isEqualTo(16000);
        assertThat(header.channels()).isEqualTo(1);
        assertThat(FakeYtDlp.argvs(fake).getLast()).containsExactly("--ignore-config", "--no-playlist",
                "-f", "bestaudio/best", "-x", "--newline", "--progress", "--progress-template", DownloadProgress.TEMPLATE,
                "--audio-format", "wav", "--postprocessor-args", "ffmpeg:-ar 16000 -ac 1",
                "-o", work.toAbsolutePath() + "/audio.%(ext)s", "--", "https://youtu.be/capAAAAAAAA");
    }

    @Test
    void the_audio_downloads_percent_is_reported_line_by_line_as_yt_dlp_prints_it() {
        List<Double> reported = new java.util.concurrent.CopyOnWriteArrayList<>();

        client.downloadAudio("https://youtu.be/capAAAAAAAA", work, reported::add);

        // The fake prints its progress through the template, then yt-dlp's own closing "100% of ... in ..." line.
        assertThat(reported).containsExactly(0.001, 0.125, 0.375, 0.625, 0.875, 1.0, 1.0);
    }

    @Test
    void audio_from_an_earlier_try_is_never_returned_for_a_failed_one() throws IOException {
        Files.createDirectories(work);
        Files.write(work.resolve("audio.wav"), new byte[] {1, 2, 3});

        assertThatThrownBy(() -> client.downloadAudio(watch("upcAAAAAAAA"), work)).isInstanceOf(YtDlpException.class);
        assertThat(work.resolve("audio.wav")).doesNotExist();
    }

    @Test
    void a_5000_video_playlist_is_listed_in_full() {
        Listed playlist = list("https://www.youtube.com/playlist?list=PLfake5000", 0);

        assertThat(playlist.id()).isEqualTo("PLfake5000");
        assertThat(playlist.title()).isEqualTo("Fake playlist PLfake5000");
        assertThat(playlist.channel()).isEqualTo("Fake Channel");
        assertThat(playlist.entries()).hasSize(5000);
        assertThat(new HashSet<>(playlist.entries().stream().map(PlaylistEntry::id).toList())).hasSize(5000);
        PlaylistEntry first = playlist.entries().getFirst();
        assertThat(first.id()).matches("cap[A-Za-z0-9_-]{8}");
        assertThat(first.url()).isEqualTo(watch(first.id()));
        assertThat(first.title()).isEqualTo("Fake video " + first.id());
        assertThat(first.durationSeconds()).isEqualTo(60 + first.id().chars().sum() % 600);
        assertThat(first.liveStatus()).isEqualTo(LiveStatus.UNKNOWN);
        PlaylistEntry tenth = playlist.entries().get(9);
        assertThat(tenth.title()).isEqualTo("[Private video]");
        assertThat(tenth.id()).startsWith("prv");
        assertThat(tenth.durationSeconds()).isNull();
        assertThat(playlist.entries().get(19).title()).isEqualTo("[Deleted video]");
        assertThat(FakeYtDlp.argvs(fake).getLast()).containsExactly("--ignore-config", "--flat-playlist", "-J", "--",
                "https://www.youtube.com/playlist?list=PLfake5000");
    }

    @Test
    void a_streamed_listing_hands_over_each_entry_in_order_and_keeps_none() throws Exception {
        List<PlaylistEntry> seen = new ArrayList<>();
        Playlist playlist = client.fetchPlaylist("https://www.youtube.com/playlist?list=PLfake25", 0, seen::add);

        assertThat(playlist.id()).isEqualTo("PLfake25");
        assertThat(seen).hasSize(25);
        assertThat(seen).extracting(PlaylistEntry::id)
                .isEqualTo(printedIds("--ignore-config", "--flat-playlist", "-J", "--",
                        "https://www.youtube.com/playlist?list=PLfake25"));

        List<PlaylistEntry> limited = new ArrayList<>();
        client.fetchPlaylist("https://www.youtube.com/playlist?list=PLfake25", 4, limited::add);
        assertThat(limited).hasSize(4);
        assertThat(FakeYtDlp.argvs(fake).getLast()).containsSequence("--playlist-end", "4");
    }

    @Test
    void a_listing_fixture_is_printed_instead_of_the_generated_one() throws IOException {
        Files.createDirectories(fake.resolveSibling("playlists"));
        Files.writeString(fake.resolveSibling("playlists").resolve("@fixture.json"), """
                {"id": "UCfixture", "title": "Fixture - Videos", "_type": "playlist", "entries": [
                  {"_type": "url", "ie_key": "Youtube", "id": "fixAAAAAA01", "title": "One", "duration": 61.0},
                  {"_type": "url", "ie_key": "Youtube", "id": "fixAAAAAA02", "title": "Two", "live_status": "is_upcoming"},
                  {"_type": "url", "ie_key": "Youtube", "id": "fixAAAAAA03", "title": "Three"}]}""");

        Listed channel = list("https://www.youtube.com/@fixture", 2);

        assertThat(channel.id()).isEqualTo("UCfixture");
        assertThat(channel.entries()).extracting(PlaylistEntry::id).containsExactly("fixAAAAAA01", "fixAAAAAA02");
        assertThat(channel.entries().get(0).durationSeconds()).isEqualTo(61);
        assertThat(channel.entries().get(1).liveStatus()).isEqualTo(LiveStatus.IS_UPCOMING);
    }

    @Test
    void a_playlist_limit_is_passed_to_yt_dlp() {
        Listed playlist = list("https://www.youtube.com/playlist?list=PLfake25", 7);

        assertThat(playlist.entries()).hasSize(7);
        assertThat(FakeYtDlp.argvs(fake).getLast()).containsSequence("--playlist-end", "7");
    }

    @Test
    void a_channel_url_lists_the_channel_videos_tab() {
        Listed channel = list("https://www.youtube.com/@fakechannel", 0);

        assertThat(channel.id()).isEqualTo("UCfakefakefakefakefake00");
        assertThat(channel.entries()).hasSize(30);
        assertThat(FakeYtDlp.argvs(fake).getLast().getLast()).isEqualTo("https://www.youtube.com/@fakechannel/videos");
    }

    @Test
    void a_playlist_that_does_not_exist_is_a_permanent_failure() {
        assertThatThrownBy(() -> list("https://www.youtube.com/playlist?list=PLdeleted", 0))
                .isInstanceOfSatisfying(YtDlpException.class,
                        e -> assertThat(e.failure()).isEqualTo(YtDlpFailure.REMOVED));
    }

    @Test
    void the_version_is_what_yt_dlp_prints() {
        assertThat(client.version()).isEqualTo("2025.01.15");
        assertThat(FakeYtDlp.argvs(fake)).containsExactly(List.of("--version"));
    }

    @Test
    void a_missing_executable_means_not_installed() {
        YtDlpClient missing = new YtDlpClient(new YtDlpProperties(temp.resolve("nowhere/yt-dlp").toString(), null, null, null));

        for (Runnable call : List.<Runnable>of(missing::version, () -> missing.fetchMetadata(watch("capAAAAAAAA")))) {
            assertThatThrownBy(call::run).isInstanceOfSatisfying(YtDlpException.class, e -> {
                assertThat(e.failure()).isEqualTo(YtDlpFailure.NOT_INSTALLED);
                assertThat(e.isTransient()).isFalse();
                assertThat(e.exitCode()).isEqualTo(-1);
            });
        }
    }

    @Test
    void a_metadata_fixture_replaces_the_generated_json() throws IOException {
        writeFixture("videos/capFIXTURE1.json", """
                {"id": "capFIXTURE1", "title": "Fixture title", "channel": null, "uploader": "An uploader",
                 "duration": 12.6, "timestamp": 1700000000, "live_status": "was_live",
                 "automatic_captions": {"de": [{"ext": "json3"}, {"ext": "vtt"}]}}""");

        VideoMetadata video = client.fetchMetadata(watch("capFIXTURE1"));

        assertThat(video.title()).isEqualTo("Fixture title");
        assertThat(video.channel()).isEqualTo("An uploader");
        assertThat(video.durationSeconds()).isEqualTo(13);
        assertThat(video.uploadDate()).isEqualTo(LocalDate.of(2023, 11, 14));
        assertThat(video.liveStatus()).isEqualTo(LiveStatus.WAS_LIVE);
        assertThat(video.subtitles()).isEmpty();
        assertThat(video.automaticCaptions()).isEqualTo(Map.of("de", List.of("json3", "vtt")));
        assertThat(client.downloadCaptions(watch("capFIXTURE1"), video, work)).isEmpty();
    }

    @Test
    void yt_dlp_gets_only_the_allowed_variables_of_the_apps_environment() throws IOException {
        // Stands in for yt-dlp: records the environment it was started with, then runs the fake.
        Path dumping = Files.writeString(fake.resolveSibling("yt-dlp-env"), """
                #!/usr/bin/python3 -S
                import json, os, sys
                here = os.path.dirname(os.path.abspath(__file__))
                with open(os.path.join(here, "env.json"), "w") as out:
                    json.dump(dict(os.environ), out)
                os.execv(os.path.join(here, "yt-dlp"), [os.path.join(here, "yt-dlp")] + sys.argv[1:])
                """);
        assertThat(dumping.toFile().setExecutable(true)).isTrue();
        YtDlpClient dumped = new YtDlpClient(new YtDlpProperties(dumping.toString(), Duration.ofSeconds(60),
                Duration.ofSeconds(60), List.of("en")));

        assertThat(dumped.fetchMetadata(watch("capAAAAAAAA")).id()).isEqualTo("capAAAAAAAA");

        Map<String, String> seen = ProcessRunnerTest.dumpedEnvironment(
                Files.newInputStream(fake.resolveSibling("env.json")));
        Set<String> allowed = new HashSet<>(ProcessRunner.PASSED_ENVIRONMENT);
        // Python itself may add LC_CTYPE when it coerces a C locale to UTF-8 (PEP 538).
        allowed.addAll(Set.of("PYTHONIOENCODING", "PYTHONUTF8", "LC_CTYPE"));
        assertThat(seen.keySet()).isSubsetOf(allowed).contains("PATH", "PYTHONUTF8");
    }

    private YtDlpClient clientWithTimeout(Duration timeout) {
        return new YtDlpClient(new YtDlpProperties(fake.toString(), timeout, timeout, List.of("en")));
    }

    /** A listing and the entries its sink was handed, in that order: what a caller that keeps them holds. */
    private record Listed(Playlist header, List<PlaylistEntry> entries) {
        String id() {
            return header.id();
        }

        String title() {
            return header.title();
        }

        String channel() {
            return header.channel();
        }
    }

    private Listed list(String url, int limit) {
        List<PlaylistEntry> entries = new ArrayList<>();
        return new Listed(client.fetchPlaylist(url, limit, entries::add), entries);
    }

    /** The entry ids the fake prints for these arguments, in its order, read without the client. */
    private List<String> printedIds(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(fake.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        JsonNode printed = JsonMapper.builder().build().readTree(process.getInputStream());
        assertThat(process.waitFor()).isZero();
        return printed.path("entries").valueStream().map(entry -> entry.path("id").asString()).toList();
    }

    private void writeFixture(String relative, String content) throws IOException {
        Path file = fake.resolveSibling(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static String watch(String id) {
        return "https://www.youtube.com/watch?v=" + id;
    }

    /** Dead, or a zombie waiting for a parent that is not this JVM: either way it runs no more. */
    private static void assertGone(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (isRunning(pid) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(isRunning(pid)).as("process %d is still running", pid).isFalse();
    }

    private static boolean isRunning(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (Files.isDirectory(Path.of("/proc/self"))) {
            try {
                String text = Files.readString(stat);
                return text.charAt(text.lastIndexOf(')') + 2) != 'Z';
            } catch (IOException gone) {
                return false;
            }
        }
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
