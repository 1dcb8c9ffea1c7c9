package dev.tubebatch.youtube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The process plumbing, with small Python programs standing in for yt-dlp. */
class ProcessRunnerTest {

    private final ProcessRunner runner = new ProcessRunner();

    @Test
    void megabytes_on_both_streams_at_once_do_not_stall_the_process() {
        long read = runner.run(python("""
                import sys
                for i in range(200):
                    sys.stderr.write('e' * 10000 + '\\n')
                    sys.stdout.write('o' * 50000 + '\\n')
                """), null, Duration.ofSeconds(30), in -> in.transferTo(OutputStream.nullOutputStream()));

        assertThat(read).isEqualTo(200 * 50001L);
    }

    @Test
    void a_reader_that_stops_early_does_not_leave_the_process_blocked() {
        int first = runner.run(python("import sys\nsys.stdout.write('x' * 20_000_000)"), null, Duration.ofSeconds(30),
                InputStream::read);

        assertThat(first).isEqualTo('x');
    }

    @Test
    void stderr_keeps_only_its_last_4000_characters() {
        YtDlpException failure = catchThrowableOfType(YtDlpException.class, () -> runner.run(python("""
                import sys
                sys.stderr.write('WARNING: noise\\n' * 100000)
                sys.stderr.write('ERROR: [youtube] abcdefghijk: Private video. Sign in if you\\'ve been granted access\\n')
                sys.exit(1)
                """), null, Duration.ofSeconds(30), ProcessRunner::drainQuietlyReader));

        assertThat(failure.stderrTail()).hasSizeLessThanOrEqualTo(ProcessRunner.STDERR_TAIL_CHARS)
                .endsWith("Private video. Sign in if you've been granted access\n");
        assertThat(failure.failure()).isEqualTo(YtDlpFailure.PRIVATE);
        assertThat(failure.exitCode()).isEqualTo(1);
    }

    @Test
    void stderr_is_read_as_utf_8() {
        YtDlpException failure = catchThrowableOfType(YtDlpException.class, () -> runner.run(python("""
                import sys
                sys.stderr.write('ERROR: [youtube] abcdefghijk: Sign in to confirm you\\u2019re not a bot\\n')
                sys.exit(1)
                """), null, Duration.ofSeconds(30), ProcessRunner::drainQuietlyReader));

        assertThat(failure.stderrTail()).contains("you\u2019re not a bot");
        assertThat(failure.failure()).isEqualTo(YtDlpFailure.BOT_CHECK);
    }

    @Test
    void output_that_cannot_be_read_fails_only_a_successful_call() {
        YtDlpException failure = catchThrowableOfType(YtDlpException.class, () -> runner.run(python("print('null')"),
                null, Duration.ofSeconds(30), YtDlpJson::readObject));

        assertThat(failure.failure()).isEqualTo(YtDlpFailure.UNKNOWN);
        assertThat(failure.exitCode()).isZero();
    }

    @Test
    void an_interrupted_caller_kills_the_process_and_keeps_its_interrupt() {
        Thread.currentThread().interrupt();
        long started = System.nanoTime();

        YtDlpException failure = catchThrowableOfType(YtDlpException.class, () -> runner.run(
                python("import time\ntime.sleep(600)"), null, Duration.ofSeconds(60), ProcessRunner::drainQuietlyReader));

        assertThat(Thread.interrupted()).isTrue();
        assertThat(failure.exitCode()).isEqualTo(-1);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void the_process_gets_only_the_allowed_variables_of_the_environment_it_starts_from() {
        ProcessRunner withSecrets = new ProcessRunner(Map.of(
                "PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"),
                "HOME", "/home/tubebatch",
                "LANG", "C.UTF-8",
                "HTTPS_PROXY", "http://proxy.internal:3128",
                "no_proxy", "localhost",
                "SPRING_DATASOURCE_PASSWORD", "database-secret",
                "TUBEBATCH_DASHBOARD_PASSWORD", "dashboard-secret",
                "JAVA_TOOL_OPTIONS", "-Dx=y"));

        Map<String, String> seen = withSecrets.run(python("""
                import json, os, sys
                json.dump(dict(os.environ), sys.stdout)
                """), null, Duration.ofSeconds(30), in -> dumpedEnvironment(in));

        assertThat(seen).containsEntry("HOME", "/home/tubebatch").containsEntry("LANG", "C.UTF-8")
                .containsEntry("HTTPS_PROXY", "http://proxy.internal:3128").containsEntry("no_proxy", "localhost")
                .containsEntry("PYTHONIOENCODING", "utf-8").containsKey("PATH")
                .doesNotContainKeys("SPRING_DATASOURCE_PASSWORD", "TUBEBATCH_DASHBOARD_PASSWORD", "JAVA_TOOL_OPTIONS");
        assertThat(seen.values()).doesNotContain("database-secret", "dashboard-secret");
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> dumpedEnvironment(InputStream in) throws java.io.IOException {
        return tools.jackson.databind.json.JsonMapper.builder().build().readValue(in.readAllBytes(), Map.class);
    }

    private static List<String> python(String program) {
        return List.of("python3", "-c", program);
    }

    @Test
    void a_command_as_logs_and_messages_show_it_keeps_a_proxy_s_address_but_not_its_user_and_password() {
        List<String> shown = ProcessRunner.shown(List.of("yt-dlp", "--proxy", "socks5://bob:pa55-word@10.0.0.7:1080",
                "--cookies", "/tmp/c.txt", "-J", "--", "https://youtu.be/capAAAAAAAA"));

        assertThat(shown).containsExactly("yt-dlp", "--proxy", "socks5://10.0.0.7:1080", "--cookies", "/tmp/c.txt",
                "-J", "--", "https://youtu.be/capAAAAAAAA");
        assertThat(String.join(" ", shown)).doesNotContain("pa55-word").doesNotContain("bob");
    }
}
