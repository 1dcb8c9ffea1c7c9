package dev.tubebatch.pipeline;

import static dev.tubebatch.support.EngineHarness.ids;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tubebatch.batch.Attempt;
import dev.tubebatch.batch.AttemptOutcome;
import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchProgress;
import dev.tubebatch.batch.BatchStatus;
import dev.tubebatch.batch.ErrorKind;
import dev.tubebatch.batch.ItemStatus;
import dev.tubebatch.batch.VideoItem;
import dev.tubebatch.support.AppProcess;
import dev.tubebatch.support.EngineHarness;
import dev.tubebatch.support.EngineTest;
import dev.tubebatch.support.Eventually;
import dev.tubebatch.support.ProcessTestDatabase;
import dev.tubebatch.youtube.FakeYtDlp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The seed's test scenarios end to end, each reported on the console and in
 * {@code target/scenario-report.txt}: 3-5 videos, 20-30, 100+, a batch with failures, two batches at once (in this
 * JVM, the engine tests' shared context: 4 workers, embedded PostgreSQL), then a resource-constrained JVM (320 MB
 * of heap, 1 worker) and an interrupted batch resumed, with the app as a separate process.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@EngineTest
class ScenarioSuiteTest {

    private static final List<String> REPORT = new ArrayList<>();

    @Autowired
    EngineHarness engine;

    @Test
    @Order(1)
    void three_to_five_videos() {
        Batch batch = engine.create("Scenario 4 videos", 3, ids("capSCNA", 4));
        Instant start = Instant.now();
        engine.awaitFinished(batch);
        report("3-5 videos", batch, start);
        assertThat(engine.queries().get(batch.id()).status()).isEqualTo(BatchStatus.COMPLETED);
    }

    @Test
    @Order(2)
    void twenty_to_thirty_videos() {
        Batch batch = engine.create("Scenario 25 videos", 3, ids("autSCNB", 25));
        Instant start = Instant.now();
        engine.awaitFinished(batch);
        report("20-30 videos", batch, start);
        assertThat(engine.queries().get(batch.id()).status()).isEqualTo(BatchStatus.COMPLETED);
    }

    @Test
    @Order(3)
    void a_hundred_and_more_videos() {
        Batch batch = engine.create("Scenario 120 videos", 3, ids("capSCNC", 120));
        Instant start = Instant.now();
        Eventually.within(Duration.ofMinutes(4), "120 videos to finish",
                () -> engine.queries().get(batch.id()).status().isFinished());
        report("100+ videos", batch, start);
        assertThat(engine.queries().get(batch.id()).status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(engine.queries().progress(batch.id()).completed()).isEqualTo(120);
    }

    @Test
    @Order(4)
    void a_batch_with_failures() {
        // Permanent failures (private, removed, members-only, age-restricted), a video that fails twice with
        // HTTP 503 and then works, and ordinary videos.
        Batch batch = engine.create("Scenario failures", 3, "prvSCND0001", "delSCND0001", "memSCND0001", "ageSCND0001",
                "flkSCND0001", "capSCND0001", "capSCND0002", "autSCND0001");
        Instant start = Instant.now();
        engine.awaitFinished(batch);
        report("batch with failures", batch, start);
        assertThat(engine.queries().get(batch.id()).status()).isEqualTo(BatchStatus.COMPLETED_WITH_FAILURES);
        assertThat(engine.item(batch, "prvSCND0001").errorKind()).isEqualTo(ErrorKind.PRIVATE);
        assertThat(engine.item(batch, "delSCND0001").errorKind()).isEqualTo(ErrorKind.REMOVED);
        assertThat(engine.item(batch, "memSCND0001").errorKind()).isEqualTo(ErrorKind.MEMBERS_ONLY);
        assertThat(engine.item(batch, "ageSCND0001").errorKind()).isEqualTo(ErrorKind.AGE_RESTRICTED);
        assertThat(engine.item(batch, "flkSCND0001").status()).isEqualTo(ItemStatus.COMPLETED);
        assertThat(engine.history().attempts(engine.item(batch, "flkSCND0001").id())).extracting(Attempt::outcome)
                .containsExactly(AttemptOutcome.RETRY, AttemptOutcome.RETRY, AttemptOutcome.SUCCEEDED);
        assertThat(engine.queries().progress(batch.id())).satisfies(p -> {
            assertThat(p.completed()).isEqualTo(4);
            assertThat(p.failed()).isEqualTo(4);
        });
    }

    @Test
    @Order(5)
    void two_batches_at_once() {
        Batch large = engine.create("Scenario concurrent A", 3, ids("capSCNE", 40));
        Batch small = engine.create("Scenario concurrent B", 3, ids("capSCNF", 6));
        Instant start = Instant.now();
        engine.awaitFinished(small);
        int largeDoneWhenSmallEnded = engine.queries().progress(large.id()).finished();
        engine.awaitFinished(large);
        report("two batches at once: A (40)", large, start);
        report("two batches at once: B (6)", small, start);
        assertThat(engine.queries().get(large.id()).status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(engine.queries().get(small.id()).status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(largeDoneWhenSmallEnded).as("A's videos done when B ended: both ran side by side")
                .isLessThan(40);
    }

    @Test
    @Order(6)
    void a_resource_constrained_jvm_and_an_interrupted_batch_resumed() throws Exception {
        try (ProcessTestDatabase database = ProcessTestDatabase.start("scenario-process")) {
            // Calls take 100 ms or more, so a stop falls in the middle of the batch.
            FakeYtDlp.faults(database.fake, """
                    {"delay": {"base_ms": 100}}""");
            AppProcess app = startConstrained(database, 0);
            try {
                // Resource-constrained: 320 MB of heap, 1 I/O worker and 1 inference slot. At most one video does I/O
                // and one holds the slot; a third may show as running: a video whose summary just ended, waiting for
                // the worker it lent to the next job (WorkerPermits.takeBack) to write its files.
                UUID constrained = database.insertBatch("Constrained", List.of(ids("capSCNG", 12)));
                Instant start = Instant.now();
                int mostInFlight = 0;
                String whenMost = "";
                long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
                while (!finished(database, constrained) && System.nanoTime() < deadline) {
                    // One statement, so the count and the rows it names are the same moment.
                    String running = database.rows("select count(*) over () || ' running: ' || video_id || ' at '"
                            + " || coalesce(current_step, '-') || ' (' || coalesce(waiting_for, '') || ', job '"
                            + " || coalesce(job_id::text, '-') || ')' from video_item where batch_id = '"
                            + constrained + "' and status = 'RUNNING' order by position");
                    int inFlight = running.isEmpty() ? 0 : Integer.parseInt(running.substring(0, running.indexOf(' ')));
                    if (inFlight > mostInFlight) {
                        mostInFlight = inFlight;
                        whenMost = running;
                    }
                    Thread.sleep(50);
                }
                reportRow("resource-constrained JVM (-Xmx320m, 1 worker + 1 inference slot)", 12, database.batchStatus(constrained),
                        database.completed(constrained), 0, Duration.between(start, Instant.now()));
                assertThat(database.batchStatus(constrained)).isEqualTo("COMPLETED");
                assertThat(mostInFlight).as("videos running at once: 1 worker + 1 inference slot + 1 waiting to take its"
                        + " worker back; at the most: %s", whenMost).isBetween(1, 3);

                // Interrupted: the app is stopped (SIGTERM) with the batch part-way, then started again.
                UUID interrupted = database.insertBatch("Interrupted", List.of(ids("capSCNH", 20)));
                start = Instant.now();
                Eventually.within(Duration.ofMinutes(2), "5 videos done before the stop",
                        () -> database.completed(interrupted) >= 5);
                app.close();
                int doneAtStop = database.completed(interrupted);
                app = startConstrained(database, 1);
                Eventually.within(Duration.ofMinutes(3), "the interrupted batch to finish after the restart",
                        () -> finished(database, interrupted));
                reportRow("interrupted batch resumed (stopped after " + doneAtStop + " of 20)", 20,
                        database.batchStatus(interrupted), database.completed(interrupted), 0, Duration.between(start, Instant.now()));
                assertThat(database.batchStatus(interrupted)).isEqualTo("COMPLETED");
                assertThat(doneAtStop).isLessThan(20);
                assertThat(database.count("select count(*) from item_step s join video_item v on v.id = s.item_id"
                        + " where s.step = 'EXPORT' and v.batch_id = '" + interrupted + "'")).isEqualTo(20);
                // No video's captions were fetched twice, but for one cut off by the stop.
                Map<String, Long> downloads = new LinkedHashMap<>();
                FakeYtDlp.argvs(database.fake).stream().filter(argv -> argv.contains("--write-subs"))
                        .filter(argv -> argv.getLast().contains("capSCNH"))
                        .forEach(argv -> downloads.merge(argv.getLast(), 1L, Long::sum));
                assertThat(downloads).hasSize(20);
                assertThat(downloads.values().stream().filter(n -> n > 1).count()).isLessThanOrEqualTo(1);
            } finally {
                app.close();
            }
        }
    }

    @AfterAll
    static void printReport() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-52s %6s %-24s %9s %6s %8s %9s", "scenario", "videos", "status",
                "completed", "failed", "wall s", "videos/s"));
        lines.addAll(REPORT);
        lines.forEach(System.out::println);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "scenario-report.txt"), lines);
    }

    private void report(String name, Batch batch, Instant start) {
        BatchProgress p = engine.queries().progress(batch.id());
        Batch now = engine.queries().get(batch.id());
        Instant end = now.finishedAt() == null ? Instant.now() : now.finishedAt();
        reportRow(name, p.total(), now.status().name(), p.completed(), p.failed(), Duration.between(start, end));
    }

    private static void reportRow(String name, int videos, String status, int completed, int failed, Duration wall) {
        double seconds = Math.max(wall.toMillis(), 1) / 1000.0;
        String row = String.format(Locale.ROOT, "%-52s %6d %-24s %9d %6d %8.1f %9.2f", name, videos, status,
                completed, failed, seconds, completed / seconds);
        REPORT.add(row);
        System.out.println("SCENARIO " + row);
    }

    private static AppProcess startConstrained(ProcessTestDatabase database, int run) {
        Map<String, String> properties = database.appProperties("scratch", 1);
        properties.put("spring.datasource.hikari.maximum-pool-size", "5");
        properties.put("tubebatch.inference.slots", "1");
        // With the bundled summarizer on: its ONNX session lives outside the 320 MB heap.
        properties.remove("tubebatch.inference.speech.engine");
        properties.remove("tubebatch.inference.summary.method");
        return AppProcess.start(List.of("-Xmx320m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), properties,
                database.work.resolve("app-" + run + ".log")).awaitStarted(Duration.ofMinutes(3));
    }

    private static boolean finished(ProcessTestDatabase database, UUID batchId) {
        String status = database.batchStatus(batchId);
        return status != null && status.startsWith("COMPLETED");
    }
}
