package dev.tubebatch.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tubebatch.support.AppProcess;
import dev.tubebatch.support.Eventually;
import dev.tubebatch.support.ProcessTestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Three processes on one PostgreSQL: a {@code web} node (no workers) and two {@code worker} nodes (no web server).
 * A 60-video batch created through the web node's API runs on the workers; one worker is killed with SIGKILL
 * halfway. Every video must end completed and exported exactly once, and the web node's live event stream must
 * show the progress the workers made.
 */
class TwoNodesTest {

    static final int VIDEOS = 60;
    static final Duration START_LIMIT = Duration.ofMinutes(3);

    static ProcessTestDatabase database;

    @BeforeAll
    static void startDatabase() {
        database = ProcessTestDatabase.start("two-nodes");
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void a_batch_runs_on_two_workers_survives_losing_one_and_its_progress_reaches_the_web_node() throws Exception {
        int port = freePort();
        List<AppProcess> nodes = new ArrayList<>();
        EventStreamFollower stream = new EventStreamFollower();
        Thread follower = null;
        try {
            AppProcess web = start("web", port, "web");
            nodes.add(web);
            AppProcess workerA = start("worker", 0, "worker-a");
            nodes.add(workerA);
            AppProcess workerB = start("worker", 0, "worker-b");
            nodes.add(workerB);
            assertThat(workerA.logText()).contains("BackgroundJobPerformers started");
            assertThat(web.logText()).doesNotContain("BackgroundJobPerformers started");
            assertThat(workerA.logText()).doesNotContain("Tomcat started");

            String batchId = createBatch(port);
            follower = EventStreamFollower.start(port, batchId, admin(), stream);

            Eventually.within(Duration.ofMinutes(4), "half the videos completed",
                    () -> database.count("select count(*) from video_item where status = 'COMPLETED'") >= VIDEOS / 2);
            workerA.kill();
            Eventually.within(Duration.ofMinutes(5), "every video completed",
                    () -> database.count("select count(*) from video_item where status = 'COMPLETED'") == VIDEOS
                            && database.count("select count(*) from batch where status = 'COMPLETED'") == 1);

            assertThat(database.count("select count(*) from item_step where step = 'EXPORT'")).isEqualTo(VIDEOS);
            Path output = database.work.resolve("output");
            try (Stream<Path> batches = Files.list(output)) {
                Path folder = batches.findFirst().orElseThrow();
                try (Stream<Path> videos = Files.list(folder.resolve("videos"))) {
                    assertThat(videos.count()).isEqualTo(VIDEOS);
                }
            }
            // The web node runs no jobs: every item event it streamed came from a worker, through NOTIFY. Every
            // completion is committed by now, so the web node has only its last notifications to relay: 20 s is
            // ample, and a miss is a lost event, not a slow one. The completion that worker-a committed just before
            // its SIGKILL is the one a notification sent after the commit (not within it) used to lose.
            try {
                Eventually.within(Duration.ofSeconds(20), "the web node to have streamed every completion",
                        () -> stream.seen("COMPLETED") == VIDEOS);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\n" + missed(stream), e);
            }
        } finally {
            if (follower != null) {
                follower.interrupt();
            }
            for (AppProcess node : nodes) {
                node.close();
            }
        }
    }

    private AppProcess start(String role, int port, String name) {
        // Nodes and progress, not models, are tested here.
        Map<String, String> properties = database.appProperties("scratch-" + name, 3);
        properties.put("tubebatch.node.role", role);
        properties.put("server.port", Integer.toString(port));
        return AppProcess.start(properties, database.work.resolve(name + ".log")).awaitStarted(START_LIMIT);
    }

    private static String createBatch(int port) throws IOException, InterruptedException {
        List<String> urls = new ArrayList<>();
        for (int i = 1; i <= VIDEOS; i++) {
            urls.add("\"" + String.format("capNODE%04d", i) + "\"");
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/batches"))
                .header("Authorization", admin()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Across nodes\",\"urls\":[" + String.join(",", urls)
                        + "]}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        Matcher id = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(response.body());
        assertThat(id.find()).isTrue();
        return id.group(1);
    }

    /** Each video the stream did not show completed: its id, status and end time in the database, and the stream's. */
    private static String missed(EventStreamFollower stream) {
        StringBuilder missed = new StringBuilder(stream.describe());
        for (String row : database.rows("select id || ' ' || status || ' ' || coalesce(finished_at::text, '-')"
                + " from video_item order by finished_at").split("; ")) {
            String[] parts = row.split(" ", 3);
            if (parts.length == 3 && !stream.lastStatus(parts[0]).equals("COMPLETED")) {
                missed.append("\n  ").append(parts[0]).append(": database ").append(parts[1]).append(" (finished ")
                        .append(parts[2]).append("), stream showed ").append(stream.lastStatus(parts[0]));
            }
        }
        return missed.toString();
    }

    private static String admin() {
        return "Basic " + Base64.getEncoder().encodeToString("admin:tubebatch-dev".getBytes(StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
