package dev.tubebatch.youtube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link YtDlpClient}'s command-line safety: only plain http(s) URLs and allowed variables reach yt-dlp. */
class YtDlpClientCommandLineTest extends YtDlpClientTestBase {

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
}
