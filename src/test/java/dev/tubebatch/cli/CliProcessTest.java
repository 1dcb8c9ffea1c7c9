package dev.tubebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tubebatch.youtube.FakeYtDlp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The command line as a user runs it: a separate JVM ({@code Application batch ...}) on its own embedded
 * PostgreSQL, the fake yt-dlp as the outside world. Exit codes, output, kill -9 and --resume.
 */
class CliProcessTest {

    static final Pattern BATCH_ID = Pattern.compile("Batch ([0-9a-f-]{36}) \"");
    static final long LIMIT_SECONDS = 240;

    static Path work;
    static Path fake;

    @BeforeAll
    static void install() throws IOException {
        work = Path.of("target", "cli-test-" + UUID.randomUUID()).toAbsolutePath();
        Files.createDirectories(work);
        fake = FakeYtDlp.install(work.resolve("bin"));
    }

    @Test
    void a_batch_with_failures_ends_with_exit_code_1_and_names_each_failure() throws Exception {
        Path dir = work.resolve("failures");
        List<String> args = new ArrayList<>(List.of("--batch-name", "Thirty talks", "--max-workers", "4",
                "--retry-limit", "1", "--output-manifest"));
        for (int i = 1; i <= 27; i++) {
            args.add(String.format("capCLI%05d", i));
        }
        args.addAll(List.of("prvCLI00001", "delCLI00001", "https://youtu.be/prvCLI00002?t=3"));
        Run run = cli(dir, args.toArray(String[]::new)).await();

        assertThat(run.exitCode).as(run.describe()).isEqualTo(1);
        assertThat(run.stdout).contains("Thirty talks").contains("30 videos");
        assertThat(lines(run.stdout, "done ")).hasSize(27);
        assertThat(lines(run.stdout, "FAIL ")).hasSize(3).allSatisfy(line -> assertThat(line)
                .containsAnyOf("PRIVATE", "REMOVED", "UNAVAILABLE", "PERMANENT"));
        assertThat(run.stdout).contains("COMPLETED_WITH_FAILURES: 27 completed, 3 failed, 0 cancelled of 30")
                .contains("--retry-failed " + run.batchId());
        assertThat(run.stderr).isEmpty();
        assertThat(Files.readString(dir.resolve("logs/tubebatch-cli.log")))
                .as("the command line starts neither the job dashboard nor a web server")
                .doesNotContain("JobRunr Dashboard").doesNotContain("Tomcat started");
        try (Stream<Path> batches = Files.list(dir.resolve("output"))) {
            Path folder = batches.findFirst().orElseThrow();
            try (Stream<Path> videos = Files.list(folder.resolve("videos"))) {
                assertThat(videos.count()).isEqualTo(27);
            }
            assertThat(run.stdout).contains("Manifest: " + folder.resolve("manifest.json"));
            JsonMapper json = JsonMapper.builder().build();
            JsonNode state = json.readTree(folder.resolve("batch.json").toFile());
            assertThat(state.path("batch_id").asString()).isEqualTo(run.batchId());
            assertThat(state.path("completed").asInt()).isEqualTo(27);
            assertThat(state.path("failed").asInt()).isEqualTo(3);
            JsonNode manifest = json.readTree(folder.resolve("manifest.json").toFile());
            assertThat(manifest.toString()).contains("capCLI00027").contains("prvCLI00001");
            assertThat(Files.readString(folder.resolve("failed-urls.txt"))).contains("prvCLI00001")
                    .contains("delCLI00001").contains("prvCLI00002");
        }

        Run status = cli(dir, "--status", run.batchId()).await();
        assertThat(status.exitCode).isZero();
        assertThat(status.stdout).contains("COMPLETED_WITH_FAILURES").contains("27 completed, 3 failed")
                .contains("prvCLI00001");

        Run search = run(dir, fake, false, java.util.Map.of(), "search", "--batch", run.batchId(), "welcome", "capCLI00007").await();
        assertThat(search.exitCode).as(search.describe()).isZero();
        assertThat(search.stdout).startsWith("1. Fake video capCLI00007 (Fake Channel)")
                .contains("00:00  https://youtu.be/capCLI00007?t=0")
                .contains("*Welcome* to fake video *capCLI00007*.");
        Run nothing = run(dir, fake, false, java.util.Map.of(), "search", "--json", "'); drop table transcript; --").await();
        assertThat(nothing.exitCode).as(nothing.describe()).isEqualTo(1);
        assertThat(nothing.stdout).isEmpty();
    }

    @Test
    void the_on_error_stop_policy_ends_with_exit_code_3() throws Exception {
        Run run = cli(work.resolve("stop"), "--on-error", "stop", "--max-workers", "1", "prvCLI00009", "capCLI09001",
                "capCLI09002").await();
        assertThat(run.exitCode).as(run.describe()).isEqualTo(3);
        assertThat(run.stdout).contains("STOPPED").contains("Stopped by the on-error policy");
    }

    @Test
    void a_killed_run_is_finished_by_resume() throws Exception {
        Path dir = work.resolve("resume");
        List<String> args = new ArrayList<>(List.of("--max-workers", "2"));
        for (int i = 1; i <= 30; i++) {
            args.add(String.format("capRES%05d", i));
        }
        Run first = cli(dir, args.toArray(String[]::new));
        first.awaitLine("done ");
        first.process.destroyForcibly();
        first.process.waitFor(30, TimeUnit.SECONDS);
        first.drain();
        String batchId = first.batchId();

        Run resumed = cli(dir, "--resume", batchId).await();
        assertThat(resumed.exitCode).as(resumed.describe()).isZero();
        assertThat(resumed.stdout).contains("COMPLETED: 30 completed, 0 failed");
        try (Stream<Path> batches = Files.list(dir.resolve("output"))) {
            Path folder = batches.findFirst().orElseThrow();
            try (Stream<Path> videos = Files.list(folder.resolve("videos"))) {
                assertThat(videos.count()).isEqualTo(30);
            }
        }
        Run again = cli(dir, "--resume", batchId).await();
        assertThat(again.exitCode).isZero();
        assertThat(again.stdout).contains("already finished");
    }

    @Test
    void ctrl_c_pauses_the_batch_and_says_how_to_resume() throws Exception {
        Path dir = work.resolve("ctrl-c");
        Path slow = FakeYtDlp.install(dir.resolve("bin"));
        FakeYtDlp.faults(slow, "{\"delay\": {\"base_ms\": 700}}");
        List<String> args = new ArrayList<>(List.of("--max-workers", "1"));
        for (int i = 1; i <= 20; i++) {
            args.add(String.format("capINT%05d", i));
        }
        // As a terminal's Ctrl-C does: SIGINT to the whole process group, the embedded PostgreSQL included.
        Run run = cli(dir, slow, true, args.toArray(String[]::new));
        run.awaitLine("done ");
        Process interrupt = new ProcessBuilder("kill", "-INT", "--", "-" + run.process.pid()).inheritIO().start();
        assertThat(interrupt.waitFor()).isZero();
        assertThat(run.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        run.drain();
        String id = run.batchId();
        assertThat(run.stderr).contains("Paused batch " + id).contains("Resume with: tubebatch batch --resume " + id)
                .doesNotContain("Exception");

        Run status = cli(dir, slow, false, "--status", id).await();
        assertThat(status.stdout).contains("PAUSED");
        assertThat(status.stdout).doesNotContain("20 completed");
    }

    @Test
    void dry_run_prints_json_lines_and_usage_errors_exit_2() throws Exception {
        Path dir = work.resolve("dry");
        Files.createDirectories(dir);
        Path list = dir.resolve("urls.txt");
        Files.writeString(list, "# team list\nhttps://www.youtube.com/watch?v=capDRY00001\nftp://nope\n");
        Run dry = cli(dir, "--dry-run", "--urls-file", list.toString(), "capDRY00002", "capDRY00001").await();
        assertThat(dry.exitCode).as(dry.describe()).isZero();
        JsonMapper json = JsonMapper.builder().build();
        List<JsonNode> objects = dry.stdout.lines().map(json::readTree).toList();
        assertThat(objects).extracting(o -> o.path("type").asString()).containsExactly("video", "video", "rejected",
                "rejected");
        assertThat(objects.get(0).path("videoId").asString()).isEqualTo("capDRY00002");
        assertThat(objects.get(1).path("videoId").asString()).isEqualTo("capDRY00001");
        assertThat(objects.stream().filter(o -> o.path("type").asString().equals("rejected"))
                .map(o -> o.path("source").asString())).anyMatch(s -> s.contains("urls.txt line 3"));

        Run usage = cli(dir, "--on-error", "sometimes", "capDRY00001").await();
        assertThat(usage.exitCode).isEqualTo(2);
        assertThat(usage.stderr).contains("--on-error").contains("continue, stop or retry");
        assertThat(usage.stdout).isEmpty();
        Run missing = cli(dir, "--resume", UUID.randomUUID().toString()).await();
        assertThat(missing.exitCode).isEqualTo(2);
        assertThat(missing.stderr).contains("--resume").contains("no batch");
    }

    private static List<String> lines(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).toList();
    }

    private Run cli(Path dir, String... args) throws IOException {
        return cli(dir, fake, false, args);
    }

    /**
     * Runs {@code tubebatch batch} in {@code dir}, with its embedded database in {@code dir/pg} and output in
     * {@code dir/output}.
     *
     * @param ownGroup in a process group of its own (with {@code setsid}), so a test can signal the group
     */
    static Run cli(Path dir, Path ytDlp, boolean ownGroup, String... args) throws IOException {
        return run(dir, ytDlp, ownGroup, java.util.Map.of(), "batch", args);
    }

    /** As {@link #cli(Path, Path, boolean, String...)}, with these environment variables added. */
    static Run cli(Path dir, Path ytDlp, boolean ownGroup, java.util.Map<String, String> environment,
            String... args) throws IOException {
        return run(dir, ytDlp, ownGroup, environment, "batch", args);
    }

    /** Runs {@code tubebatch <command>} in {@code dir} as {@link #cli} does, with these environment variables added. */
    static Run run(Path dir, Path ytDlp, boolean ownGroup, java.util.Map<String, String> environment,
            String commandWord, String... args) throws IOException {
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>();
        if (ownGroup) {
            command.add("setsid");
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xmx512m",
                "-Dtubebatch.ytdlp.path=" + ytDlp,
                "-Dtubebatch.database.embedded.data-directory=" + dir.resolve("pg"),
                "-Dtubebatch.output.root=" + dir.resolve("output"),
                "-Dtubebatch.pipeline.work-directory=" + dir.resolve("scratch"),
                "-Dtubebatch.engine.retry-base=PT0.2S", "-Dtubebatch.engine.retry-cap=PT1S",
                "-Dtubebatch.engine.sweep-interval=PT2S", "-Dtubebatch.engine.job-grace=PT10S",
                "-cp", System.getProperty("java.class.path"), "dev.tubebatch.Application", commandWord));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().putAll(environment);
        return new Run(builder.start());
    }

    /** A running CLI: its output collected as it comes, so a test can wait for a line. */
    static final class Run {
        final Process process;
        final StringBuffer out = new StringBuffer();
        final StringBuffer err = new StringBuffer();
        final Thread outReader;
        final Thread errReader;
        int exitCode = -1;
        String stdout = "";
        String stderr = "";

        Run(Process process) {
            this.process = process;
            this.outReader = Thread.ofVirtual().start(() -> copy(process.getInputStream(), out));
            this.errReader = Thread.ofVirtual().start(() -> copy(process.getErrorStream(), err));
        }

        Run await() throws InterruptedException {
            if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                drain();
                throw new AssertionError("the CLI did not finish in " + LIMIT_SECONDS + " s: " + describe());
            }
            exitCode = process.exitValue();
            drain();
            return this;
        }

        void awaitLine(String prefix) throws InterruptedException {
            for (int i = 0; i < LIMIT_SECONDS * 10; i++) {
                if (out.toString().lines().anyMatch(l -> l.startsWith(prefix))) {
                    return;
                }
                if (!process.isAlive()) {
                    drain();
                    throw new AssertionError("the CLI exited before printing '" + prefix + "': " + describe());
                }
                Thread.sleep(100);
            }
            throw new AssertionError("no line '" + prefix + "' in " + LIMIT_SECONDS + " s: " + out);
        }

        void drain() throws InterruptedException {
            outReader.join(10_000);
            errReader.join(10_000);
            stdout = out.toString();
            stderr = err.toString();
        }

        String batchId() {
            Matcher m = BATCH_ID.matcher(out.toString());
            assertThat(m.find()).as("a batch id in: " + out).isTrue();
            return m.group(1);
        }

        String describe() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }

        private static void copy(java.io.InputStream in, StringBuffer into) {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    into.append(line).append('\n');
                }
            } catch (IOException e) {
                into.append("[output lost: ").append(e.getMessage()).append("]\n");
            }
        }
    }
}
