package dev.tubebatch.youtube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@link YtDlpClient}'s failures against the fake: private, removed, 429, bot check, flaky, timeout, missing. */
class YtDlpClientFailuresTest extends YtDlpClientTestBase {

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
