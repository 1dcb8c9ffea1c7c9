package dev.tubebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tubebatch.support.AppProcess;
import dev.tubebatch.support.EngineHarness;
import dev.tubebatch.support.Eventually;
import dev.tubebatch.support.ProcessTestDatabase;
import dev.tubebatch.youtube.FakeYtDlp;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The app runs a batch on its embedded PostgreSQL; meanwhile, from the same folder, {@code tubebatch batch} asks
 * for its status, previews, resumes it, runs a batch of its own and retries that one's failures. Each run uses the
 * app's database (and its workers) and leaves it running: the app's health stays UP the whole time and its batch
 * completes.
 */
class CliBesideAppTest {

    static final Duration START_LIMIT = Duration.ofMinutes(3);
    static final int VIDEOS = 60;

    @Test
    void batch_commands_in_the_folder_of_a_running_app_use_its_database_and_leave_it_running() throws Exception {
        ProcessTestDatabase database = ProcessTestDatabase.embedded("cli-beside-app");
        // 0.8 s of yt-dlp a video on 2 workers: the app's batch still runs while the first commands do.
        FakeYtDlp.faults(database.fake, "{\"delay\": {\"base_ms\": 400}}");
        int port = freePort();
        Map<String, String> properties = database.appProperties("scratch", 2);
        properties.put("server.port", Integer.toString(port));
        List<String> health = new CopyOnWriteArrayList<>();
        AtomicBoolean watching = new AtomicBoolean(true);
        try (AppProcess app = AppProcess.start(properties, database.work.resolve("app.log"))
                .awaitStarted(START_LIMIT)) {
            assertThat(health(port)).startsWith("200 ").contains("\"status\":\"UP\"");
            UUID batch = database.insertBatch("The app's batch", List.of(EngineHarness.ids("capAPP", VIDEOS)));
            Eventually.within(Duration.ofSeconds(60), "the app to work on its batch",
                    () -> database.completed(batch) >= 1);
            Thread watcher = Thread.ofVirtual().start(() -> {
                while (watching.get()) {
                    health.add(health(port));
                    sleep(1000);
                }
            });

            CliProcessTest.Run status = cli(database, "--status", batch.toString());
            assertThat(status.exitCode).as(status.describe()).isZero();
            assertThat(status.stdout).contains("The app's batch").contains(VIDEOS + " videos");

            CliProcessTest.Run dryRun = cli(database, "--dry-run", "capDRY00001");
            assertThat(dryRun.exitCode).as(dryRun.describe()).isZero();
            assertThat(dryRun.stdout).contains("capDRY00001");

            CliProcessTest.Run resume = cli(database, "--resume", batch.toString());
            assertThat(resume.exitCode).as(resume.describe()).isZero();
            assertThat(resume.stdout).containsAnyOf("COMPLETED: " + VIDEOS + " completed", "already finished");

            List<String> args = new ArrayList<>(List.of("--batch-name", "Beside the app"));
            args.addAll(List.of(EngineHarness.ids("capCLI", 6)));
            args.add("prvCLI00001");
            CliProcessTest.Run run = cli(database, args.toArray(String[]::new));
            assertThat(run.exitCode).as(run.describe()).isEqualTo(1);
            assertThat(run.stdout).contains("COMPLETED_WITH_FAILURES: 6 completed, 1 failed");

            CliProcessTest.Run retry = cli(database, "--retry-failed", run.batchId());
            assertThat(retry.exitCode).as(retry.describe()).isEqualTo(1);
            assertThat(retry.stdout).contains("Retrying 1 failed videos");

            watching.set(false);
            watcher.join();
            health.add(health(port));
            assertThat(health).hasSizeGreaterThan(5)
                    .allSatisfy(h -> assertThat(h).startsWith("200 ").contains("\"status\":\"UP\""));
            assertThat(database.batchStatus(batch)).isEqualTo("COMPLETED");
            assertThat(database.completed(batch)).isEqualTo(VIDEOS);

            String password = database.embeddedPassword();
            String cliLog = Files.readString(database.work.resolve("logs/tubebatch-cli.log"));
            assertThat(cliLog).as("each run joined the app's database and ran no workers of its own")
                    .contains("Using the embedded PostgreSQL that process")
                    .doesNotContain("Embedded PostgreSQL on 127.0.0.1")
                    .doesNotContain("BackgroundJobPerformers started")
                    .doesNotContain(password);
            assertThat(app.logText()).doesNotContain("left running on").doesNotContain(password);
            for (CliProcessTest.Run each : List.of(status, dryRun, resume, run, retry)) {
                assertThat(each.stdout + each.stderr).doesNotContain(password);
            }
        } finally {
            watching.set(false);
        }
    }

    private static CliProcessTest.Run cli(ProcessTestDatabase database, String... args) throws Exception {
        return CliProcessTest.cli(database.work, database.fake, false, args).await();
    }

    /** The status code and body of the app's health endpoint (it needs an admin). */
    private static String health(int port) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            "admin:tubebatch-dev".getBytes(StandardCharsets.UTF_8)))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.body();
        } catch (IOException e) {
            return "unreachable: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
